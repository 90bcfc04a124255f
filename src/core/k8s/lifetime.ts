import type { KubernetesClaims } from './claims.ts'
import {
  DefaultTokenRequestExpirationSeconds,
  ExpirationExtensionSeconds,
  kubeletRefreshAfter,
  MaxAdmissionReviewWebhookTokenExpirationSeconds,
  MinTokenAgeSec,
  rotationRule,
  WarnOnlyBoundTokenExpirationSeconds,
} from './extension.ts'
import type { SignerKind } from './signer.ts'

export type LifetimeCase =
  | 'never-expires'
  | 'extended-kubelet'
  | 'webhook'
  | 'kubelet-default'
  | 'token-request-default'
  | 'below-minimum'
  | 'irsa-default'
  | 'custom'
  | 'unknown'

export interface LifetimeAnalysis {
  case: LifetimeCase
  /** exp − iat, when both exist. */
  seconds?: number
  /** What was found, in one sentence. */
  summary: string
  /** Background paragraphs. */
  notes: string[]
  /** When the kubelet would replace a projected token, as seconds after iat. */
  kubeletRefreshAfter?: number
}

function duration(s: number): string {
  if (s % 86400 === 0) return `${s / 86400} day${s === 86400 ? '' : 's'} (${s} s)`
  if (s % 3600 === 0) return `${s / 3600} hour${s === 3600 ? '' : 's'} (${s} s)`
  return `${s} s`
}

const LEGACY_HISTORY = [
  'Kubernetes 1.24 stopped creating such Secrets automatically for every service account (LegacyServiceAccountTokenNoAutoGeneration); one can still be created by hand, and the controller fills it.',
  'Since 1.28 (LegacyServiceAccountTokenTracking, GA) the API server stamps the Secret with the label kubernetes.io/legacy-token-last-used: <date> whenever the token is used.',
  'Since 1.30 (LegacyServiceAccountTokenCleanUp, GA) auto-generated token Secrets that no pod mounts and that went unused for a year (--legacy-service-account-token-clean-up-period, default 365 days) are labelled kubernetes.io/legacy-token-invalid-since, which makes the API server reject the token, and are deleted after another period. Removing the label re-enables the token.',
]

/**
 * Explains a Kubernetes token's lifetime: the never-expiring legacy token and its 1.24/1.28/1.30
 * history, the auto-extended token (warnafter − iat 3607 s and exp beyond it; exp − iat is a year
 * with the in-process signer, min(1 year, its maximum) with an external `signer`), webhook-bound
 * tokens (always 600 s) and the TokenRequest bounds (600 s minimum, 3600 s default).
 */
export function analyzeLifetime(c: KubernetesClaims, signer: SignerKind = 'unknown'): LifetimeAnalysis {
  if (c.exp === undefined) {
    return {
      case: 'never-expires',
      summary:
        c.shape === 'legacy'
          ? 'This legacy token has no exp: it never expires and stays valid until its Secret is deleted.'
          : 'This token has no exp: it never expires.',
      notes:
        c.shape === 'legacy'
          ? LEGACY_HISTORY
          : [
              'The API server always sets exp on tokens it issues through TokenRequest, so a bound token without one was not issued as it stands.',
            ],
    }
  }
  const start = c.iat ?? c.nbf
  if (start === undefined)
    return {
      case: 'unknown',
      summary: 'The token has exp but neither iat nor nbf, so its total lifetime is unknown.',
      notes: [],
    }
  const seconds = c.exp - start
  const warnOffset = c.warnafter === undefined ? undefined : c.warnafter - start
  if (warnOffset === WarnOnlyBoundTokenExpirationSeconds && c.exp > (c.warnafter ?? 0)) {
    const year = seconds === ExpirationExtensionSeconds
    const shorter =
      signer === 'external'
        ? ', the maximum of the external signer that issued it: the extension is min(1 year, the signer’s maximum)'
        : ' (the in-process signer extends to one year; a shorter extension means an external signer’s maximum, or a managed service’s own setting: EKS documents 90 days)'
    return {
      case: 'extended-kubelet',
      seconds,
      kubeletRefreshAfter: kubeletRefreshAfter(WarnOnlyBoundTokenExpirationSeconds),
      summary: `An auto-extended kubelet token: requested for 3607 s, but exp was pushed out to ${duration(seconds)}${year ? ', the default one year' : shorter}.`,
      notes: [
        'With --service-account-extend-token-expiration (default true), when the kubelet asks for exactly 3607 s for a pod with only API server audiences, the API server writes a far exp and sets warnafter to iat + 3607 s. Old clients that never reload their token keep working. Such a token is recognised by warnafter − iat = 3607 s and exp beyond warnafter, whatever exp − iat is.',
        'After warnafter the token still authenticates, but each use adds the audit annotation authentication.k8s.io/stale-token ("subject: …, seconds after warning threshold: …") and counts in serviceaccount_stale_tokens_total, which is how operators find clients that do not reload tokens.',
        rotationRule(WarnOnlyBoundTokenExpirationSeconds),
      ],
    }
  }
  if (c.webhooks.length > 0) {
    const exact = seconds === MaxAdmissionReviewWebhookTokenExpirationSeconds
    return {
      case: 'webhook',
      seconds,
      summary: exact
        ? 'Lifetime 600 s: every token bound to a webhook configuration lives exactly 10 minutes.'
        : `Lifetime ${duration(seconds)}: a token bound to a webhook configuration always lives exactly 600 s, so the API server did not issue this one as it stands.`,
      notes: [
        'TokenRequest refuses less than 600 s, and the API server silently shortens anything longer to 600 s for webhook bindings (token.go maxAdmissionReviewWebhookTokenExpirationSeconds), without the warning other shortened requests get. Such tokens are never extended and carry no warnafter.',
      ],
    }
  }
  const base = { seconds, notes: [] as string[] }
  if (seconds < MinTokenAgeSec) {
    return {
      ...base,
      case: 'below-minimum',
      summary: `Lifetime ${duration(seconds)}: below the TokenRequest minimum of 600 s, so the standard TokenRequest API did not issue it as it stands.`,
    }
  }
  if (seconds === WarnOnlyBoundTokenExpirationSeconds) {
    return {
      ...base,
      case: 'kubelet-default',
      kubeletRefreshAfter: kubeletRefreshAfter(seconds),
      summary:
        'Lifetime 3607 s: the kubelet’s default projected token, not extended (extension is off, or the token has an audience other than the API server).',
      notes: [rotationRule(seconds)],
    }
  }
  if (seconds === DefaultTokenRequestExpirationSeconds) {
    return {
      ...base,
      case: 'token-request-default',
      summary: 'Lifetime 1 hour: the TokenRequest default, as from kubectl create token without --duration.',
      notes: [
        'TokenRequest accepts 600 s at least; the API server may shorten longer requests to --service-account-max-token-expiration.',
      ],
    }
  }
  if (seconds === 86400 && c.aud.includes('sts.amazonaws.com')) {
    return {
      ...base,
      case: 'irsa-default',
      summary:
        'Lifetime 1 day: the default of the EKS pod identity webhook for IAM roles for service accounts (eks.amazonaws.com/token-expiration).',
      notes: [rotationRule(seconds)],
    }
  }
  return {
    ...base,
    case: 'custom',
    summary: `Lifetime ${duration(seconds)}: a requested duration (the TokenRequest minimum is 600 s, the default 3600 s).`,
  }
}

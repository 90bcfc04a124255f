import type { KubernetesClaims } from './claims.ts'
import {
  DefaultTokenRequestExpirationSeconds,
  ExpirationExtensionSeconds,
  kubeletRefreshAfter,
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

/** A number of seconds as days or hours when it is a whole number of them. */
export function duration(s: number): string {
  if (s % 86400 === 0) return `${s / 86400} day${s === 86400 ? '' : 's'} (${s} s)`
  if (s % 3600 === 0) return `${s / 3600} hour${s === 3600 ? '' : 's'} (${s} s)`
  return `${s} s`
}

/** The lifetimes of the rarer tokens, from the k8sExtra chunk (./lifetime.ts). */
export interface RareLifetimes {
  /** A legacy token, which never expires, with its 1.24/1.28/1.30 history. */
  legacyNeverExpires: LifetimeAnalysis
  /** A webhook-bound token (always 600 s). */
  webhookLifetime(seconds: number): LifetimeAnalysis
  /** A one-day token for AWS STS: the EKS pod identity webhook's default. */
  irsaDefault(seconds: number): LifetimeAnalysis
}

/**
 * Explains a Kubernetes token's lifetime: the auto-extended token (warnafter − iat 3607 s and exp
 * beyond it; exp − iat is a year with the in-process signer, min(1 year, its maximum) with an
 * external `signer`), the TokenRequest bounds (600 s minimum, 3600 s default), and with `rare`
 * the never-expiring legacy token, webhook-bound tokens and IRSA's default. Without `rare`, right
 * only for a token that needsExtraInsights() says needs none (see analyzeLifetime for all).
 */
export function analyzeLifetimeWith(
  c: KubernetesClaims,
  signer: SignerKind = 'unknown',
  rare?: RareLifetimes,
): LifetimeAnalysis {
  if (c.exp === undefined) {
    if (c.shape === 'legacy' && rare) return rare.legacyNeverExpires
    return {
      case: 'never-expires',
      summary: 'This token has no exp: it never expires.',
      notes: [
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
  if (c.webhooks.length > 0 && rare) return rare.webhookLifetime(seconds)
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
  if (seconds === 86400 && c.aud.includes('sts.amazonaws.com') && rare) return rare.irsaDefault(seconds)
  return {
    ...base,
    case: 'custom',
    summary: `Lifetime ${duration(seconds)}: a requested duration (the TokenRequest minimum is 600 s, the default 3600 s).`,
  }
}

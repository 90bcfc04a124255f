// The lifetimes of the rarer tokens (legacy, webhook-bound, IRSA), in the on-demand k8sExtra chunk,
// and the lifetime analysis with them.
import type { KubernetesClaims } from './claims.ts'
import { MaxAdmissionReviewWebhookTokenExpirationSeconds, rotationRule } from './extension.ts'
import { analyzeLifetimeWith, duration, type LifetimeAnalysis, type RareLifetimes } from './lifetimeCases.ts'
import type { SignerKind } from './signer.ts'

export type { LifetimeAnalysis, LifetimeCase } from './lifetimeCases.ts'

const LEGACY_HISTORY = [
  'Kubernetes 1.24 stopped creating such Secrets automatically for every service account (LegacyServiceAccountTokenNoAutoGeneration); one can still be created by hand, and the controller fills it.',
  'Since 1.28 (LegacyServiceAccountTokenTracking, GA) the API server stamps the Secret with the label kubernetes.io/legacy-token-last-used: <date> whenever the token is used.',
  'Since 1.30 (LegacyServiceAccountTokenCleanUp, GA) auto-generated token Secrets that no pod mounts and that went unused for a year (--legacy-service-account-token-clean-up-period, default 365 days) are labelled kubernetes.io/legacy-token-invalid-since, which makes the API server reject the token, and are deleted after another period. Removing the label re-enables the token.',
]

/** The rarer lifetimes, for analyzeLifetimeWith. */
export const rareLifetimes: RareLifetimes = {
  legacyNeverExpires: {
    case: 'never-expires',
    summary: 'This legacy token has no exp: it never expires and stays valid until its Secret is deleted.',
    notes: LEGACY_HISTORY,
  },
  webhookLifetime(seconds) {
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
  },
  irsaDefault(seconds) {
    return {
      seconds,
      case: 'irsa-default',
      summary:
        'Lifetime 1 day: the default of the EKS pod identity webhook for IAM roles for service accounts (eks.amazonaws.com/token-expiration).',
      notes: [rotationRule(seconds)],
    }
  },
}

/**
 * Explains a Kubernetes token's lifetime, the rarer ones included: the never-expiring legacy
 * token and its 1.24/1.28/1.30 history, the auto-extended token, webhook-bound tokens (always
 * 600 s) and the TokenRequest bounds (600 s minimum, 3600 s default); see analyzeLifetimeWith.
 */
export function analyzeLifetime(c: KubernetesClaims, signer: SignerKind = 'unknown'): LifetimeAnalysis {
  return analyzeLifetimeWith(c, signer, rareLifetimes)
}

// Whether a Kubernetes token needs the rarer insights, which load on demand (the k8sExtra chunk,
// ./extra.ts): a bound pod token for the API server, the usual kind, needs none of them.
import { isApiServerAudience } from './apiAudience.ts'
import type { KubernetesClaims } from './claims.ts'

/**
 * Whether the token's view needs ./extra.ts: an audience other than the API server's (the
 * catalogue explains it, and may read it as an image-pull token), a webhook binding (its next
 * steps), a legacy Secret-based token (its steps), a token from a kubelet credential provider
 * request, or a pasted review to compare with. Without it, every audience names the API server
 * and there are no legacy or binding steps to give.
 */
export function needsExtraInsights(c: KubernetesClaims, fromCredentialProvider: boolean, review: boolean): boolean {
  return (
    review ||
    fromCredentialProvider ||
    c.shape === 'legacy' ||
    c.webhooks.length > 0 ||
    c.aud.some((a) => !isApiServerAudience(a, c.iss))
  )
}

import type { TokenKind } from '../analysis/kind.ts'
import type { JsonObject } from '../encoding/json.ts'
import { readKubernetesClaims, type KubernetesClaims } from './claims.ts'

// In the start-up bundle: the kind only. The findings about the shape (k8s/shapeChecks.ts) arrive
// with the lazily loaded checks, like every other header and claim check.

export interface KubernetesClassification {
  kind: TokenKind
  claims?: KubernetesClaims
}

function kindOf(c: KubernetesClaims): TokenKind {
  if (c.shape === 'legacy') return 'k8s-legacy'
  if (c.pod) return 'k8s-bound-pod'
  if (c.secret) return 'k8s-bound-secret'
  if (c.node) return 'k8s-bound-node'
  const webhook = c.webhooks[0]
  if (webhook) return `k8s-bound-${webhook.kind}webhook`
  if (c.otherRefs.length > 0) return 'k8s-bound-other'
  return 'k8s-token-request'
}

/**
 * Classifies a JWT payload as one of the Kubernetes service account token kinds by its claim
 * shape (never by `iss`): legacy, bound to a pod, Secret, node or webhook configuration, to an
 * object kind this version does not know, or to nothing. Returns kind `jwt` for any other payload.
 * Never throws.
 */
export function classifyKubernetes(payload: JsonObject): KubernetesClassification {
  const claims = readKubernetesClaims(payload)
  return claims ? { kind: kindOf(claims), claims } : { kind: 'jwt' }
}

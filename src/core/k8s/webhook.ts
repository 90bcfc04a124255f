// Tokens bound to an admission webhook configuration (KEP-6060, Kubernetes 1.37 alpha behind
// APIServerWebhookAuthenticationToken; k/k PR #140113). Rules from k/k
// pkg/registry/core/serviceaccount/storage/token.go and pkg/apis/authentication/validation.
// What every Kubernetes view reads about these bindings; the findings about such tokens are in
// webhookChecks.ts, which loads on demand, for a token bound to a webhook (src/app/modules.ts `shapes`).
import type { KubernetesClaims, WebhookBinding } from './claims.ts'

/** api authentication/v1 `AttestationAdmissionReviewAPIGroups`: the one attestation key there is. */
export const AttestationAdmissionReviewAPIGroups = 'admissionReviewAPIGroups'
/** The KEP text's attestation key, which the merged code replaced. */
export const KEP_ATTESTATION_KEY = 'webhook-authentication.k8s.io/allowedAPIGroup'

const KIND_NAME = { validating: 'ValidatingWebhookConfiguration', mutating: 'MutatingWebhookConfiguration' } as const

/** The object kind a binding names, e.g. `ValidatingWebhookConfiguration`. */
export function webhookKindName(w: WebhookBinding): string {
  return KIND_NAME[w.kind]
}

/** True for the merged lowercase spelling (`validatingwebhookconfiguration`). */
export function isMergedSpelling(w: WebhookBinding): boolean {
  return w.member === w.member.toLowerCase()
}

/** The attested API groups as written: `admissionReviewAPIGroups` (or the KEP's key) to a list. */
export function attestedGroups(c: KubernetesClaims): string[] {
  const value = c.attestations?.value
  if (!value) return []
  const list = value[AttestationAdmissionReviewAPIGroups] ?? value[KEP_ATTESTATION_KEY]
  return Array.isArray(list) ? list.filter((g): g is string => typeof g === 'string') : []
}

/** A service webhook's audience, `https://<service>.<namespace>.svc:<port><path>` (token.go validateWebhookAudience). */
export interface WebhookAudience {
  service: string
  namespace: string
  port: string
  path: string
}

const SERVICE_AUDIENCE = /^https:\/\/([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.svc:(\d+)(\/.*)$/

/** Reads a webhook audience written for an in-cluster service; undefined for a URL webhook's. */
export function serviceWebhookAudience(aud: string): WebhookAudience | undefined {
  const m = SERVICE_AUDIENCE.exec(aud)
  return m ? { service: m[1] ?? '', namespace: m[3] ?? '', port: m[5] ?? '', path: m[6] ?? '' } : undefined
}

import { diagnosticsFor, type CodeOf } from '../diagnostics/diagnostic.ts'
import type { CodeInfo } from '../diagnostics/codes.ts'
import { K8S } from '../diagnostics/specRefs.ts'

/**
 * The diagnostic codes of the Kubernetes checks and insights shown after the first view (the claim
 * shape and header checks, the risk banner, the name checks): part of the one registry (see
 * `src/core/diagnostics/codes.ts`), kept beside the code that emits them so that they load with it
 * instead of in the start-up chunk.
 */
export const KUBERNETES_CODES = {
  // The claim shape and header checks (shapeChecks.ts, header.ts), which load with the knowledge base
  /** A legacy token lacks a required claim. */
  K8S_LEGACY_CLAIM_MISSING: { severity: 'error', ref: K8S.legacy },
  /** A bound token without namespace. */
  K8S_NAMESPACE_MISSING: { severity: 'error', ref: K8S.claims },
  /** A bound token without service account name or uid. */
  K8S_SERVICEACCOUNT_INCOMPLETE: { severity: 'error', ref: K8S.claims },
  /** Bound to a Secret and a pod or node. */
  K8S_BOUND_CONFLICT: { severity: 'error', ref: K8S.claims },
  /** A bound object without name or uid. */
  K8S_BOUND_REF_INCOMPLETE: { severity: 'warning', ref: K8S.claims },
  /** Bound to an object kind this page does not know. */
  K8S_UNKNOWN_BOUND_OBJECT: { severity: 'info' },
  /** A bound token without sub. */
  K8S_SUB_MISSING: { severity: 'warning', ref: K8S.claims },
  /** A bound token's sub is no service account username. */
  K8S_SUB_UNPARSABLE: { severity: 'warning', ref: K8S.username },
  /** A bound token's sub differs from its service account. */
  K8S_SUB_MISMATCH: { severity: 'warning', ref: K8S.claims },
  /** A legacy token without sub. */
  K8S_LEGACY_SUB_MISSING: { severity: 'error', ref: K8S.legacy },
  /** A legacy token's sub is no service account username. */
  K8S_LEGACY_SUB_UNPARSABLE: { severity: 'error', ref: K8S.username },
  /** A legacy token's sub differs from its service account. */
  K8S_LEGACY_SUB_MISMATCH: { severity: 'error', ref: K8S.legacy },
  /** Legacy and bound claims together. */
  K8S_MIXED_SHAPE: { severity: 'warning', ref: K8S.docs },
  /** Legacy claims with exp or aud. */
  K8S_LEGACY_WITH_EXPIRY: { severity: 'info', ref: K8S.legacy },
  /** An alg the API server never signs with. */
  K8S_ALG_UNEXPECTED: { severity: 'warning', ref: K8S.jwt, banner: 'unexpected-alg' },

  /** A name that breaks the DNS-1123 rule of its kind: no cluster has such an object. */
  K8S_NAME_INVALID: { severity: 'warning', ref: K8S.names },
  /** A service account token that never expires. */
  K8S_NEVER_EXPIRES: { severity: 'error', banner: 'never-expires' },
  /** Expired by this page's clock and leeway. */
  K8S_EXPIRED: { severity: 'warning', banner: 'expired' },
  /** Past warnafter: each use is audited as stale. */
  K8S_STALE: { severity: 'warning', banner: 'stale' },
  /** Not valid yet (nbf in the future). */
  K8S_NOT_YET_VALID: { severity: 'warning', banner: 'not-yet-valid' },
  /** An audience other than the API server. */
  K8S_FOREIGN_AUDIENCE: { severity: 'warning', banner: 'foreign-audience' },
  /** typ, which the API server's own signer never writes. */
  K8S_TYP_PRESENT: { severity: 'info', banner: 'typ-present' },
  /** An empty kid, as from Kubernetes 1.11 to 1.15. */
  K8S_KID_EMPTY: { severity: 'info', banner: 'kid-empty' },
  /** No kid. */
  K8S_KID_MISSING: { severity: 'info', banner: 'kid-missing' },
  /** A kid of neither Kubernetes nor EKS form. */
  K8S_KID_UNUSUAL: { severity: 'info', banner: 'kid-unusual' },
  /** The header an external signer (KEP-740) must write. */
  K8S_EXTERNAL_SIGNER: { severity: 'info', ref: K8S.signer },
  /** A webhook binding or attestation in the KEP text's spelling, not the merged code's. */
  K8S_WEBHOOK_KEP_SPELLING: { severity: 'info', ref: K8S.token },
  /** A webhook-bound token that does not live exactly 600 s. */
  K8S_WEBHOOK_LIFETIME: { severity: 'warning', ref: K8S.token },
  /** A webhook-bound token without exactly one non-API-server audience. */
  K8S_WEBHOOK_AUDIENCE: { severity: 'warning', ref: K8S.token },
  /** A webhook-bound token without exactly one valid admissionReviewAPIGroups attestation. */
  K8S_WEBHOOK_ATTESTATION: { severity: 'warning', ref: K8S.token },
  /** Attestations on a token bound to no webhook configuration. */
  K8S_ATTESTATION_WITHOUT_WEBHOOK: { severity: 'warning', ref: K8S.token },
} as const satisfies Record<string, CodeInfo>

/** Makes a diagnostic with one of these codes, or a start-up one, taking severity and ref from the registry. */
export const diagnostic = diagnosticsFor(KUBERNETES_CODES)

/** The codes this feature may emit: its own and the start-up ones. */
export type KubernetesCode = CodeOf<typeof KUBERNETES_CODES>

import { diagnosticsFor, type CodeOf } from '../diagnostics/diagnostic.ts'
import type { CodeInfo } from '../diagnostics/codes.ts'
import { K8S } from '../diagnostics/specRefs.ts'

/**
 * The diagnostic codes of the Kubernetes insights shown after the first view: the risk banner and the name checks: part of the one registry (see
 * `src/core/diagnostics/codes.ts`), kept beside the code that emits them so that they load with it
 * instead of in the start-up chunk.
 */
export const KUBERNETES_CODES = {
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

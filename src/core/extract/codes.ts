import { diagnosticsFor, type CodeOf } from '../diagnostics/diagnostic.ts'
import type { CodeInfo } from '../diagnostics/codes.ts'
import { rfc } from '../diagnostics/specRefs.ts'

/**
 * The diagnostic codes of the full extractor (finding the token in a Secret, a kubeconfig, JSON, YAML, base64…): part of the one registry (see
 * `src/core/diagnostics/codes.ts`), kept beside the code that emits them so that they load with it
 * instead of in the start-up chunk.
 */
export const EXTRACTOR_CODES = {
  /** The paste is too large to search for a token. */
  PASTE_TOO_LARGE: { severity: 'error' },
  /** Nothing in the paste holds a token. */
  NO_TOKEN_FOUND: { severity: 'error' },
  /** YAML-looking paste that does not parse; searched as text. */
  YAML_INVALID: { severity: 'info' },
  /** YAML-looking paste of more lines than are parsed in one task; searched as text. */
  YAML_TOO_LONG: { severity: 'info' },
  /** Base64 that decodes to something other than a JWT. */
  BASE64_NOT_JWT: { severity: 'error' },
  /** A token field holds an opaque token, not a JWT. */
  FIELD_NOT_JWT: { severity: 'info' },
  /** The Secret is not a service-account-token Secret. */
  SECRET_NOT_SA_TOKEN_TYPE: { severity: 'warning' },
  /** The Secret's data.token is not base64. */
  SECRET_DATA_NOT_BASE64: { severity: 'error' },
  /** The Secret's data.token holds a JWT not base64-encoded. */
  SECRET_DATA_TOKEN_UNENCODED: { severity: 'warning' },
  /** The Secret's metadata contradicts the token's claims. */
  SECRET_CLAIM_MISMATCH: { severity: 'warning' },
  /** The Secret's metadata matches the token's claims. */
  SECRET_CLAIMS_MATCH: { severity: 'info' },
  /** Kubeconfig users without a JWT, not offered. */
  KUBECONFIG_USER_WITHOUT_TOKEN: { severity: 'info' },
  /** A TokenRequest's status expiry differs from exp. */
  TOKEN_REQUEST_EXPIRY_DIFFERS: { severity: 'info' },
  /** A TokenReview or SelfSubjectReview that holds no token. */
  REVIEW_WITHOUT_TOKEN: { severity: 'info' },
  /** A CSI token whose audience key is not in its aud. */
  CSI_AUDIENCE_MISMATCH: { severity: 'warning' },
  /** A known kind of bearer token that is not a JWT. */
  BEARER_NOT_JWT: { severity: 'info' },
  /** An EKS token the aws-iam-authenticator would refuse before asking STS. */
  EKS_TOKEN_INVALID: { severity: 'error' },
  /** One word that is not a JWT: perhaps a static or other opaque token. */
  BEARER_OPAQUE: { severity: 'info' },
  /** A DPoP proof's ath, jkt, htm or htu does not match the request it came with. */
  DPOP_BINDING_MISMATCH: { severity: 'error', ref: rfc(9449, '4.3') },
  /** A DPoP proof matches the request and access token it came with. */
  DPOP_BINDING_MATCHES: { severity: 'info', ref: rfc(9449, '4.3') },
} as const satisfies Record<string, CodeInfo>

/** Makes a diagnostic with one of these codes, or a start-up one, taking severity and ref from the registry. */
export const diagnostic = diagnosticsFor(EXTRACTOR_CODES)

/** The codes this feature may emit: its own and the start-up ones. */
export type ExtractorCode = CodeOf<typeof EXTRACTOR_CODES>

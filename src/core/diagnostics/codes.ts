import type { APISERVER_CODES } from '../apiserver/codes.ts'
import type { CHECK_CODES } from '../checks/codes.ts'
import type { SHAPE_CHECK_CODES } from '../checks/shapeCodes.ts'
import type { HEADER_PARAM_CODES } from '../decode/codes.ts'
import type { COMPARE_CODES } from '../compare/codes.ts'
import type { COMPOSE_CODES } from '../compose/codes.ts'
import type { EXTRACTOR_CODES } from '../extract/codes.ts'
import type { KUBERNETES_CODES } from '../k8s/codes.ts'
import type { SHARE_CODES } from '../permalink/codes.ts'
import type { TIME_CODES } from '../time/codes.ts'
import type { VERIFY_CODES } from '../verify/codes.ts'
import { rfc, type SpecRef } from './rfc.ts'

/** How serious a diagnostic is; the `data-severity` test hook. */
export type Severity = 'error' | 'warning' | 'info'

/** The `data-risk` ids of the Kubernetes risk banner. */
export type BannerId =
  | 'never-expires'
  | 'expired'
  | 'stale'
  | 'not-yet-valid'
  | 'foreign-audience'
  | 'unexpected-alg'
  | 'typ-present'
  | 'kid-empty'
  | 'kid-missing'
  | 'kid-unusual'

/** What the registry knows about one code. */
export interface CodeInfo {
  /** The one severity every diagnostic with this code has. */
  readonly severity: Severity
  /** The spec section a diagnostic links to unless its emission site names a closer one. */
  readonly ref?: SpecRef
  /** Shown in the Kubernetes risk banner too, under this `data-risk` id. */
  readonly banner?: BannerId
}

const B64 = rfc(7515, '2')

/**
 * The one table of diagnostic codes. A code means one thing and has one severity; emission sites
 * name the code and the registry supplies severity and default reference (see `diagnostic()`).
 * Adding a code here without a witness in codes.test.ts fails that test.
 */
export const CODES = {
  // Finding the token in the paste
  /** Spaces or line breaks were removed from the token. */
  WHITESPACE_REMOVED: { severity: 'info' },
  /** The token in the address has a broken %-escape. */
  FRAGMENT_BAD_ESCAPE: { severity: 'error' },

  // Decoding the compact token
  /** Nothing to decode. */
  TOKEN_EMPTY: { severity: 'info' },
  /** The token is too large to decode. */
  TOKEN_TOO_LARGE: { severity: 'error' },
  /** JWS/JWE JSON serialization, not a compact token. */
  JSON_SERIALIZATION: { severity: 'error', ref: rfc(7515, '7.2') },
  /** Neither 3 nor 5 dot-separated parts. */
  SEGMENT_COUNT: { severity: 'error', ref: rfc(7516, '9') },
  /** The header or payload part is empty. */
  SEGMENT_EMPTY: { severity: 'error', ref: rfc(7515, '7.1') },
  /** A part ends with '=' padding. */
  B64_PADDING: { severity: 'warning', ref: B64 },
  /** A part has a character outside base64url. */
  B64_INVALID_CHAR: { severity: 'error', ref: B64 },
  /** A part uses base64's '+' or '/'. */
  B64_STANDARD_ALPHABET: { severity: 'warning', ref: B64 },
  /** A part has an impossible base64 length. */
  B64_BAD_LENGTH: { severity: 'error', ref: B64 },
  /** The decoded header or payload is not UTF-8. */
  UTF8_INVALID: { severity: 'error', ref: rfc(7519, '7.2') },
  /** The decoded JSON starts with a byte-order mark. */
  UTF8_BOM: { severity: 'warning', ref: rfc(8259, '8.1') },
  /** The decoded header or payload is not valid JSON. */
  JSON_SYNTAX: { severity: 'error', ref: rfc(8259) },
  /** The header is JSON but not an object. */
  HEADER_NOT_OBJECT: { severity: 'error', ref: rfc(7515, '4') },
  /** The claims are JSON but not an object. */
  PAYLOAD_NOT_OBJECT: { severity: 'error', ref: rfc(7519, '7.2') },
  /** A member name appears twice. */
  JSON_DUPLICATE_MEMBER: { severity: 'warning', ref: rfc(7519, '4') },
  /** Five parts but no 'enc' in the header. */
  JWE_HEADER_NO_ENC: { severity: 'error', ref: rfc(7516, '4.1.2') },
  /** The header has 'enc' but the token has three parts. */
  JWE_SEGMENT_COUNT: { severity: 'error', ref: rfc(7516, '9') },
  /** The header has no 'alg'. */
  HEADER_ALG_MISSING: { severity: 'error', ref: rfc(7515, '4.1.1') },
  /** The header's 'alg' is not a string. */
  HEADER_ALG_NOT_STRING: { severity: 'error', ref: rfc(7515, '4.1.1') },
  /** alg none with a signature part. */
  ALG_NONE_WITH_SIGNATURE: { severity: 'error', ref: rfc(7519, '6.1') },
  /** The signature part is empty. */
  SIGNATURE_EMPTY: { severity: 'error', ref: rfc(7515, '7.1') },
  /** The signature was left out of a shared link. */
  SIGNATURE_REMOVED_FOR_SHARING: { severity: 'info', ref: rfc(7515, '7.1') },
  /** A disclosure that cannot be read. */
  SD_JWT_DISCLOSURE_INVALID: { severity: 'error', ref: rfc(9901, '4') },

  // Emitted both by the lazily loaded checks and by the verifier or the composer
  /** alg none: no signature. */
  ALG_NONE: { severity: 'warning', ref: rfc(8725, '3.1') },
  /** HMAC where a public key belongs, or a public key offered as a secret: key confusion. */
  ALG_KEY_CONFUSION: { severity: 'warning', ref: rfc(8725, '3.1') },

  // The page itself
  /** More diagnostics of one code than are listed (the first 20 are); one per such code. */
  DIAGNOSTICS_CAPPED: { severity: 'info' },
  /** A bug in JWT Explorer while showing the token. */
  INTERNAL_ERROR: { severity: 'error' },
} as const satisfies Record<string, CodeInfo>

/** The start-up codes: what decoding, simple extraction and classification can report. */
export type StartupCode = keyof typeof CODES

/**
 * Every diagnostic code: the closed union the UI's `data-code` hook takes its values from. The
 * registry is one table in meaning, stored in pieces by when their code loads: the start-up
 * codes above, and each lazily loaded feature's codes beside it (`src/core/<feature>/codes.ts`;
 * the checks that load with the shape checks have theirs in `checks/shapeCodes.ts`), so that a
 * feature's codes never weigh on the start-up chunk, nor the rarer checks' on the knowledge base. `registry.ts` puts them together
 * for the tests, which check that no code is in two pieces and that every code has a witness.
 */
export type DiagnosticCode =
  | StartupCode
  | keyof typeof EXTRACTOR_CODES
  | keyof typeof CHECK_CODES
  | keyof typeof SHAPE_CHECK_CODES
  | keyof typeof HEADER_PARAM_CODES
  | keyof typeof TIME_CODES
  | keyof typeof KUBERNETES_CODES
  | keyof typeof VERIFY_CODES
  | keyof typeof SHARE_CODES
  | keyof typeof APISERVER_CODES
  | keyof typeof COMPARE_CODES
  | keyof typeof COMPOSE_CODES

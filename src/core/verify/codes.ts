import { diagnosticsFor, type CodeOf } from '../diagnostics/diagnostic.ts'
import type { CodeInfo } from '../diagnostics/codes.ts'
import { rfc } from '../diagnostics/specRefs.ts'

/**
 * The diagnostic codes of reading key material and checking signatures: part of the one registry (see
 * `src/core/diagnostics/codes.ts`), kept beside the code that emits them so that they load with it
 * instead of in the start-up chunk.
 */
export const VERIFY_CODES = {
  /** A private key was pasted and refused. */
  PRIVATE_KEY_REFUSED: { severity: 'error' },
  /** A PEM block without its END line. */
  PEM_INCOMPLETE: { severity: 'error', ref: rfc(7468, '2') },
  /** A PEM block that is not base64. */
  PEM_BAD_BASE64: { severity: 'error', ref: rfc(7468, '2') },
  /** A PEM block without a readable key. */
  PEM_BAD_DER: { severity: 'error', ref: rfc(7468, '2') },
  /** A PEM block that holds no public key. */
  PEM_LABEL_UNSUPPORTED: { severity: 'warning', ref: rfc(7468, '2') },
  /** Key text that is broken JSON. */
  KEY_JSON_INVALID: { severity: 'error' },
  /** JSON that is no JWK, JWK Set or discovery document. */
  KEY_JSON_NOT_KEY: { severity: 'error', ref: rfc(7517, '4') },
  /** Key text that is no key (or a damaged one, or too long for a secret), or no key fits the token's alg. */
  KEY_UNRECOGNISED: { severity: 'error' },
  /** An HMAC secret not in the chosen encoding. */
  HMAC_SECRET_ENCODING: { severity: 'error' },
  /** An HMAC secret shorter than its hash. */
  HMAC_SECRET_SHORT: { severity: 'warning', ref: rfc(7518, '3.2') },
  /** A JWK Set without keys. */
  JWKS_EMPTY: { severity: 'error', ref: rfc(7517, '5') },
  /** JWK Set entries that are not objects. */
  JWKS_ENTRY_NOT_OBJECT: { severity: 'warning', ref: rfc(7517, '5') },
  /** A discovery document, which holds no keys. */
  DISCOVERY_HAS_NO_KEYS: { severity: 'info' },
  /** alg none can never be verified. */
  ALG_NONE_NEVER_VERIFIED: { severity: 'error', ref: rfc(8725, '3.1') },
} as const satisfies Record<string, CodeInfo>

/** Makes a diagnostic with one of these codes, or a start-up one, taking severity and ref from the registry. */
export const diagnostic = diagnosticsFor(VERIFY_CODES)

/** The codes this feature may emit: its own and the start-up ones. */
export type VerifyCode = CodeOf<typeof VERIFY_CODES>

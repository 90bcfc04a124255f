import { diagnosticsFor, type CodeOf } from '../diagnostics/diagnostic.ts'
import type { CodeInfo } from '../diagnostics/codes.ts'
import { rfc } from '../diagnostics/specRefs.ts'

/**
 * The diagnostic codes of the header and claim checks that load with the knowledge base: part of the one registry (see
 * `src/core/diagnostics/codes.ts`), kept beside the code that emits them so that they load with it
 * instead of in the start-up chunk. Those of the checks that load with the shape checks are in
 * `./shapeCodes.ts`.
 */
export const CHECK_CODES = {
  /** The signature's length does not fit its algorithm. */
  SIGNATURE_LENGTH: { severity: 'warning', ref: rfc(7518, '3') },
  /** alg is a registered name in the wrong letter case, such as hs256. */
  ALG_CASE_MISMATCH: { severity: 'error' },
  /** alg is not in the IANA algorithms registry. */
  ALG_UNREGISTERED: { severity: 'warning' },
  /** aud is neither a string nor strings. */
  AUD_INVALID_TYPE: { severity: 'error', ref: rfc(7519, '4.1.3') },
  /** iss or sub is not a string. */
  CLAIM_NOT_STRING: { severity: 'error', ref: rfc(7519, '4.1') },
  /** iss or sub has leading or trailing spaces. */
  CLAIM_WHITESPACE: { severity: 'warning', ref: rfc(7519, '4.1') },
  /** iss or sub has capitals in its scheme or host. */
  CASE_SENSITIVE_MATCH: { severity: 'info', ref: rfc(7519, '4.1') },
} as const satisfies Record<string, CodeInfo>

/** Makes a diagnostic with one of these codes, or a start-up one, taking severity and ref from the registry. */
export const diagnostic = diagnosticsFor(CHECK_CODES)

/** The codes this feature may emit: its own and the start-up ones. */
export type CheckCode = CodeOf<typeof CHECK_CODES>

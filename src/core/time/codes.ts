import { diagnosticsFor, type CodeOf } from '../diagnostics/diagnostic.ts'
import type { CodeInfo } from '../diagnostics/codes.ts'
import { rfc } from '../diagnostics/specRefs.ts'

/**
 * The diagnostic codes of the NumericDate checks: part of the one registry (see
 * `src/core/diagnostics/codes.ts`), kept beside the code that emits them so that they load with it
 * instead of in the start-up chunk.
 */
export const TIME_CODES = {
  /** A NumericDate claim is not a number. */
  TIME_NOT_A_NUMBER: { severity: 'error', ref: rfc(7519, '2') },
  /** A NumericDate in milliseconds. */
  TIME_IN_MILLISECONDS: { severity: 'warning', ref: rfc(7519, '2') },
  /** A NumericDate beyond the year 9999. */
  TIME_BEYOND_9999: { severity: 'warning', ref: rfc(7519, '2') },
  /** A NumericDate before 1970. */
  TIME_NEGATIVE: { severity: 'warning', ref: rfc(7519, '2') },
  /** iat is after exp. */
  TIME_IAT_AFTER_EXP: { severity: 'warning', ref: rfc(7519, '4.1.6') },
  /** nbf is not before exp. */
  TIME_NBF_NOT_BEFORE_EXP: { severity: 'warning', ref: rfc(7519, '4.1.5') },
  /** nbf is before iat. */
  TIME_NBF_BEFORE_IAT: { severity: 'info', ref: rfc(7519, '4.1.5') },
  /** iat is in the future by this clock. */
  TIME_IAT_IN_FUTURE: { severity: 'warning', ref: rfc(7519, '4.1.6') },
} as const satisfies Record<string, CodeInfo>

/** Makes a diagnostic with one of these codes, or a start-up one, taking severity and ref from the registry. */
export const diagnostic = diagnosticsFor(TIME_CODES)

/** The codes this feature may emit: its own and the start-up ones. */
export type TimeCode = CodeOf<typeof TIME_CODES>

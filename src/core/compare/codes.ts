import { diagnosticsFor, type CodeOf } from '../diagnostics/diagnostic.ts'
import type { CodeInfo } from '../diagnostics/codes.ts'

/**
 * The diagnostic codes of comparing two tokens: part of the one registry (see
 * `src/core/diagnostics/codes.ts`), kept beside the code that emits them so that they load with it
 * instead of in the start-up chunk.
 */
export const COMPARE_CODES = {
  /** One side of the comparison is empty. */
  COMPARE_SIDE_EMPTY: { severity: 'info' },
  /** One side has no readable claims, or is no token. */
  COMPARE_SIDE_UNREADABLE: { severity: 'warning' },
} as const satisfies Record<string, CodeInfo>

/** Makes a diagnostic with one of these codes, or a start-up one, taking severity and ref from the registry. */
export const diagnostic = diagnosticsFor(COMPARE_CODES)

/** The codes this feature may emit: its own and the start-up ones. */
export type CompareCode = CodeOf<typeof COMPARE_CODES>

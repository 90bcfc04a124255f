import { diagnosticsFor, type CodeOf } from '../diagnostics/diagnostic.ts'
import type { CodeInfo } from '../diagnostics/codes.ts'

/**
 * The diagnostic codes of the header parameter type check (headerParams.ts): part of the one
 * registry (see `src/core/diagnostics/codes.ts`). The check is shared by the header checks and the
 * verifier, both loaded after the first view, so its code stays out of the start-up chunk.
 */
export const HEADER_PARAM_CODES = {
  /** A registered header parameter of the wrong JSON type, such as a numeric kid. */
  HEADER_PARAM_TYPE: { severity: 'error' },
} as const satisfies Record<string, CodeInfo>

/** Makes a diagnostic with this code, or a start-up one, taking severity and ref from the registry. */
export const diagnostic = diagnosticsFor(HEADER_PARAM_CODES)

/** The codes stored in this piece. */
export type HeaderParamCode = CodeOf<typeof HEADER_PARAM_CODES>

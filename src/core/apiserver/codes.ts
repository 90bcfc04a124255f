import { diagnosticsFor, type CodeOf } from '../diagnostics/diagnostic.ts'
import type { CodeInfo } from '../diagnostics/codes.ts'

/**
 * The diagnostic codes of the cluster settings of the API server panel: part of the one registry (see
 * `src/core/diagnostics/codes.ts`), kept beside the code that emits them so that they load with it
 * instead of in the start-up chunk.
 */
export const APISERVER_CODES = {
  /** The cluster settings box holds nothing this page can read. */
  SETTINGS_UNRECOGNISED: { severity: 'error' },
  /** The cluster settings start like JSON but are not valid JSON. */
  SETTINGS_JSON_INVALID: { severity: 'error' },
  /** The cluster settings look like YAML but do not parse. */
  SETTINGS_YAML_INVALID: { severity: 'error' },
} as const satisfies Record<string, CodeInfo>

/** Makes a diagnostic with one of these codes, or a start-up one, taking severity and ref from the registry. */
export const diagnostic = diagnosticsFor(APISERVER_CODES)

/** The codes this feature may emit: its own and the start-up ones. */
export type ApiServerCode = CodeOf<typeof APISERVER_CODES>

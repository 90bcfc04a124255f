import { diagnosticsFor, type CodeOf } from '../diagnostics/diagnostic.ts'
import type { CodeInfo } from '../diagnostics/codes.ts'

/**
 * The diagnostic codes of shared links: making and opening them: part of the one registry (see
 * `src/core/diagnostics/codes.ts`), kept beside the code that emits them so that they load with it
 * instead of in the start-up chunk.
 */
export const SHARE_CODES = {
  /** Not a JWT Explorer shared link. */
  PERMALINK_NOT_A_LINK: { severity: 'error' },
  /** A shared link of an unknown format version. */
  PERMALINK_VERSION_UNSUPPORTED: { severity: 'error' },
  /** A damaged shared link. */
  PERMALINK_CORRUPT: { severity: 'error' },
  /** A shared link cut off in copying. */
  PERMALINK_TRUNCATED: { severity: 'error' },
  /** This browser cannot decompress shared links. */
  PERMALINK_UNSUPPORTED_BROWSER: { severity: 'error' },
  /** A shared link that expands too far. */
  PERMALINK_TOO_LARGE: { severity: 'error' },
  /** A shared link with malformed content. */
  PERMALINK_INVALID: { severity: 'error' },
  /** No readable header to share. */
  SHARE_NOTHING_TO_SHARE: { severity: 'info' },
  /** An encrypted token cannot be shared. */
  SHARE_ENCRYPTED: { severity: 'info' },
  /** A payload that cannot be shared. */
  SHARE_PAYLOAD_UNSUPPORTED: { severity: 'info' },
  /** The texts to redact are not JSON, so no link is made. */
  SHARE_REDACTION_FAILED: { severity: 'info' },
  /** A value redacted by the sharer. */
  SHARED_VALUE_REDACTED: { severity: 'info' },
  /** Classified differently than on the sharer’s page. */
  SHARED_KIND_DIFFERS: { severity: 'warning' },
} as const satisfies Record<string, CodeInfo>

/** Makes a diagnostic with one of these codes, or a start-up one, taking severity and ref from the registry. */
export const diagnostic = diagnosticsFor(SHARE_CODES)

/** The codes this feature may emit: its own and the start-up ones. */
export type ShareCode = CodeOf<typeof SHARE_CODES>

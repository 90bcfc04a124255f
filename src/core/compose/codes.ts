import { diagnosticsFor, type CodeOf } from '../diagnostics/diagnostic.ts'
import type { CodeInfo } from '../diagnostics/codes.ts'
import { VERIFY_CODES } from '../verify/codes.ts'

/**
 * The diagnostic codes of composing test tokens: part of the one registry (see
 * `src/core/diagnostics/codes.ts`), kept beside the code that emits them so that they load with it
 * instead of in the start-up chunk.
 */
export const COMPOSE_CODES = {
  /** The edited header or payload is not valid JSON. */
  COMPOSE_JSON_INVALID: { severity: 'error' },
  /** b64 false, an unencoded payload this composer does not write. */
  COMPOSE_HEADER_B64: { severity: 'error' },
  /** A copy of a token's header and claims, without its signature. */
  COMPOSE_COPY_UNSIGNED: { severity: 'info' },
  /** A token without readable claims cannot be copied. */
  COMPOSE_COPY_NO_CLAIMS: { severity: 'error' },
  /** No key to sign with yet. */
  COMPOSE_KEY_EMPTY: { severity: 'info' },
  /** A public key where signing needs the private one. */
  COMPOSE_KEY_PUBLIC: { severity: 'error' },
  /** Key text of a form not read here (encrypted, OpenSSH, a key set, …). */
  COMPOSE_KEY_UNSUPPORTED: { severity: 'error' },
  /** A key that cannot sign with the chosen algorithm. */
  COMPOSE_KEY_ALG_MISMATCH: { severity: 'error' },
  /** A private key that cannot be read. */
  COMPOSE_KEY_INVALID: { severity: 'error' },
  /** An RSA key under 2048 bits. */
  COMPOSE_KEY_RSA_SHORT: { severity: 'warning' },
  /** WebCrypto could not make the key, or refused to sign with it. */
  COMPOSE_WEBCRYPTO_FAILED: { severity: 'error' },
} as const satisfies Record<string, CodeInfo>

/** Makes a diagnostic with one of these codes, or a start-up one, taking severity and ref from the registry. */
// The composer reads keys as the verifier does, and says what is wrong with them in its words.
export const diagnostic = diagnosticsFor({ ...VERIFY_CODES, ...COMPOSE_CODES })

/** The codes this feature may emit: its own and the start-up ones. */
export type ComposeCode = CodeOf<typeof VERIFY_CODES & typeof COMPOSE_CODES>

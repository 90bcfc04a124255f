import { decodeBase64Loose } from '../encoding/base64.ts'
import type { Diagnostic, Span } from '../diagnostics/diagnostic.ts'
import { decodeUtf8Strict } from '../encoding/utf8.ts'
import { looksLikeJwt, TOKEN_ALPHABET } from './text.ts'
import { diagnostic } from './codes.ts'

/** `binary`: the bytes are no UTF-8 text, so the input may as well be an opaque token that happens to be base64. */
export type Base64Result = { ok: true; token: string } | { ok: false; diagnostic: Diagnostic; binary: boolean } | null

/** Describes what some non-JWT bytes look like, so the message says more than "no". */
function describe(bytes: Uint8Array): string {
  const text = decodeUtf8Strict(bytes)
  if (!text.ok) return `${bytes.length} bytes of binary data`
  const t = text.text.trim()
  if (t.startsWith('-----BEGIN')) return `a PEM block (${t.slice(5, t.indexOf('-----', 5)).trim() || 'unknown'})`
  if (t.startsWith('{')) return 'JSON text, not a compact token'
  const preview = t.length > 24 ? `${t.slice(0, 24)}…` : t
  return `the text "${preview}"`
}

/**
 * Decodes text that may be the base64 of a JWT, as in a Secret's `data.token` or
 * `kubectl get secret -o jsonpath='{.data.token}'`. Returns null when the text is not base64 at
 * all; an error diagnostic when it is base64 of something other than a JWT.
 * @param what names the text in messages, e.g. "The paste" or "data.token"
 */
export function decodeBase64Jwt(text: string, what: string, span?: Span): Base64Result {
  const compact = text.replace(/\s+/g, '')
  if (compact.length < 8 || !TOKEN_ALPHABET.test(compact) || compact.includes('.')) return null
  const bytes = decodeBase64Loose(compact)
  if (!bytes) return null
  const utf8 = decodeUtf8Strict(bytes)
  // `echo $TOKEN | base64` adds a newline, which is not part of the token.
  const decoded = utf8.ok ? utf8.text.trim() : ''
  if (looksLikeJwt(decoded)) return { ok: true, token: decoded }
  // Short words are base64 by accident; let the decoder explain those.
  if (compact.length < 16) return null
  return {
    ok: false,
    binary: !utf8.ok,
    diagnostic: diagnostic(
      'BASE64_NOT_JWT',
      `${what} is valid base64, but it decodes to ${describe(bytes)}, not to a JWT (three or five base64url parts joined by dots).`,
      { part: 'input', ...(span ? { span } : {}) },
    ),
  }
}

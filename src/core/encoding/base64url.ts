import { diagnostic, type Diagnostic, type TokenPart } from '../diagnostics/diagnostic.ts'

/** The base64url alphabet, by six-bit value (shared with ./base64.ts, which encodes). */
export const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
/** The six-bit value of each ASCII character, -1 for none; '+' and '/' read as '-' and '_'. */
export const LOOKUP = new Int16Array(128).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i
// Standard base64 characters decode leniently to the same six bits.
LOOKUP['+'.charCodeAt(0)] = 62
LOOKUP['/'.charCodeAt(0)] = 63

const MAX_CHAR_REPORTS = 5

export interface SegmentBytes {
  /** Decoded bytes; null when the segment cannot be decoded at all. */
  bytes: Uint8Array | null
  diagnostics: Diagnostic[]
}

function describeChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0
  const hex = cp.toString(16).toUpperCase().padStart(4, '0')
  if (cp < 0x20 || cp === 0x7f) return `control character U+${hex}`
  if (ch === ' ') return 'a space (U+0020)'
  return `'${ch}' (U+${hex})`
}

/**
 * Decodes one base64url segment of a compact token. Standard-base64 characters and `=` padding
 * are accepted with a warning, because strict verifiers (RFC 7515 §2) reject them while
 * people often meet them in tokens that went through a base64 tool.
 * @param text the segment text
 * @param offset where the segment starts in the token, so that spans point into the token
 * @param part which part of the token this is, named in messages
 */
export function decodeBase64urlSegment(text: string, offset: number, part: TokenPart): SegmentBytes {
  const diagnostics: Diagnostic[] = []
  let body = text
  const padMatch = /=+$/.exec(body)
  if (padMatch) {
    body = body.slice(0, padMatch.index)
    diagnostics.push(
      diagnostic(
        'B64_PADDING',
        `The ${part} ends with '=' padding. Base64url in JWTs is unpadded; it was decoded anyway, but strict verifiers (including Kubernetes) reject the token.`,
        { part, span: { start: offset + padMatch.index, end: offset + text.length } },
      ),
    )
  }
  let invalid = 0
  let standardAt = -1
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i)
    if (c < 128 && LOOKUP[c] !== -1) {
      if ((c === 43 || c === 47) && standardAt < 0) standardAt = i
      continue
    }
    invalid++
    if (invalid <= MAX_CHAR_REPORTS) {
      const ch = String.fromCodePoint(body.codePointAt(i) ?? c)
      diagnostics.push(
        diagnostic(
          'B64_INVALID_CHAR',
          `The ${part} has ${describeChar(ch)} at position ${offset + i + 1}, which is not a base64url character (A–Z, a–z, 0–9, '-', '_').`,
          { part, span: { start: offset + i, end: offset + i + ch.length } },
        ),
      )
    }
  }
  if (invalid > MAX_CHAR_REPORTS) {
    diagnostics.push(
      diagnostic(
        'B64_INVALID_CHAR',
        `The ${part} has ${invalid - MAX_CHAR_REPORTS} more characters outside base64url.`,
        { part, span: { start: offset, end: offset + text.length } },
      ),
    )
  }
  if (standardAt >= 0) {
    diagnostics.push(
      diagnostic(
        'B64_STANDARD_ALPHABET',
        `The ${part} uses standard base64 characters ('+' or '/', first at position ${offset + standardAt + 1}). JWTs use base64url ('-' and '_'); it was decoded anyway, but strict verifiers reject it.`,
        { part, span: { start: offset + standardAt, end: offset + standardAt + 1 } },
      ),
    )
  }
  if (body.length % 4 === 1) {
    diagnostics.push(
      diagnostic(
        'B64_BAD_LENGTH',
        `The ${part} is ${body.length} characters long. No base64 encoding has a length of 4n+1, so the ${part} is truncated or has a stray character.`,
        { part, span: { start: offset + body.length - 1, end: offset + body.length } },
      ),
    )
  }
  if (invalid > 0 || body.length % 4 === 1) return { bytes: null, diagnostics }
  return { bytes: decodeValidBody(body), diagnostics }
}

export function decodeValidBody(body: string): Uint8Array {
  const out = new Uint8Array(Math.floor((body.length * 3) / 4))
  let buffer = 0
  let bits = 0
  let j = 0
  for (let i = 0; i < body.length; i++) {
    buffer = (buffer << 6) | (LOOKUP[body.charCodeAt(i)] as number)
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[j++] = (buffer >> bits) & 0xff
    }
  }
  return out
}

/** Maps a byte range of decoded data back to the base64 characters that encode it. */
export function byteRangeToCharSpan(startByte: number, endByte: number, segmentOffset: number) {
  return {
    start: segmentOffset + Math.floor((startByte * 4) / 3),
    end: segmentOffset + Math.max(Math.ceil((endByte * 4) / 3), Math.floor((startByte * 4) / 3) + 1),
  }
}

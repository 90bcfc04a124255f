// Base64 for everything but the token's own segments (keys, certificates, pasted base64, share
// links, composed tokens): those load on demand, so these live apart from ./base64url.ts, which
// decodes the segments at start-up and which they share the tables with.
import { ALPHABET, decodeValidBody, LOOKUP } from './base64url.ts'

/** Lenient base64/base64url decode for non-token uses (keys, pasted base64). Returns null when the text is not base64. */
export function decodeBase64Loose(text: string): Uint8Array | null {
  const body = text.replace(/=+$/, '')
  if (body.length % 4 === 1 || body.length === 0) return null
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i)
    if (c >= 128 || LOOKUP[c] === -1) return null
  }
  return decodeValidBody(body)
}

/** Encodes bytes as unpadded base64url. */
export function encodeBase64url(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number)
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = (bytes[i] as number) << 16
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!
  } else if (rest === 2) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8)
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!
  }
  return out
}

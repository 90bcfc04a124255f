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

const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0))
const ASCII = new TextDecoder()

/**
 * Encodes bytes as unpadded base64url. The characters are written into one byte array and decoded
 * once: adding them to a string four at a time made a megabyte's encoding a million short strings,
 * and a garbage collection of 150 ms.
 */
export function encodeBase64url(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil((bytes.length * 4) / 3))
  let i = 0
  let o = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number)
    out[o++] = CODES[n >> 18] as number
    out[o++] = CODES[(n >> 12) & 63] as number
    out[o++] = CODES[(n >> 6) & 63] as number
    out[o++] = CODES[n & 63] as number
  }
  const rest = bytes.length - i
  if (rest > 0) {
    const n = ((bytes[i] as number) << 16) | (rest === 2 ? (bytes[i + 1] as number) << 8 : 0)
    out[o++] = CODES[n >> 18] as number
    out[o++] = CODES[(n >> 12) & 63] as number
    if (rest === 2) out[o++] = CODES[(n >> 6) & 63] as number
  }
  return ASCII.decode(out)
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

export type Utf8Result = { ok: true; text: string } | { ok: false; badByte: number }

// ignoreBOM keeps a byte-order mark in the text, so that the decoder can report it.
/**
 * Decodes bytes as UTF-8, refusing ill-formed sequences: RFC 7519 §7.2 requires the header and
 * claims to be valid UTF-8, and a lenient decoder would hide the problem behind U+FFFD.
 */
export function decodeUtf8Strict(bytes: Uint8Array): Utf8Result {
  try {
    return { ok: true, text: strictDecoder.decode(bytes) }
  } catch {
    return { ok: false, badByte: findInvalidUtf8(bytes) }
  }
}

/** Index of the first byte that starts an ill-formed UTF-8 sequence. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] as number
    let need = 0
    let min = 0
    if (b < 0x80) {
      i++
      continue
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1
      min = 0x80
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      min = 0x800
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      min = 0x10000
    } else return i
    if (i + need >= bytes.length) return i
    let cp = b & (0x3f >> need)
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (c & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i
    i += need + 1
  }
  return bytes.length
}

const encoder = new TextEncoder()

/** Number of UTF-8 bytes that encode `text.slice(0, charIndex)`; maps JSON positions back to bytes. */
export function utf8ByteOffset(text: string, charIndex: number): number {
  return encoder.encode(text.slice(0, charIndex)).length
}

/** Lowercase hex of bytes, space-separated, truncated to `max` bytes. */
export function toHex(bytes: Uint8Array, max = 256): string {
  const parts: string[] = []
  for (let i = 0; i < Math.min(bytes.length, max); i++) parts.push((bytes[i] as number).toString(16).padStart(2, '0'))
  return parts.join(' ') + (bytes.length > max ? ' …' : '')
}

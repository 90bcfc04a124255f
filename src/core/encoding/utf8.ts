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

/**
 * Maps UTF-16 offsets in `text` to the UTF-8 byte offsets they start at, for spans of decoded
 * JSON. Built once per text, in one pass, on the first call; re-encoding the text before each
 * offset instead made a token with many findings cost the square of its size. When the text is
 * ASCII (`byteLength` equals its length) every offset is its own byte offset and nothing is built.
 * @param byteLength the length of the text in UTF-8 bytes, when known
 */
export function utf8Offsets(text: string, byteLength?: number): (charIndex: number) => number {
  let table: Uint32Array | undefined
  return (charIndex) => {
    const i = Math.max(0, Math.min(charIndex, text.length))
    if (byteLength === text.length) return i
    if (!table) {
      table = new Uint32Array(text.length + 1)
      for (let k = 0, bytes = 0; k <= text.length; k++) {
        table[k] = bytes
        const c = text.charCodeAt(k)
        // A surrogate pair is 2 UTF-16 units and 4 bytes: 2 each.
        bytes += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3
      }
    }
    return table[i] as number
  }
}

/** Lowercase hex of bytes, space-separated, truncated to `max` bytes. */
export function toHex(bytes: Uint8Array, max = 256): string {
  const parts: string[] = []
  for (let i = 0; i < Math.min(bytes.length, max); i++) parts.push((bytes[i] as number).toString(16).padStart(2, '0'))
  return parts.join(' ') + (bytes.length > max ? ' …' : '')
}

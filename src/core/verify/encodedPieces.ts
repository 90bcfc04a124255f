import { decodeBase64Loose } from '../encoding/base64url.ts'
import { decodeUtf8Strict } from '../encoding/utf8.ts'

/**
 * The byte strings a pasted text may carry in encoded form: the whole text as base64, base64url or
 * hex; each block of lines that are all base64 (a PEM body without its BEGIN/END lines); and each
 * long base64 or hex run inside a line (a YAML or JSON value such as a Secret's `tls.key`). Looking at
 * all of them is what lets the key checks see a key whatever encoding it was pasted in.
 */

const B64_LINE = /^[A-Za-z0-9+/_-]+=*$/
const B64_RUN = /[A-Za-z0-9+/_-]{40,}={0,2}/g
const B64_TAIL = /(?<=[\s:"'])[A-Za-z0-9+/_-]{16,}=*$/
const HEX = /^(?:[0-9a-fA-F]{2})+$/
const HEX_RUN = /(?:[0-9a-fA-F]{2}){32,}/g
/** Caps the work on one text: the pieces are decoded in order until this many characters were read. */
const MAX_CHARS = 4 * 1024 * 1024

function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16)
  return out
}

/** Decoded pieces of `text`, whole text first; duplicates are dropped. Never throws. */
export function encodedPieces(text: string): Uint8Array[] {
  const seen = new Set<string>()
  const out: Uint8Array[] = []
  let budget = MAX_CHARS
  const add = (encoded: string) => {
    if (encoded.length < 16 || seen.has(encoded) || budget < encoded.length) return
    seen.add(encoded)
    budget -= encoded.length
    // Hex digits are base64 characters too: a hex text is read both ways.
    if (HEX.test(encoded) && encoded.length >= 32) out.push(hexBytes(encoded))
    // A cut-off paste can leave 4n+1 characters, which no base64 has: the last one is dropped.
    const body = encoded.replace(/=+$/, '')
    const bytes = decodeBase64Loose(body.length % 4 === 1 ? body.slice(0, -1) : body)
    if (bytes) out.push(bytes)
  }
  const whole = text.replace(/\s+/g, '').replace(/^["']|["']$/g, '')
  if (B64_LINE.test(whole) || HEX.test(whole)) add(whole)
  let block: string[] = []
  const flush = () => {
    if (block.length > 1) add(block.join(''))
    block = []
  }
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (line !== '' && B64_LINE.test(line)) {
      block.push(line)
      continue
    }
    flush()
    // A block may start after a label on its first line ("tls.key: MIIE…", "Here it is: MIIE…").
    const tail = B64_TAIL.exec(line)
    if (tail) block.push(tail[0])
  }
  flush()
  for (const m of text.matchAll(B64_RUN)) add(m[0])
  for (const m of text.matchAll(HEX_RUN)) add(m[0])
  return out
}

/** The bytes as text when they are UTF-8 that reads as text (no control characters but tab and line breaks). */
export function bytesAsText(bytes: Uint8Array): string | null {
  const utf8 = decodeUtf8Strict(bytes)
  if (!utf8.ok || utf8.text.length === 0) return null
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(utf8.text) ? null : utf8.text
}

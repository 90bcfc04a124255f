import { decodeBase64Loose } from '../encoding/base64.ts'
import { decodeUtf8Strict } from '../encoding/utf8.ts'

/**
 * The byte strings a pasted text may carry in encoded form: the whole text as base64, base64url or
 * hex; each block of lines that are all base64 (a PEM body without its BEGIN/END lines); and each
 * long base64 or hex run inside a line (a YAML or JSON value such as a Secret's `tls.key`). Looking at
 * all of them is what lets the key checks see a key whatever encoding it was pasted in.
 */

const B64_LINE = /^[A-Za-z0-9+/_-]+=*$/
const B64_TAIL = /(?<=[\s:"'])[A-Za-z0-9+/_-]{16,}=*$/
const HEX = /^(?:[0-9a-fA-F]{2})+$/
const HEX_RUN = /(?:[0-9a-fA-F]{2}){32,}/g
/** Caps the work on one text: the pieces are decoded in order until this many characters were read. */
const MAX_CHARS = 4 * 1024 * 1024

const B64_CHAR = new Uint8Array(128)
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-') B64_CHAR[c.charCodeAt(0)] = 1

/**
 * Every run of at least 40 base64 characters (with up to two '=' after it). A loop rather than a
 * regular expression: V8 took 160 ms for /[…]{40,}/g over one 1 MB run.
 */
function base64Runs(text: string): string[] {
  const out: string[] = []
  let start = -1
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0
    if (c < 128 && B64_CHAR[c] === 1) {
      if (start < 0) start = i
      continue
    }
    if (start >= 0 && i - start >= 40) {
      let end = i
      while (end < text.length && end - i < 2 && text[end] === '=') end++
      out.push(text.slice(start, end))
    }
    start = -1
  }
  return out
}

const HEX_VALUE = new Int8Array(128).fill(-1)
for (let i = 0; i < 16; i++) {
  HEX_VALUE['0123456789abcdef'.charCodeAt(i)] = i
  HEX_VALUE['0123456789ABCDEF'.charCodeAt(i)] = i
}

/** Decodes hex already checked to be whole bytes of hex digits. */
function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++)
    out[i] = ((HEX_VALUE[hex.charCodeAt(2 * i)] as number) << 4) | (HEX_VALUE[hex.charCodeAt(2 * i + 1)] as number)
  return out
}

/**
 * The text without whitespace when it is one base64 or hex value: only base64 characters (at
 * least 16) and then only '=' padding, with whitespace and one pair of quotes around. Checked in
 * one pass before any copy is made, so that large texts that are no such value cost little.
 */
function wholeValue(text: string): string | null {
  let digits = 0
  let padding = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue
    if ((c === 0x22 || c === 0x27) && (digits === 0 || i === text.length - 1 || /^["']\s*$/.test(text.slice(i))))
      continue
    if (c === 0x3d) {
      if (digits < 16) return null
      padding = true
    } else if (c < 128 && B64_CHAR[c] === 1 && !padding) digits++
    else return null
  }
  return digits < 16 ? null : text.replace(/\s+/g, '').replace(/^["']|["']$/g, '')
}

/** The whole text read as base64 (or base64url) and, when it is hex, as hex. */
export function wholeTextBytes(text: string): Uint8Array[] {
  const whole = wholeValue(text)
  if (whole === null) return []
  const out: Uint8Array[] = []
  if (HEX.test(whole) && whole.length >= 32) out.push(hexBytes(whole))
  const body = whole.replace(/=+$/, '')
  // A cut-off paste can leave 4n+1 characters, which no base64 has: the last one is dropped.
  const bytes = decodeBase64Loose(body.length % 4 === 1 ? body.slice(0, -1) : body)
  if (bytes) out.push(bytes)
  return out
}

/** Decoded pieces of `text`, whole text first; duplicates are dropped. Never throws. */
export function encodedPieces(text: string): Uint8Array[] {
  const seen = new Set<string>()
  const whole = wholeValue(text)
  if (whole !== null) seen.add(whole)
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
  if (whole !== null) out.push(...wholeTextBytes(text))
  let block: string[] = []
  const flush = () => {
    if (block.length > 0) add(block.join(''))
    block = []
  }
  // Runs are looked for only in lines that are not all base64: those are in a block already.
  const mixed: string[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (line !== '' && B64_LINE.test(line)) {
      block.push(line)
      continue
    }
    flush()
    if (line === '') continue
    mixed.push(line)
    // A block may start after a label on its first line ("tls.key: MIIE…", "Here it is: MIIE…").
    const tail = B64_TAIL.exec(line)
    if (tail) block.push(tail[0])
  }
  flush()
  for (const line of mixed) {
    for (const run of base64Runs(line)) add(run)
    for (const m of line.matchAll(HEX_RUN)) add(m[0])
  }
  return out
}

/** The bytes as text when they are UTF-8 that reads as text (no control characters but tab and line breaks). */
export function bytesAsText(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return null
  // Most decoded pieces are binary: a control byte tells so without a (throwing) strict decode.
  let ascii = true
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) return null
    if (b >= 0x80) ascii = false
  }
  if (ascii) return asciiDecoder.decode(bytes)
  const utf8 = decodeUtf8Strict(bytes)
  return utf8.ok ? utf8.text : null
}

const asciiDecoder = new TextDecoder()

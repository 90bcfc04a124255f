import { byteRangeToCharSpan, decodeBase64urlSegment } from '../encoding/base64url.ts'
import { diagnostic, type Diagnostic, type Span } from '../diagnostics/diagnostic.ts'
import type { DecodedJson, Segment } from './decodeToken.ts'
import { isJsonObject, parseJson } from '../encoding/json.ts'
import { decodeUtf8Strict, utf8Offsets } from '../encoding/utf8.ts'
import { cappedEach } from '../diagnostics/cap.ts'

// Decoding one segment that must hold UTF-8 JSON (the header, or a JWT payload), with every
// problem reported as a diagnostic whose span points at the base64url characters responsible.

/** The span of a whole segment (at least one character, so an empty segment can be marked). */
export function segSpan(seg: Segment): Span {
  return { start: seg.start, end: seg.start + Math.max(seg.text.length, 1) }
}

/** Decodes a segment that must be a UTF-8 JSON object (the header, or a JWT payload). */
export function decodeJsonSegment(seg: Segment, diagnostics: Diagnostic[]): DecodedJson | null {
  const part = seg.part
  if (seg.text === '') {
    diagnostics.push(
      diagnostic('SEGMENT_EMPTY', `The ${part} part is empty.`, { part, span: { start: seg.start, end: seg.start } }),
    )
    return null
  }
  const { bytes, diagnostics: d } = decodeBase64urlSegment(seg.text, seg.start, part)
  diagnostics.push(...d)
  if (!bytes) return null
  const text = decodeTextOrReport(bytes, seg, diagnostics)
  if (text === null) return null
  return parseJsonOrReport(text, bytes, seg, diagnostics)
}

/** Decodes bytes as strict UTF-8, reporting the first bad byte; a leading BOM is reported and skipped. */
export function decodeTextOrReport(bytes: Uint8Array, seg: Segment, diagnostics: Diagnostic[]): string | null {
  const utf8 = decodeUtf8Strict(bytes)
  if (!utf8.ok) {
    diagnostics.push(
      diagnostic(
        'UTF8_INVALID',
        `The decoded ${seg.part} is not valid UTF-8: byte ${utf8.badByte + 1} (0x${(bytes[utf8.badByte] ?? 0).toString(16).padStart(2, '0')}) does not start a valid character. JWT headers and claims must be UTF-8 JSON.`,
        { part: seg.part, span: byteRangeToCharSpan(utf8.badByte, utf8.badByte + 1, seg.start) },
      ),
    )
    return null
  }
  let text = utf8.text
  if (text.charCodeAt(0) === 0xfeff) {
    diagnostics.push(
      diagnostic(
        'UTF8_BOM',
        `The decoded ${seg.part} starts with a byte-order mark (EF BB BF). JSON text must not begin with one (RFC 8259 §8.1); it was skipped.`,
        { part: seg.part, span: byteRangeToCharSpan(0, 3, seg.start) },
      ),
    )
    text = text.slice(1)
  }
  return text
}

/**
 * Parses decoded text as a JSON object, reporting syntax errors, non-objects, duplicate members and
 * integers beyond 2^53 with spans mapped back to the segment's base64url characters.
 */
export function parseJsonOrReport(
  text: string,
  bytes: Uint8Array,
  seg: Segment,
  diagnostics: Diagnostic[],
): DecodedJson | null {
  const part = seg.part
  const bomBytes = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  const byteAt = utf8Offsets(text, bytes.length - bomBytes)
  const spanAt = (charOffset: number, length = 1) => {
    const b = bomBytes + byteAt(charOffset)
    return byteRangeToCharSpan(b, b + length, seg.start)
  }
  const parsed = parseJson(text)
  if (parsed.error) {
    const { offset, message } = parsed.error
    diagnostics.push(
      diagnostic(
        'JSON_SYNTAX',
        `The decoded ${part} is not valid JSON: ${message} at character ${offset + 1} of the decoded text.`,
        { part, span: spanAt(offset) },
      ),
    )
    return null
  }
  if (!isJsonObject(parsed.value)) {
    const what = Array.isArray(parsed.value) ? 'an array' : parsed.value === null ? 'null' : `a ${typeof parsed.value}`
    diagnostics.push(
      diagnostic(
        part === 'header' ? 'HEADER_NOT_OBJECT' : 'PAYLOAD_NOT_OBJECT',
        `The decoded ${part} is valid JSON but it is ${what}, not an object. A JWT ${part === 'header' ? 'header' : 'claims set'} must be a JSON object.`,
        { part, span: segSpan(seg) },
      ),
    )
    return null
  }
  const at = (offset: number, length: number, pointer: string) => ({
    part,
    span: spanAt(offset, length),
    pointer,
    location: part === 'header' ? ('header' as const) : ('payload' as const),
  })
  // A crafted token can repeat a member or a large number a hundred thousand times: only the
  // first few of each are described (see cappedEach), the rest are counted.
  diagnostics.push(
    ...cappedEach(parsed.duplicates, (dup) =>
      diagnostic(
        'JSON_DUPLICATE_MEMBER',
        `The ${part} has the member "${shorten(dup.key)}" more than once. The last value wins here, as in JSON.parse, but other parsers may keep the first, so two systems can read this token differently.`,
        at(dup.lastOffset, dup.key.length + 2, dup.pointer),
      ),
    ),
  )
  for (const unsafe of [true, false]) {
    const code = unsafe ? 'JSON_NUMBER_PRECISION' : 'JSON_NUMBER_OUT_OF_RANGE'
    const numbers = parsed.impreciseNumbers.filter((n) => (n.reason === 'unsafe-integer') === unsafe)
    diagnostics.push(
      ...cappedEach(numbers, (num) => {
        const what = `${shorten(num.raw)} at ${shorten(num.pointer)} is beyond ${unsafe ? '2^53' : 'what a double can hold'}`
        return diagnostic(
          code,
          `The ${unsafe ? 'integer' : 'number'} ${what}, so JavaScript and many JSON libraries read it as ${Number(num.raw)}${num.reason === 'overflow' ? ' (JSON.stringify writes null)' : ''}. The exact text is shown.`,
          at(num.offset, num.raw.length, num.pointer),
        )
      }),
    )
  }
  return { text, value: parsed.value, impreciseNumbers: parsed.impreciseNumbers, duplicates: parsed.duplicates }
}

/** A member name or number in a message: long ones are cut, the row shows them whole. */
function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 60)}…` : text
}

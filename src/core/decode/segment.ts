import { byteRangeToCharSpan, decodeBase64urlSegment } from '../encoding/base64url.ts'
import { diagnostic, type Diagnostic, type Span } from '../diagnostics/diagnostic.ts'
import type { DecodedJson, Segment } from './decodeToken.ts'
import { isJsonObject, parseJsonSteps } from '../encoding/json.ts'
import { runSteps, type Steps } from './steps.ts'
import { decodeUtf8Strict, utf8Offsets } from '../encoding/utf8.ts'

// Decoding one segment that must hold UTF-8 JSON (the header, or a JWT payload), with every
// problem reported as a diagnostic whose span points at the base64url characters responsible.

/**
 * The characters of `seg` that encode the bytes from `startByte` to `endByte`, kept inside the
 * segment: a position at the end of the decoded text (a JSON error at end of input, say) marks the
 * segment's last character rather than one past the token's end.
 */
export function segByteSpan(seg: Segment, startByte: number, endByte: number): Span {
  const span = byteRangeToCharSpan(startByte, endByte, seg.start)
  const end = Math.min(span.end, seg.start + seg.text.length)
  return { start: Math.max(seg.start, Math.min(span.start, end - 1)), end }
}

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
  return runSteps(parseJsonOrReportSteps(text, bytes, seg, diagnostics))
}

/** Decodes bytes as strict UTF-8, reporting the first bad byte; a leading BOM is reported and skipped. */
export function decodeTextOrReport(bytes: Uint8Array, seg: Segment, diagnostics: Diagnostic[]): string | null {
  const utf8 = decodeUtf8Strict(bytes)
  if (!utf8.ok) {
    diagnostics.push(
      diagnostic(
        'UTF8_INVALID',
        `The decoded ${seg.part} is not valid UTF-8: byte ${utf8.badByte + 1} (0x${(bytes[utf8.badByte] ?? 0).toString(16).padStart(2, '0')}) does not start a valid character. JWT headers and claims must be UTF-8 JSON.`,
        { part: seg.part, span: segByteSpan(seg, utf8.badByte, utf8.badByte + 1) },
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
        { part: seg.part, span: segByteSpan(seg, 0, 3) },
      ),
    )
    text = text.slice(1)
  }
  return text
}

/**
 * Parses decoded text as a JSON object, reporting syntax errors and non-objects with spans mapped
 * back to the segment's base64url characters. Duplicate members and imprecise numbers are kept in
 * the result; decoding's notes word them, with the shape checks (checks/decodingNotes.ts). In
 * steps, as `parseJsonSteps` parses: a megabyte of claims is parsed across several tasks.
 */
export function* parseJsonOrReportSteps(
  text: string,
  bytes: Uint8Array,
  seg: Segment,
  diagnostics: Diagnostic[],
): Steps<DecodedJson | null> {
  const part = seg.part
  const bomBytes = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  const byteAt = utf8Offsets(text, bytes.length - bomBytes)
  const spanAt = (charOffset: number, length = 1) => {
    const b = bomBytes + byteAt(charOffset)
    return segByteSpan(seg, b, b + length)
  }
  const parsed = yield* parseJsonSteps(text)
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
  return { text, value: parsed.value, impreciseNumbers: parsed.impreciseNumbers, duplicates: parsed.duplicates }
}

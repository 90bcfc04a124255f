import { decodeBase64urlSegment } from '../encoding/base64url.ts'
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import type { DecodedJson, PayloadView, Segment } from './decodeToken.ts'
import type { Steps } from './steps.ts'
import { decodeTextOrReport, parseJsonOrReportSteps } from './segment.ts'
import { parseJson } from '../encoding/json.ts'
import { decodeUtf8Strict, toHex } from '../encoding/utf8.ts'

/**
 * Decodes a JWS payload segment by what the header says it holds: claims (JSON), a nested token
 * (cty JWT), other content (any other cty), or raw text (b64 false). Problems become diagnostics;
 * what the view already says by its kind (unencoded, detached, nested, text) is worded by
 * decoding's notes, which load with the shape checks for a token that has one
 * (checks/decodingNotes.ts). In steps: base64url, then UTF-8, then JSON.
 */
export function* decodePayloadSteps(
  seg: Segment,
  header: DecodedJson | null,
  diagnostics: Diagnostic[],
): Steps<PayloadView> {
  const h = header?.value
  if (h?.b64 === false) {
    return { kind: 'unencoded', text: seg.text }
  }
  if (seg.text === '') {
    return { kind: 'detached' }
  }
  const { bytes, diagnostics: d } = decodeBase64urlSegment(seg.text, seg.start, 'payload')
  diagnostics.push(...d)
  if (!bytes) return { kind: 'none' }
  yield
  const cty = typeof h?.cty === 'string' ? h.cty.toLowerCase().replace(/^application\//, '') : undefined
  if (cty !== undefined) {
    // Only a cty reads the text before its checks below: a megabyte is decoded once otherwise.
    const utf8 = decodeUtf8Strict(bytes)
    if (cty === 'jwt') return { kind: 'nested', token: utf8.ok ? utf8.text.trim() : '' }
    // A JWS whose cty is not JWT may carry any content; JSON is only one possibility.
    if (!utf8.ok) return { kind: 'bytes', hex: toHex(bytes), length: bytes.length }
    if (!utf8.text.trimStart().startsWith('{')) return { kind: 'text', text: utf8.text }
  }
  const text = decodeTextOrReport(bytes, seg, diagnostics)
  if (text === null) return { kind: 'bytes', hex: toHex(bytes), length: bytes.length }
  yield
  const trimmed = text.trimStart()
  // Text that opens like JSON is held to JSON's rules, so a typo gets a positioned syntax error;
  // anything else is shown as text.
  const looksLikeJson = /^[{[]/.test(trimmed) || parseJson(text).error === undefined
  if (!looksLikeJson) {
    if (/^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\./.test(trimmed)) {
      return { kind: 'nested', token: trimmed.trim() }
    }
    return { kind: 'text', text }
  }
  const json = yield* parseJsonOrReportSteps(text, bytes, seg, diagnostics)
  return json ? { kind: 'claims', json } : { kind: 'text', text }
}

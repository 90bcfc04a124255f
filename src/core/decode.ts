import { byteRangeToCharSpan, decodeBase64urlSegment } from './base64url.ts'
import { hasErrors, rfc, type Diagnostic, type TokenPart } from './diagnostics.ts'
import { isJsonObject, parseJson, type DuplicateMember, type ImpreciseNumber, type JsonObject } from './json.ts'
import { decodeSdJwtTail, type SdJwtParts } from './sdJwt.ts'
import { checkSignatureShape } from './signatureShape.ts'
import { decodeUtf8Strict, toHex, utf8ByteOffset } from './utf8.ts'

/** Inputs above this size are declined rather than decoded, so the page never freezes. */
export const MAX_TOKEN_LENGTH = 1024 * 1024

export interface DecodeOptions {
  /** The token comes from a shared link that dropped its signature on purpose (see permalink/). */
  signatureRemoved?: boolean
}

export type TokenForm = 'jws' | 'unsecured' | 'jwe' | 'unknown'

export interface Segment {
  part: TokenPart
  text: string
  /** Offset of the segment in the token. */
  start: number
}

export interface DecodedJson {
  /** The decoded UTF-8 text, exactly as it was encoded. */
  text: string
  value: JsonObject
  impreciseNumbers: ImpreciseNumber[]
  duplicates: DuplicateMember[]
}

export type PayloadView =
  | { kind: 'claims'; json: DecodedJson }
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; hex: string; length: number }
  | { kind: 'nested'; token: string }
  | { kind: 'unencoded'; text: string }
  | { kind: 'encrypted' }
  | { kind: 'detached' }
  | { kind: 'none' }

export interface DecodedToken {
  /** The token that was decoded (after extraction from the paste). */
  token: string
  form: TokenForm
  segments: Segment[]
  header: DecodedJson | null
  payload: PayloadView
  signature: { b64u: string; length: number } | null
  diagnostics: Diagnostic[]
  /** False when the text is not a well-formed JWS or JWE, whatever could still be shown. */
  wellFormed: boolean
  /** For an SD-JWT (`jwt~disclosure~…`), the decoded disclosures. */
  sdJwt?: SdJwtParts
}

const PART_ORDER: Record<number, TokenPart[]> = {
  3: ['header', 'payload', 'signature'],
  5: ['header', 'encrypted-key', 'iv', 'ciphertext', 'tag'],
}

function splitSegments(token: string): Segment[] {
  const texts = token.split('.')
  const names = PART_ORDER[texts.length] ?? (['header', 'payload', 'signature'] as TokenPart[])
  const segments: Segment[] = []
  let start = 0
  texts.forEach((text, i) => {
    segments.push({ part: names[i] ?? 'input', text, start })
    start += text.length + 1
  })
  return segments
}

/**
 * Decodes a compact JWS, JWE or unsecured JWT without verifying anything. Never throws: every
 * problem becomes a diagnostic whose span points into `token`.
 * @example decodeToken('eyJhbGciOiJub25lIn0.e30.').form // 'unsecured'
 */
export function decodeToken(token: string, options: DecodeOptions = {}): DecodedToken {
  const diagnostics: Diagnostic[] = []
  const result: DecodedToken = { token, form: 'unknown', segments: [], header: null, payload: { kind: 'none' }, signature: null, diagnostics, wellFormed: false }
  if (token.trim() === '') {
    diagnostics.push({ code: 'TOKEN_EMPTY', severity: 'info', part: 'input', message: 'Paste a token to decode it.' })
    return result
  }
  if (token.length > MAX_TOKEN_LENGTH) {
    diagnostics.push({
      code: 'INPUT_TOO_LARGE',
      severity: 'error',
      part: 'input',
      span: { start: 0, end: token.length },
      message: `The token is ${token.length.toLocaleString('en')} characters long; tokens above ${MAX_TOKEN_LENGTH.toLocaleString('en')} characters are not decoded.`,
    })
    return result
  }
  if (token.trimStart().startsWith('{')) {
    diagnostics.push({
      code: 'JSON_SERIALIZATION',
      severity: 'error',
      part: 'input',
      span: { start: 0, end: token.length },
      message: 'This is JSON, not a compact token. A JWT is always three base64url parts joined by dots; JWS/JWE JSON serialization is not decoded here.',
      ref: rfc(7515, '7.2'),
    })
    return result
  }
  const tilde = token.indexOf('~')
  if (tilde > 0 && /^[A-Za-z0-9_\-=+/]+\.[A-Za-z0-9_\-=+/]*\.[A-Za-z0-9_\-=+/]*$/.test(token.slice(0, tilde))) {
    // The issuer-signed JWT is decoded as usual; spans stay valid because it starts the token.
    const inner = decodeToken(token.slice(0, tilde))
    const sdJwt = decodeSdJwtTail(token.slice(tilde + 1), tilde, inner.diagnostics)
    return { ...inner, token, sdJwt, wellFormed: inner.wellFormed && !hasErrors(inner.diagnostics) }
  }
  const segments = splitSegments(token)
  result.segments = segments
  const count = segments.length
  if (count !== 3 && count !== 5) {
    diagnostics.push(segmentCountDiagnostic(token, count))
  }
  const headerSeg = segments[0] as Segment
  const header = decodeJsonSegment(headerSeg, diagnostics)
  result.header = header
  const isJweHeader = header !== null && 'enc' in header.value
  if (count === 5 || (isJweHeader && count !== 3)) {
    result.form = 'jwe'
    result.payload = { kind: 'encrypted' }
    if (header && !isJweHeader) {
      diagnostics.push({ code: 'JWE_HEADER_NO_ENC', severity: 'error', part: 'header', span: segSpan(headerSeg), message: "The token has five parts like a JWE, but its header has no 'enc' parameter, which every JWE header must carry.", ref: rfc(7516, '4.1.2') })
    }
    if (count === 5) {
      for (const seg of segments.slice(1)) {
        const { diagnostics: d } = decodeBase64urlSegment(seg.text, seg.start, seg.part)
        diagnostics.push(...d)
      }
      diagnostics.push({ code: 'JWE_ENCRYPTED', severity: 'info', part: 'ciphertext', message: 'This is an encrypted token (JWE). Only its header can be read; the claims are ciphertext and stay unreadable without the recipient\'s private key.', ref: rfc(7516, '3.1') })
    }
    result.wellFormed = count === 5 && !hasErrors(diagnostics)
    return result
  }
  if (isJweHeader && count === 3) {
    diagnostics.push({ code: 'JWE_SEGMENT_COUNT', severity: 'error', part: 'header', span: segSpan(headerSeg), message: "The header has 'enc', so this should be a JWE with five parts, but it has three.", ref: rfc(7516, '9') })
  }
  if (count < 2) return result

  const alg = header?.value.alg
  if (header && alg === undefined) {
    diagnostics.push({ code: 'HEADER_ALG_MISSING', severity: 'error', part: 'header', span: segSpan(headerSeg), message: "The header has no 'alg' parameter. Every JWS header must name its algorithm.", ref: rfc(7515, '4.1.1') })
  } else if (header && typeof alg !== 'string') {
    diagnostics.push({ code: 'HEADER_ALG_NOT_STRING', severity: 'error', part: 'header', span: segSpan(headerSeg), pointer: '/alg', location: 'header', message: "The header's 'alg' is not a string.", ref: rfc(7515, '4.1.1') })
  }
  const unsecured = typeof alg === 'string' && alg.toLowerCase() === 'none'
  result.form = unsecured ? 'unsecured' : 'jws'
  result.payload = decodePayload(segments[1] as Segment, header, diagnostics)

  const sigSeg = segments[2]
  if (sigSeg) {
    const { bytes, diagnostics: d } = decodeBase64urlSegment(sigSeg.text, sigSeg.start, 'signature')
    diagnostics.push(...d)
    result.signature = { b64u: sigSeg.text, length: bytes?.length ?? 0 }
    diagnostics.push(...checkSignatureShape(typeof alg === 'string' ? alg : undefined, sigSeg, bytes, options.signatureRemoved))
  }
  if (unsecured && typeof alg === 'string') {
    diagnostics.push({
      code: 'UNSECURED_JWT',
      severity: 'warning',
      part: 'header',
      span: segSpan(headerSeg),
      message: `This token is unsecured (alg "${alg}"): it carries no signature, so anyone could have written these claims. Never accept it as proof of anything.`,
      ref: rfc(7519, '6'),
    })
  }
  result.wellFormed = count === 3 && !hasErrors(diagnostics)
  return result
}

function segSpan(seg: Segment) {
  return { start: seg.start, end: seg.start + Math.max(seg.text.length, 1) }
}

function segmentCountDiagnostic(token: string, count: number): Diagnostic {
  const span = { start: 0, end: token.length }
  const ref = rfc(7516, '9')
  if (count === 1) {
    return { code: 'SEGMENT_COUNT', severity: 'error', part: 'input', span, ref, message: 'There are no dots in this text, so it is not a JWT: a JWT has three base64url parts separated by dots (five for an encrypted JWE).' }
  }
  if (count === 2) {
    return { code: 'SEGMENT_COUNT', severity: 'error', part: 'signature', span: { start: token.length, end: token.length }, ref, message: 'The token has 2 parts, but a JWT has 3: the signature part is missing. The token was probably truncated when it was copied (or its signature was stripped on purpose). Header and payload are shown below.' }
  }
  return { code: 'SEGMENT_COUNT', severity: 'error', part: 'input', span, ref, message: `The token has ${count} dot-separated parts. A JWS has 3 and a JWE has 5; ${count} parts fit neither.` }
}

/** Decodes a segment that must be a UTF-8 JSON object (the header, or a JWT payload). */
function decodeJsonSegment(seg: Segment, diagnostics: Diagnostic[]): DecodedJson | null {
  const part = seg.part
  if (seg.text === '') {
    diagnostics.push({ code: 'SEGMENT_EMPTY', severity: 'error', part, span: { start: seg.start, end: seg.start }, message: `The ${part} part is empty.`, ref: rfc(7515, '7.1') })
    return null
  }
  const { bytes, diagnostics: d } = decodeBase64urlSegment(seg.text, seg.start, part)
  diagnostics.push(...d)
  if (!bytes) return null
  const text = decodeTextOrReport(bytes, seg, diagnostics)
  if (text === null) return null
  return parseJsonOrReport(text, bytes, seg, diagnostics)
}

function decodeTextOrReport(bytes: Uint8Array, seg: Segment, diagnostics: Diagnostic[]): string | null {
  const utf8 = decodeUtf8Strict(bytes)
  if (!utf8.ok) {
    diagnostics.push({
      code: 'UTF8_INVALID',
      severity: 'error',
      part: seg.part,
      span: byteRangeToCharSpan(utf8.badByte, utf8.badByte + 1, seg.start),
      message: `The decoded ${seg.part} is not valid UTF-8: byte ${utf8.badByte + 1} (0x${(bytes[utf8.badByte] ?? 0).toString(16).padStart(2, '0')}) does not start a valid character. JWT headers and claims must be UTF-8 JSON.`,
      ref: rfc(7519, '7.2'),
    })
    return null
  }
  let text = utf8.text
  if (text.charCodeAt(0) === 0xfeff) {
    diagnostics.push({ code: 'UTF8_BOM', severity: 'warning', part: seg.part, span: byteRangeToCharSpan(0, 3, seg.start), message: `The decoded ${seg.part} starts with a byte-order mark (EF BB BF). JSON text must not begin with one (RFC 8259 §8.1); it was skipped.`, ref: rfc(8259, '8.1') })
    text = text.slice(1)
  }
  return text
}

function parseJsonOrReport(text: string, bytes: Uint8Array, seg: Segment, diagnostics: Diagnostic[]): DecodedJson | null {
  const part = seg.part
  const bomBytes = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  const spanAt = (charOffset: number, length = 1) => {
    const b = bomBytes + utf8ByteOffset(text, charOffset)
    return byteRangeToCharSpan(b, b + length, seg.start)
  }
  const parsed = parseJson(text)
  if (parsed.error) {
    const { offset, message } = parsed.error
    diagnostics.push({
      code: 'JSON_SYNTAX',
      severity: 'error',
      part,
      span: spanAt(offset),
      message: `The decoded ${part} is not valid JSON: ${message} at character ${offset + 1} of the decoded text.`,
      ref: rfc(8259),
    })
    return null
  }
  if (!isJsonObject(parsed.value)) {
    const what = Array.isArray(parsed.value) ? 'an array' : parsed.value === null ? 'null' : `a ${typeof parsed.value}`
    diagnostics.push({
      code: part === 'header' ? 'HEADER_NOT_OBJECT' : 'PAYLOAD_NOT_OBJECT',
      severity: 'error',
      part,
      span: segSpan(seg),
      message: `The decoded ${part} is valid JSON but it is ${what}, not an object. A JWT ${part === 'header' ? 'header' : 'claims set'} must be a JSON object.`,
      ref: part === 'header' ? rfc(7515, '4') : rfc(7519, '7.2'),
    })
    return null
  }
  for (const dup of parsed.duplicates) {
    diagnostics.push({
      code: 'JSON_DUPLICATE_MEMBER',
      severity: 'warning',
      part,
      span: spanAt(dup.lastOffset, dup.key.length + 2),
      pointer: dup.pointer,
      location: part === 'header' ? 'header' : 'payload',
      message: `The ${part} has the member "${dup.key}" more than once. The last value wins here, as in JSON.parse, but other parsers may keep the first, so two systems can read this token differently.`,
      ref: rfc(7519, '4'),
    })
  }
  for (const num of parsed.impreciseNumbers) {
    diagnostics.push({
      code: 'JSON_NUMBER_PRECISION',
      severity: 'warning',
      part,
      span: spanAt(num.offset, num.raw.length),
      pointer: num.pointer,
      location: part === 'header' ? 'header' : 'payload',
      message: `The integer ${num.raw} at ${num.pointer} is beyond 2^53, so JavaScript and many JSON libraries round it to ${Number(num.raw)}. The exact text is shown.`,
      ref: rfc(8259, '6'),
    })
  }
  return { text, value: parsed.value, impreciseNumbers: parsed.impreciseNumbers, duplicates: parsed.duplicates }
}

function decodePayload(seg: Segment, header: DecodedJson | null, diagnostics: Diagnostic[]): PayloadView {
  const h = header?.value
  if (h?.b64 === false) {
    diagnostics.push({ code: 'UNENCODED_PAYLOAD', severity: 'info', part: 'payload', span: segSpan(seg), message: "The header sets b64 to false, so the payload is sent as is, not base64url-encoded (RFC 7797).", ref: rfc(7797, '3') })
    return { kind: 'unencoded', text: seg.text }
  }
  if (seg.text === '') {
    diagnostics.push({ code: 'DETACHED_PAYLOAD', severity: 'warning', part: 'payload', span: { start: seg.start, end: seg.start }, message: 'The payload part is empty: either the content is detached and travels separately (RFC 7515 Appendix F), or it was lost when the token was copied.', ref: rfc(7515, 'F', true) })
    return { kind: 'detached' }
  }
  const { bytes, diagnostics: d } = decodeBase64urlSegment(seg.text, seg.start, 'payload')
  diagnostics.push(...d)
  if (!bytes) return { kind: 'none' }
  const cty = typeof h?.cty === 'string' ? h.cty.toLowerCase().replace(/^application\//, '') : undefined
  const utf8 = decodeUtf8Strict(bytes)
  if (cty === 'jwt') {
    const inner = utf8.ok ? utf8.text.trim() : ''
    diagnostics.push({ code: 'NESTED_JWT', severity: 'info', part: 'payload', span: segSpan(seg), message: "The header's cty is JWT: the payload is itself a token (a nested JWT). Decode the inner token to read its claims.", ref: rfc(7519, '5.2') })
    return { kind: 'nested', token: inner }
  }
  if (cty !== undefined) {
    // A JWS whose cty is not JWT may carry any content; JSON is only one possibility.
    if (!utf8.ok) return { kind: 'bytes', hex: toHex(bytes), length: bytes.length }
    const trimmed = utf8.text.trimStart()
    if (!trimmed.startsWith('{')) {
      diagnostics.push({ code: 'PAYLOAD_NOT_JSON', severity: 'info', part: 'payload', span: segSpan(seg), message: `The payload is not JSON; the header's cty ("${String(h?.cty)}") says it is other content, so it is shown as text.`, ref: rfc(7515, '4.1.10') })
      return { kind: 'text', text: utf8.text }
    }
  }
  const text = decodeTextOrReport(bytes, seg, diagnostics)
  if (text === null) return { kind: 'bytes', hex: toHex(bytes), length: bytes.length }
  const trimmed = text.trimStart()
  // Text that opens like JSON is held to JSON's rules, so a typo gets a positioned syntax error;
  // anything else is shown as text.
  const looksLikeJson = /^[{[]/.test(trimmed) || parseJson(text).error === undefined
  if (!looksLikeJson) {
    if (/^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\./.test(trimmed)) {
      diagnostics.push({ code: 'NESTED_JWT', severity: 'warning', part: 'payload', span: segSpan(seg), message: "The payload looks like another token, but the header has no cty: \"JWT\". It is probably a nested JWT; decode the inner token to read it.", ref: rfc(7519, '5.2') })
      return { kind: 'nested', token: trimmed.trim() }
    }
    diagnostics.push({ code: 'PAYLOAD_NOT_JSON', severity: 'warning', part: 'payload', span: segSpan(seg), message: 'The payload is not JSON, so this is a JWS but not a JWT: a JWT payload is a JSON object of claims. It is shown as text.', ref: rfc(7519, '7.2') })
    return { kind: 'text', text }
  }
  const json = parseJsonOrReport(text, bytes, seg, diagnostics)
  return json ? { kind: 'claims', json } : { kind: 'text', text }
}

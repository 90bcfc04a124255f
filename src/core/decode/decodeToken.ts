import { decodeBase64urlSegment } from '../encoding/base64url.ts'
import { decodePayloadSteps } from './payload.ts'
import { runSteps, type Steps } from './steps.ts'
import { decodeJsonSegment, segSpan } from './segment.ts'
import { diagnostic, hasErrors, type Diagnostic, type TokenPart } from '../diagnostics/diagnostic.ts'
import type { DuplicateMember, ImpreciseNumber, JsonObject } from '../encoding/json.ts'
import { decodeSdJwtTailSteps, type SdJwtParts } from './sdJwt.ts'
import { checkSignatureShape } from './signatureShape.ts'

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
  return runSteps(decodeTokenSteps(token, options))
}

/**
 * `decodeToken` in steps: it yields after reading the payload's base64url and its UTF-8, which
 * for a megabyte take as long as parsing its JSON, and inside that parse every `JSON_STEP_CHARS`
 * characters (see `Steps`).
 */
export function* decodeTokenSteps(token: string, options: DecodeOptions = {}): Steps<DecodedToken> {
  const diagnostics: Diagnostic[] = []
  const result: DecodedToken = {
    token,
    form: 'unknown',
    segments: [],
    header: null,
    payload: { kind: 'none' },
    signature: null,
    diagnostics,
    wellFormed: false,
  }
  if (token.trim() === '') {
    diagnostics.push(diagnostic('TOKEN_EMPTY', 'Paste a token to decode it.', { part: 'input' }))
    return result
  }
  if (token.length > MAX_TOKEN_LENGTH) {
    diagnostics.push(
      diagnostic(
        'TOKEN_TOO_LARGE',
        `The token is ${token.length.toLocaleString('en')} characters long; tokens above ${MAX_TOKEN_LENGTH.toLocaleString('en')} characters are not decoded.`,
        { part: 'input', span: { start: 0, end: token.length } },
      ),
    )
    return result
  }
  if (token.trimStart().startsWith('{')) {
    diagnostics.push(
      diagnostic(
        'JSON_SERIALIZATION',
        'This is JSON, not a compact token. A JWT is always three base64url parts joined by dots; JWS/JWE JSON serialization is not decoded here.',
        { part: 'input', span: { start: 0, end: token.length } },
      ),
    )
    return result
  }
  const tilde = token.indexOf('~')
  if (tilde > 0 && /^[A-Za-z0-9_\-=+/]+\.[A-Za-z0-9_\-=+/]*\.[A-Za-z0-9_\-=+/]*$/.test(token.slice(0, tilde))) {
    // The issuer-signed JWT is decoded as usual; spans stay valid because it starts the token.
    const inner = yield* decodeTokenSteps(token.slice(0, tilde))
    const sdJwt = yield* decodeSdJwtTailSteps(token.slice(tilde + 1), tilde, inner.diagnostics)
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
    // Five parts without enc are no JWE (RFC 7516 §4.1.2), nor a JWS: form 'unknown', one diagnostic.
    if (header && !isJweHeader) {
      diagnostics.push(
        diagnostic(
          'JWE_HEADER_NO_ENC',
          'Five parts like a JWE, but the header has no "enc", which every JWE carries: neither a JWE nor a JWS.',
          { part: 'header', span: segSpan(headerSeg) },
        ),
      )
      return result
    }
    result.form = 'jwe'
    result.payload = { kind: 'encrypted' }
    if (count === 5) {
      for (const seg of segments.slice(1)) {
        const { diagnostics: d } = decodeBase64urlSegment(seg.text, seg.start, seg.part)
        diagnostics.push(...d)
      }
    }
    result.wellFormed = count === 5 && !hasErrors(diagnostics)
    return result
  }
  if (isJweHeader && count === 3) {
    diagnostics.push(
      diagnostic(
        'JWE_SEGMENT_COUNT',
        "The header has 'enc', so this should be a JWE with five parts, but it has three.",
        { part: 'header', span: segSpan(headerSeg) },
      ),
    )
  }
  if (count < 2) return result

  const alg = header?.value.alg
  if (header && alg === undefined) {
    diagnostics.push(
      diagnostic('HEADER_ALG_MISSING', "The header has no 'alg' parameter. Every JWS header must name its algorithm.", {
        part: 'header',
        span: segSpan(headerSeg),
      }),
    )
  } else if (header && typeof alg !== 'string') {
    diagnostics.push(
      diagnostic('HEADER_ALG_NOT_STRING', "The header's 'alg' is not a string.", {
        part: 'header',
        span: segSpan(headerSeg),
        pointer: '/alg',
        location: 'header',
      }),
    )
  }
  const unsecured = typeof alg === 'string' && alg.toLowerCase() === 'none'
  result.form = unsecured ? 'unsecured' : 'jws'
  result.payload = yield* decodePayloadSteps(segments[1] as Segment, header, diagnostics)

  const sigSeg = segments[2]
  if (sigSeg) {
    const { bytes, diagnostics: d } = decodeBase64urlSegment(sigSeg.text, sigSeg.start, 'signature')
    diagnostics.push(...d)
    result.signature = { b64u: sigSeg.text, length: bytes?.length ?? 0 }
    diagnostics.push(
      ...checkSignatureShape(typeof alg === 'string' ? alg : undefined, sigSeg, options.signatureRemoved),
    )
  }
  result.wellFormed = count === 3 && !hasErrors(diagnostics)
  return result
}

function segmentCountDiagnostic(token: string, count: number): Diagnostic {
  const span = { start: 0, end: token.length }
  if (count === 1) {
    return diagnostic(
      'SEGMENT_COUNT',
      'There are no dots in this text, so it is not a JWT: a JWT has three base64url parts separated by dots (five for an encrypted JWE).',
      { part: 'input', span },
    )
  }
  if (count === 2) {
    return diagnostic(
      'SEGMENT_COUNT',
      'The token has 2 parts, but a JWT has 3: the signature part is missing. The token was probably truncated when it was copied (or its signature was stripped on purpose). Header and payload are shown below.',
      { part: 'signature', span: { start: token.length, end: token.length } },
    )
  }
  return diagnostic(
    'SEGMENT_COUNT',
    `The token has ${count} dot-separated parts. A JWS has 3 and a JWE has 5; ${count} parts fit neither.`,
    { part: 'input', span },
  )
}

// The start-up constructor: WHITESPACE_REMOVED is a start-up code, and this module is in the
// start-up chunk (extract/simple.ts), which must not carry the extractor's own codes.
import { diagnostic, type Diagnostic, type Span } from '../diagnostics/diagnostic.ts'
import type { Candidate, ExtractionSource } from './types.ts'

/** Characters a compact token (or its standard-base64 cousin) can contain. */
export const TOKEN_ALPHABET = /^[A-Za-z0-9_\-.=+/]+$/
/** An SD-JWT: a compact JWT, then `~`-separated disclosures and an optional key-binding JWT (RFC 9901). */
export const SD_JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(~[A-Za-z0-9_.-]*)+$/

/** A compact JWS/JWT (three parts) or JWE (five parts) whose header starts like base64url JSON. */
const JWT_SHAPE = /^ey[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]*){2}(\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)?$/

/** True when the text is shaped like a compact JWT or JWE (not that it decodes). */
export function looksLikeJwt(text: string): boolean {
  return JWT_SHAPE.test(text)
}

/** The input without surrounding whitespace and one pair of matching quotes, with where that is. */
export function trimAndUnquote(input: string): { text: string; span: Span } {
  let start = 0
  let end = input.length
  while (start < end && /\s/.test(input[start] as string)) start++
  while (end > start && /\s/.test(input[end - 1] as string)) end--
  const first = input[start]
  if (end - start >= 2 && (first === '"' || first === "'" || first === '`') && input[end - 1] === first) {
    start++
    end--
    while (start < end && /\s/.test(input[start] as string)) start++
    while (end > start && /\s/.test(input[end - 1] as string)) end--
  }
  return { text: input.slice(start, end), span: { start, end } }
}

export function whitespaceDiagnostic(span: Span): Diagnostic {
  return diagnostic(
    'WHITESPACE_REMOVED',
    'The pasted token contained line breaks or spaces, which a compact token never has; they were removed before decoding. A verifier given the text as pasted would reject it.',
    { part: 'input', span },
  )
}

/**
 * A candidate for a token that sits at `span` in the input, possibly broken by whitespace.
 * Whitespace inside is removed and reported; otherwise the token is the verbatim substring.
 */
export function tokenAt(
  input: string,
  span: Span,
  source: ExtractionSource,
  label: string,
  explanation: string,
): Candidate {
  const text = input.slice(span.start, span.end)
  if (/\s/.test(text)) {
    return {
      token: text.replace(/\s+/g, ''),
      source,
      label,
      explanation: `${explanation} Line breaks or spaces inside the token were removed.`,
      repaired: true,
      diagnostics: [whitespaceDiagnostic(span)],
    }
  }
  return { token: text, source, label, explanation, span, repaired: false, diagnostics: [] }
}

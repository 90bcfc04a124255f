import type { Diagnostic, Span } from '../diagnostics/diagnostic.ts'
import { diagnostic } from './codes.ts'
import type { Candidate, ExtractionSource } from './types.ts'

/** Characters a compact token (or its standard-base64 cousin) can contain. */
export const TOKEN_ALPHABET = /^[A-Za-z0-9_\-.=+/]+$/
/** An SD-JWT: a compact JWT, then `~`-separated disclosures and an optional key-binding JWT (RFC 9901). */
export const SD_JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(~[A-Za-z0-9_.-]*)+$/

/** A compact JWS/JWT (three parts) or JWE (five parts) whose header starts like base64url JSON. */
const JWT_SHAPE = /^ey[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]*){2}(\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)?$/
/** The same, for finding tokens inside longer text. Bounded by characters tokens never contain. */
const JWT_IN_TEXT =
  /(?<![A-Za-z0-9_\-.])ey[A-Za-z0-9_-]{2,}(?:\.[A-Za-z0-9_-]*){2}(?:\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)?(?![A-Za-z0-9_-])/g

/** True when the text is shaped like a compact JWT or JWE (not that it decodes). */
export function looksLikeJwt(text: string): boolean {
  return JWT_SHAPE.test(text)
}

/** Every compact token in a longer text, with its span. */
export function findJwts(text: string): { token: string; span: Span }[] {
  const found: { token: string; span: Span }[] = []
  for (const m of text.matchAll(JWT_IN_TEXT)) {
    const start = m.index
    found.push({ token: m[0], span: { start, end: start + m[0].length } })
  }
  return found
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

/** `1st`, `2nd`, … for explanations. */
export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')
  return `${n}${s}`
}

/** Shortens a token for a picker label: its first and last characters. */
export function shortToken(token: string): string {
  return token.length <= 24 ? token : `${token.slice(0, 12)}…${token.slice(-8)}`
}

/** Where in a longer text a token sits: a short label for a picker and a phrase for the explanation. */
export interface PlaceInText {
  label: string
  phrase: string
}

// `NAME=`, `name:`, `"name": "` just before the token, as in shell, YAML, JSON-ish logs and .env files.
const LABEL_BEFORE = /([A-Za-z_][\w.-]*)["']?[ \t]*([:=])[ \t]*["']?$/

// The offsets of the line breaks of the last text asked about: a paste of 25,000 tokens asks
// for each token's line, and counting the breaks before each one cost the square of its length.
let breaksOf: { text: string; breaks: number[] } | undefined

/** The 1-based line number of `offset` in `text` (a binary search over its line breaks). */
function lineAt(text: string, offset: number): number {
  if (breaksOf?.text !== text) {
    const breaks: number[] = []
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i)
    breaksOf = { text, breaks }
  }
  const { breaks } = breaksOf
  let lo = 0
  let hi = breaks.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((breaks[mid] as number) < offset) lo = mid + 1
    else hi = mid
  }
  return lo + 1
}

/**
 * Names the place of a token found inside prose or a log: the name it is assigned to on its line
 * (`TOKEN=`, `token:`) and the line number when the text has several lines, so that a picker can
 * tell tokens apart and the reader knows which one is decoded.
 */
export function placeInText(text: string, span: Span): PlaceInText {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1
  const line = lineAt(text, span.start)
  const multiline = text.includes('\n')
  const m = LABEL_BEFORE.exec(text.slice(lineStart, span.start))
  const name = m ? `${m[1] ?? ''}${m[2] === '=' ? '=' : ':'}` : undefined
  const onLine = multiline ? `on line ${line}` : ''
  if (name)
    return { label: multiline ? `${name} (line ${line})` : name, phrase: `${onLine ? `${onLine}, ` : ''}after ${name}` }
  return { label: multiline ? `line ${line}` : 'in the text', phrase: onLine || 'among other words' }
}

// Finding tokens inside longer text (prose, logs, shell lines) and naming where each one sits: the
// full extractor's half of the text helpers (extract/text.ts is the start-up half, which
// extract/simple.ts uses), so that it loads with the extractor rather than at start-up.
import type { Span } from '../diagnostics/diagnostic.ts'

/** A compact token (the shape of text.ts `looksLikeJwt`) inside longer text, bounded by characters tokens never contain. */
const JWT_IN_TEXT =
  /(?<![A-Za-z0-9_\-.])ey[A-Za-z0-9_-]{2,}(?:\.[A-Za-z0-9_-]*){2}(?:\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)?(?![A-Za-z0-9_-])/g

/** Every compact token in a longer text, with its span. */
export function findJwts(text: string): { token: string; span: Span }[] {
  const found: { token: string; span: Span }[] = []
  for (const m of text.matchAll(JWT_IN_TEXT)) {
    const start = m.index
    found.push({ token: m[0], span: { start, end: start + m[0].length } })
  }
  return found
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

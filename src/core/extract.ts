import type { Diagnostic, Span } from './diagnostics.ts'

/** Where in the pasted text the token was found; values are the `data-source` test hook. */
export type ExtractionSource =
  | 'raw'
  | 'bearer'
  | 'authorization-header'
  | 'base64'
  | 'secret'
  | 'kubeconfig'
  | 'token-request'
  | 'json-field'
  | 'url'
  | 'whitespace-stripped'

export interface Extraction {
  /** The token text handed to the decoder. */
  token: string
  source: ExtractionSource
  /** One line for people: where the token was found and what was done to it. */
  explanation: string
  /**
   * Where the token sits in the input, when it is a verbatim substring of it, so that
   * diagnostics can highlight the pasted text. Absent when the token had to be transformed.
   */
  span?: Span
  /** True when the token text differs from what was pasted, so its signature may not verify as pasted. */
  repaired: boolean
  diagnostics: Diagnostic[]
}

const QUOTES = /^(["'`])([\s\S]*)\1$/
const SCHEME = /^(bearer|dpop)\s+/i

/**
 * Finds the token in whatever was pasted. Never throws. This handles the simple cases: surrounding
 * whitespace and quotes, an auth scheme prefix, and line breaks inside the token.
 */
export function extractToken(input: string): Extraction {
  let start = 0
  let end = input.length
  while (start < end && /\s/.test(input[start] as string)) start++
  while (end > start && /\s/.test(input[end - 1] as string)) end--
  let text = input.slice(start, end)
  const quoted = QUOTES.exec(text)
  if (quoted) {
    start += 1
    end -= 1
    text = quoted[2] as string
  }
  let source: ExtractionSource = 'raw'
  let explanation = 'Decoded as pasted.'
  const scheme = SCHEME.exec(text)
  if (scheme) {
    start += scheme[0].length
    text = text.slice(scheme[0].length)
    source = 'bearer'
    explanation = `Found after the "${scheme[1]}" authorization scheme prefix.`
  }
  if (/\s/.test(text)) {
    const joined = text.replace(/\s+/g, '')
    if (/^[A-Za-z0-9_\-.=+/]+$/.test(joined)) {
      return {
        token: joined,
        source: source === 'raw' ? 'whitespace-stripped' : source,
        explanation: `${source === 'raw' ? 'Line breaks or spaces' : 'After the prefix, line breaks or spaces'} inside the token were removed.`,
        repaired: true,
        diagnostics: [{ code: 'WHITESPACE_REMOVED', severity: 'info', part: 'input', span: { start, end }, message: 'The pasted token contained line breaks or spaces, which a compact token never has; they were removed before decoding. A verifier given the text as pasted would reject it.' }],
      }
    }
  }
  return { token: text, source, explanation, span: { start, end }, repaired: false, diagnostics: [] }
}

import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { looksLikeJwt, SD_JWT_SHAPE, tokenAt, TOKEN_ALPHABET, trimAndUnquote } from './text.ts'
import type { Candidate, Extraction } from './types.ts'

// This module is in the start-up bundle: it must stay small. Everything else that extraction
// knows (headers, JSON, YAML, Kubernetes objects, base64) is in the lazily loaded `extractToken`.

// Texts made of token characters that are no token: an EKS or a bootstrap token, which the full
// extractor names (extract/bearer.ts), and a form parameter such as `assertion=…`.
const NOT_SIMPLE = /^(?:k8s-aws-v\d|[a-z0-9]{6}\.[a-z0-9]{16}$|[a-z_]+=)/

/** Pastes above this many characters are declined unread, so the page never freezes. */
export const MAX_INPUT_LENGTH = 1024 * 1024

export function nothing(explanation: string, diagnostics: Diagnostic[], pending?: Extraction['pending']): Extraction {
  return {
    token: '',
    source: 'raw',
    label: '',
    explanation,
    repaired: false,
    diagnostics,
    candidates: [],
    selected: 0,
    ...(pending ? { pending } : {}),
  }
}

export function one(candidate: Candidate): Extraction {
  return { ...candidate, candidates: [candidate], selected: 0 }
}

/**
 * The cases that need no more code than this: a bare token (trimmed, unquoted), one behind a
 * `Bearer`/`DPoP` prefix, one broken over lines. Anything else, and a paste too large to search,
 * comes back with `pending: 'extractor'` and, meanwhile, the trimmed paste as the token, as the
 * first version of this page decoded it. Pure and synchronous; never throws.
 */
export function extractSimple(input: string): Extraction {
  // Too large to search: the full extractor says so (extractToken), so that its words load with it.
  if (input.length > MAX_INPUT_LENGTH) return nothing('Looking for the token in the paste…', [], 'extractor')
  const { text, span } = trimAndUnquote(input)
  const quoted = span.end - span.start < input.trim().length
  if (text === '')
    return one({
      token: '',
      source: 'raw',
      label: '',
      explanation: 'Nothing pasted yet.',
      repaired: false,
      diagnostics: [],
    })
  if (((TOKEN_ALPHABET.test(text) && text.includes('.')) || SD_JWT_SHAPE.test(text)) && !NOT_SIMPLE.test(text)) {
    return one({
      token: text,
      source: 'raw',
      label: 'as pasted',
      explanation: quoted ? 'Decoded after removing the surrounding quotes.' : 'Decoded as pasted.',
      span,
      repaired: false,
      diagnostics: [],
    })
  }
  const scheme = /^(bearer|dpop)\s+/i.exec(text)
  const rest = scheme ? text.slice(scheme[0].length).replace(/\s+/g, '') : ''
  if (scheme && TOKEN_ALPHABET.test(rest) && !NOT_SIMPLE.test(rest)) {
    const tokenSpan = { start: span.start + scheme[0].length, end: span.end }
    return one(
      tokenAt(
        input,
        tokenSpan,
        'bearer',
        scheme[1] as string,
        `Found after the "${scheme[1]}" authorization scheme prefix.`,
      ),
    )
  }
  // Two tokens side by side are not one broken token, even if they join into a JWE's shape.
  const broken = /\s/.test(text) && text.split(/\s+/).filter((w) => looksLikeJwt(w)).length < 2
  if (broken && looksLikeJwt(text.replace(/\s+/g, '')))
    return one(
      tokenAt(input, span, 'whitespace-stripped', 'as pasted', 'Found as pasted, with line breaks or spaces inside.'),
    )
  return {
    ...one({
      token: text,
      source: 'raw',
      label: 'as pasted',
      explanation: 'Looking for the token in the paste…',
      span,
      repaired: false,
      diagnostics: [],
    }),
    pending: 'extractor',
  }
}

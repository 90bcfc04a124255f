import type { Diagnostic, Span } from '../diagnostics/diagnostic.ts'
import { decodeBase64Jwt } from './base64.ts'
import { bearerCandidate, isKnownBearer, opaqueTokenHint } from './bearer.ts'
import { documentCandidates, reviewCandidates, type Found } from './documents.ts'
import { withDpopBinding } from './dpopBinding.ts'
import { headerCandidates } from './headers.ts'
import { findJwts, ordinal, placeInText, shortToken } from './places.ts'
import { tokenAt, TOKEN_ALPHABET, trimAndUnquote } from './text.ts'
import { readWhoamiTable } from './review.ts'
import { extractSimple, MAX_INPUT_LENGTH, nothing, one } from './simple.ts'
import type { Candidate, ExtractOptions, Extraction } from './types.ts'
import { urlCandidates } from './url.ts'
import { diagnostic } from './codes.ts'

// A `key: value` line, or a `- key: value` list item, as YAML has and plain text rarely does.
const YAML_KEY_LINE = /^[ \t]*(?:-[ \t]+)?["']?[A-Za-z_][\w.\-/]*["']?[ \t]*:(?:[ \t]|$)/m

/** True when the text is probably YAML: a document marker or a `key: value` line, and not JSON. */
export function looksLikeYaml(text: string): boolean {
  const t = text.trimStart()
  if (t.startsWith('{') || t.startsWith('[')) return false
  return t.startsWith('---') || YAML_KEY_LINE.test(t)
}

function choose(found: Found, pick: number | undefined): Extraction {
  const { candidates } = found
  const selected = pick !== undefined && Number.isInteger(pick) && pick >= 0 && pick < candidates.length ? pick : 0
  const chosen = candidates[selected] as Candidate
  const several = candidates.length > 1 ? ` (${selected + 1} of ${candidates.length} tokens found)` : ''
  return {
    ...chosen,
    explanation: `${chosen.explanation}${several}`,
    diagnostics: [...found.diagnostics, ...chosen.diagnostics],
    candidates,
    selected,
  }
}

function noToken(found: Diagnostic[], what: string): Extraction {
  const errors = found.some((d) => d.severity === 'error')
  const diagnostics = errors
    ? found
    : [
        ...found,
        diagnostic(
          'NO_TOKEN_FOUND',
          `No JWT was found in ${what}: none of its fields, headers or URL parameters holds one, and no text in it is shaped like one.`,
          { part: 'input' },
        ),
      ]
  return nothing('No token found in the paste.', diagnostics)
}

/** A token that makes up the whole paste, possibly as base64. */
function compactToken(text: string, span: Span, quoted: boolean): Extraction {
  if (!text.includes('.')) {
    const b64 = decodeBase64Jwt(text, 'The paste', span)
    if (b64?.ok)
      return one({
        token: b64.token,
        source: 'base64',
        label: 'base64',
        explanation: 'The paste is base64; it was decoded to the JWT shown.',
        repaired: false,
        diagnostics: [],
      })
    // Binary bytes: more likely an opaque token made of base64 characters than base64 of anything.
    if (b64 && !b64.binary) return nothing('The paste is base64 of something other than a JWT.', [b64.diagnostic])
  }
  // One word with no dot that is not the start of a JWT either: perhaps an opaque bearer token.
  const opaque = !text.includes('.') && !text.startsWith('ey') && text.length >= 8
  return one({
    token: text,
    source: 'raw',
    label: shortToken(text),
    explanation: quoted ? 'Decoded after removing the surrounding quotes.' : 'Decoded as pasted.',
    span,
    repaired: false,
    diagnostics: opaque ? [opaqueTokenHint(span)] : [],
  })
}

/** A header candidate whose token is a bearer token this page names, as that bearer token. */
function namedBearer(c: Candidate): Candidate {
  if (!isKnownBearer(c.token)) return c
  return bearerCandidate(c.token, c.source, `the ${c.label} header`, c.span) ?? c
}

function parseJsonQuietly(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}

/**
 * Lines of YAML read as YAML; a longer paste is searched as plain text. The YAML library parses
 * in one task, at about 30 µs a line of a kubeconfig's short entries: 4,000 lines are a tenth of a
 * second, and a 340 KB kubeconfig of 3,000 users was a task of 400–600 ms. Real kubeconfigs,
 * Secrets and Lists of a hundred entries stay well under it.
 */
export const MAX_YAML_LINES = 4000

/** Whether `text` has more than `max` lines, counted no further than that. */
function linesOver(text: string, max: number): boolean {
  let at = -1
  for (let lines = 1; lines <= max; lines++) {
    at = text.indexOf('\n', at + 1)
    if (at === -1) return false
  }
  return true
}

function parseYamlQuietly(
  text: string,
  parse: NonNullable<ExtractOptions['parseYaml']>,
): { ok: true; docs: unknown[] } | { ok: false; message: string } {
  try {
    return { ok: true, docs: parse(text) }
  } catch (e) {
    const message = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)
    return { ok: false, message }
  }
}

/**
 * Finds the token in whatever was pasted: a bare token (quoted, broken over lines, behind a
 * `Bearer` prefix, or base64-encoded), an Authorization header, curl command or HTTP request, a
 * URL, a JSON token response, a Kubernetes Secret, List, TokenRequest or kubeconfig, or any text
 * with tokens in it. When several are found, `candidates` lists them and `options.pick` chooses.
 *
 * Pure and synchronous; never throws. YAML is parsed only with `options.parseYaml`; without it,
 * a YAML-looking paste returns `pending: 'yaml'` so the caller can load a parser and call again.
 * @example extractToken('Bearer eyJhbGciOiJub25lIn0.e30.').source // 'bearer'
 */
export function extractToken(input: string, options: ExtractOptions = {}): Extraction {
  if (input.length > MAX_INPUT_LENGTH) {
    return nothing('The paste is too large to search.', [
      diagnostic(
        'PASTE_TOO_LARGE',
        `The paste is ${input.length.toLocaleString('en')} characters long; above ${MAX_INPUT_LENGTH.toLocaleString('en')} characters (1 MB) it is not searched for a token, so that the page stays responsive. Paste only the token or the object that holds it.`,
        { part: 'input' },
      ),
    ])
  }
  const simple = extractSimple(input)
  if (!simple.pending) return simple
  const { text, span } = trimAndUnquote(input)
  const quoted = span.end - span.start < input.trim().length
  const bearer = /^(bearer|dpop)\s+/i.exec(text)
  const word = bearer ? text.slice(bearer[0].length).trim() : text
  if (isKnownBearer(word)) {
    const start = span.start + (bearer ? text.indexOf(word, bearer[0].length) : 0)
    const found = bearerCandidate(
      word,
      bearer ? 'bearer' : 'raw',
      bearer ? `after the "${bearer[1] ?? ''}" prefix` : 'the paste',
      { start, end: start + word.length },
    )
    if (found) return one(found)
  }
  // `assertion=eyJ…`, a form body of one parameter, is made of token characters too.
  const form = /^[a-z_]+=/.test(text) ? urlCandidates(input) : []
  if (form.length > 0) return choose({ candidates: form, diagnostics: [] }, options.pick)
  if (TOKEN_ALPHABET.test(text)) return compactToken(text, span, quoted)

  const joined = text.replace(/\s+/g, '')
  if (TOKEN_ALPHABET.test(joined) && !joined.includes('.')) {
    const b64 = decodeBase64Jwt(joined, 'The paste', span)
    if (b64?.ok)
      return one({
        token: b64.token,
        source: 'base64',
        label: 'base64',
        explanation: 'The paste is base64 (line breaks ignored); it was decoded to the JWT shown.',
        repaired: false,
        diagnostics: [],
      })
    if (b64) return nothing('The paste is base64 of something other than a JWT.', [b64.diagnostic])
  }

  let notes: Diagnostic[] = []
  let json = false
  if (text.startsWith('{') || text.startsWith('[')) {
    const parsed = parseJsonQuietly(text)
    json = parsed.ok
    if (parsed.ok) {
      const found = documentCandidates([parsed.value], 'JSON')
      if (found.candidates.length > 0) return choose(found, options.pick)
      // JWS JSON serialization: the decoder explains it better than "no token".
      const o = parsed.value as Record<string, unknown> | null
      if (o && typeof o === 'object' && 'payload' in o && ('signature' in o || 'signatures' in o))
        return compactToken(text, span, quoted)
      if (found.diagnostics.some((d) => d.severity === 'error')) return noToken(found.diagnostics, 'this JSON')
      notes = found.diagnostics
    }
  }

  const headers = withDpopBinding(input, headerCandidates(input).map(namedBearer))
  if (headers.length > 0) return choose({ candidates: headers, diagnostics: notes }, options.pick)
  const urls = urlCandidates(input)
  if (urls.length > 0) return choose({ candidates: urls, diagnostics: notes }, options.pick)

  if (looksLikeYaml(text)) {
    const tooLong = linesOver(text, MAX_YAML_LINES)
    if (!tooLong && !options.parseYaml) return nothing('Reading the YAML…', [], 'yaml')
    const parsed = tooLong || !options.parseYaml ? undefined : parseYamlQuietly(text, options.parseYaml)
    if (!parsed) {
      notes.push(
        diagnostic(
          'YAML_TOO_LONG',
          `The paste looks like YAML, but it has more than ${MAX_YAML_LINES.toLocaleString('en')} lines, more than this page reads as YAML without holding up the tab; it was searched as plain text, so its tokens are found, but not which Secret or kubeconfig entry holds each one.`,
          { part: 'input' },
        ),
      )
    } else if (parsed.ok) {
      const found = documentCandidates(parsed.docs, 'YAML')
      if (found.candidates.length > 0) return choose(found, options.pick)
      if (found.diagnostics.some((d) => d.severity === 'error')) return noToken(found.diagnostics, 'this YAML')
      notes = [...notes, ...found.diagnostics]
    } else {
      notes.push(
        diagnostic(
          'YAML_INVALID',
          `The paste looks like YAML but does not parse as YAML (${parsed.message}); it was searched as plain text.`,
          { part: 'input' },
        ),
      )
    }
  }

  const jwts = findJwts(input)
  const candidates = jwts.map(({ token, span: s }, i) => {
    const place = placeInText(input, s)
    return tokenAt(
      input,
      s,
      'raw',
      `${jwts.length > 1 ? `${ordinal(i + 1)}, ` : ''}${place.label}: ${shortToken(token)}`,
      `Found in the pasted text, ${place.phrase}${jwts.length > 1 ? ` (the ${ordinal(i + 1)} token of ${jwts.length})` : ''}.`,
    )
  })
  // kubectl auth whoami's table, with or without a token next to it.
  const whoami = readWhoamiTable(text)
  if (whoami) {
    const found = reviewCandidates(whoami, undefined, candidates)
    return choose({ candidates: found.candidates, diagnostics: notes }, options.pick)
  }
  if (candidates.length > 0) return choose({ candidates, diagnostics: notes }, options.pick)
  // One word with no token in it: hand it to the decoder, which says what is wrong with it. JSON
  // without spaces is no such word: its fields were searched.
  if (!/\s/.test(text) && !json) return compactToken(text, span, quoted)
  return noToken(notes, 'the paste')
}

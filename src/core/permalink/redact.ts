import { escapePointerToken, parseJson } from '../encoding/json.ts'
import { REDACTION_CATEGORIES, ruleCovers, type RedactionCategory, type RedactionChoice } from './categories.ts'
import { valueSpans } from './jsonSpans.ts'

export interface Redaction {
  /** JSON Pointer of the replaced value in the redacted text (after any renamed member names). */
  pointer: string
  category: RedactionCategory
  /** Where the pointer points; absent means the payload, as in links made before headers were redacted. */
  location?: 'header' | 'payload'
}

const SA_SUBJECT = /^(system:serviceaccount:[^:]*:)(.+)$/s
// scheme://[userinfo@]host[:port]…, the host being a name or a bracketed IPv6 address.
const URL_HOST = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?(\[[^\]/?#]*\]|[^/?#:[\]]+)/i
// An issuer written as a bare host name, as Google once did ("accounts.google.com").
const BARE_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i

/** The host named by an issuer value: the host of a URL, or the value itself when it is a bare host name. */
export function hostOfIssuer(iss: string): string | undefined {
  const host = URL_HOST.exec(iss)?.[1] ?? (BARE_HOST.test(iss) ? iss : undefined)
  return host === '' ? undefined : host
}

/** The hosts of every top-level `iss` in these JSON texts, duplicates and all. */
export function issuerHosts(texts: readonly string[]): string[] {
  const hosts = new Map<string, string>()
  for (const text of texts) {
    const { spans } = valueSpans(text)
    for (const s of spans) {
      if (s.depth !== 1 || s.token !== 'iss' || s.kind !== 'string') continue
      const host = hostOfIssuer(JSON.parse(text.slice(s.start, s.end)) as string)
      if (host) hosts.set(host.toLowerCase(), host)
    }
  }
  // Longest first, so that a host inside another host's name does not break the longer match.
  return [...hosts.values()].sort((a, b) => b.length - a.length)
}

// Only syntax characters and '/' may be escaped in a Unicode-mode pattern.
const escapeRegExp = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')

/** Matches any of the hosts, in any case (Unicode simple case folding). */
function hostPattern(hosts: readonly string[]): RegExp | undefined {
  return hosts.length === 0 ? undefined : new RegExp(hosts.map(escapeRegExp).join('|'), 'giu')
}

interface Edit {
  start: number
  end: number
  text: string
}

const WHOLE_VALUE = ['uid', 'name', 'jti'] as const

function applyEdits(text: string, edits: readonly Edit[]): string {
  // Edits arrive in text order and never overlap (a member name precedes its value): one pass.
  let out = ''
  let at = 0
  for (const e of edits) {
    out += text.slice(at, e.start) + e.text
    at = e.end
  }
  return out + text.slice(at)
}

/**
 * Redacts one JSON text. Every occurrence counts: a member that appears twice is hidden twice,
 * and the rules look at each occurrence's own value, not at the one a parser keeps.
 */
function redactJson(
  text: string,
  location: 'header' | 'payload',
  choice: RedactionChoice,
  hosts: RegExp | undefined,
): { text: string; redactions: Redaction[] } | undefined {
  const { spans, complete } = valueSpans(text)
  if (!complete) return undefined
  const chosen = new Set(location === 'payload' ? (choice.claims ?? []) : [])
  const inPointer: string[] = []
  const outPointer: string[] = []
  const hidden: boolean[] = []
  const edits: Edit[] = []
  const notes = new Map<string, RedactionCategory>()
  const note = (pointer: string, category: RedactionCategory, ofName = false) => {
    if (!ofName || !notes.has(pointer)) notes.set(pointer, category)
  }
  const hostPlaceholder = REDACTION_CATEGORIES['issuer-host'].placeholder
  const withoutHosts = (s: string) => (hosts ? s.replace(hosts, hostPlaceholder) : s)
  spans.forEach((s, i) => {
    const parentIn = s.parent < 0 ? undefined : inPointer[s.parent]
    const name = typeof s.token === 'string' && s.key ? s.token : undefined
    const shownName = name === undefined ? undefined : withoutHosts(name)
    inPointer[i] = parentIn === undefined ? '' : `${parentIn}/${escapePointerToken(String(s.token))}`
    outPointer[i] =
      parentIn === undefined ? '' : `${outPointer[s.parent]}/${escapePointerToken(String(shownName ?? s.token))}`
    hidden[i] = s.parent >= 0 && hidden[s.parent] === true
    if (hidden[i]) return
    const out = outPointer[i] as string
    if (s.key && shownName !== name) {
      edits.push({ start: s.key.start, end: s.key.end, text: JSON.stringify(shownName) })
      note(out, 'issuer-host', true)
    }
    const category: RedactionCategory | undefined = chosen.has(inPointer[i] as string)
      ? 'claim'
      : name === undefined
        ? undefined
        : WHOLE_VALUE.find((c) => {
            const info = REDACTION_CATEGORIES[c]
            return choice[info.choice] === true && ruleCovers(info.members, name, s.depth)
          })
    if (category) {
      edits.push({ start: s.start, end: s.end, text: JSON.stringify(REDACTION_CATEGORIES[category].placeholder) })
      hidden[i] = true
      note(out, category)
      return
    }
    if (s.kind !== 'string') return
    const value = JSON.parse(text.slice(s.start, s.end)) as string
    let shown = value
    let why: RedactionCategory | undefined
    const sa = choice.names && s.depth === 1 && name === 'sub' ? SA_SUBJECT.exec(value) : null
    if (sa) {
      shown = `${sa[1]}${REDACTION_CATEGORIES.name.placeholder}`
      why = 'name'
    }
    const hostless = withoutHosts(shown)
    if (hostless !== shown) {
      shown = hostless
      why ??= 'issuer-host'
    }
    if (why) {
      edits.push({ start: s.start, end: s.end, text: JSON.stringify(shown) })
      note(out, why)
    }
  })
  edits.sort((a, b) => a.start - b.start)
  return {
    text: applyEdits(text, edits),
    redactions: [...notes].map(([pointer, category]) =>
      location === 'header' ? { pointer, category, location } : { pointer, category },
    ),
  }
}

export interface RedactionResult {
  /** The texts with the chosen values replaced, all other text unchanged byte for byte. */
  header: string
  /** Absent when the payload was not given (it is not JSON claims). */
  payload?: string
  /** Header redactions first, then the payload's, each in text order. */
  redactions: Redaction[]
}

/**
 * Replaces the chosen values of a token's header and payload JSON texts with visible
 * placeholders. Works on the text, so that everything not redacted stays exactly as it was. Every
 * occurrence of a member counts, duplicates included, and the header is held to the same rules
 * as the payload (a JWE may replicate claims there; `jku`, `x5u` and `kid` may name the issuer's
 * host). Pointers of chosen claims that match nothing are left out of the result. Returns
 * undefined when a text is not JSON: then nothing can be promised about what it hides (the
 * check is a second parse of a 1 MB payload, hence `parsed` for texts known to be JSON).
 */
export function redactToken(
  parts: { header: string; payload?: string },
  choice: RedactionChoice,
  /** The texts are a decoded token's, which parseJson has accepted: not parsed a second time. */
  parsed = false,
): RedactionResult | undefined {
  const texts = parts.payload === undefined ? [parts.header] : [parts.header, parts.payload]
  if (!parsed && texts.some((t) => parseJson(t).value === undefined)) return undefined
  const hosts = choice.issuerHost ? hostPattern(issuerHosts(texts)) : undefined
  const header = redactJson(parts.header, 'header', choice, hosts)
  const payload = parts.payload === undefined ? undefined : redactJson(parts.payload, 'payload', choice, hosts)
  if (!header || (parts.payload !== undefined && !payload)) return undefined
  const result: RedactionResult = {
    header: header.text,
    redactions: [...header.redactions, ...(payload?.redactions ?? [])],
  }
  if (payload) result.payload = payload.text
  return result
}

import { isJsonObject, parseJson, type JsonValue } from '../encoding/json.ts'
import { valueSpans } from './jsonSpans.ts'

/** What a redaction hides; the shared view names the category next to each redacted claim. */
export type RedactionCategory = 'uid' | 'name' | 'issuer-host' | 'jti' | 'claim'

export interface Redaction {
  /** JSON Pointer into the payload of the value that was replaced. */
  pointer: string
  category: RedactionCategory
}

/** What the user chose to hide. `claims` are pointers of any payload values. */
export interface RedactionChoice {
  uids?: boolean
  names?: boolean
  issuerHost?: boolean
  jti?: boolean
  claims?: string[]
}

export const PLACEHOLDERS: Record<RedactionCategory, string> = {
  uid: '[redacted uid]',
  name: '[redacted name]',
  'issuer-host': '[redacted host]',
  jti: '[redacted jti]',
  claim: '[redacted]',
}

// People's names in OIDC tokens; Kubernetes object names are found by their `name` keys.
const PERSON_NAME_CLAIMS = new Set([
  'name',
  'given_name',
  'family_name',
  'middle_name',
  'nickname',
  'preferred_username',
  'email',
])
const SA_SUBJECT = /^(system:serviceaccount:[^:]*:)(.+)$/

interface Leaf {
  pointer: string
  key: string
  value: JsonValue
  depth: number
}

function leaves(value: JsonValue, pointer = '', key = '', depth = 0, out: Leaf[] = []): Leaf[] {
  if (isJsonObject(value)) {
    for (const [k, v] of Object.entries(value))
      leaves(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, k, depth + 1, out)
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => leaves(v, `${pointer}/${i}`, key, depth + 1, out))
  } else {
    out.push({ pointer, key, value, depth })
  }
  return out
}

/** The issuer's host name, when `iss` is a URL with one. */
export function issuerHost(payload: JsonValue): string | undefined {
  if (!isJsonObject(payload) || typeof payload.iss !== 'string') return undefined
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:@]+)/i.exec(payload.iss)
  return m?.[1]
}

/** A planned replacement: the pointer, its category and the JSON text that takes its place. */
interface Replacement extends Redaction {
  text: string
}

function plan(payload: JsonValue, choice: RedactionChoice): Replacement[] {
  const out = new Map<string, Replacement>()
  const add = (pointer: string, category: RedactionCategory, value: string) => {
    if (!out.has(pointer)) out.set(pointer, { pointer, category, text: JSON.stringify(value) })
  }
  const all = leaves(payload)
  for (const leaf of all) {
    const { key, value, pointer } = leaf
    if (typeof value !== 'string') continue
    if (choice.uids && (key === 'uid' || key.endsWith('.uid'))) add(pointer, 'uid', PLACEHOLDERS.uid)
    if (choice.names) {
      // Kubernetes object names sit under a `name` key (or `….name` in legacy tokens).
      const k8sName = key === 'name' || key.endsWith('.name')
      const person = leaf.depth === 1 && PERSON_NAME_CLAIMS.has(key)
      if (k8sName || person) add(pointer, 'name', PLACEHOLDERS.name)
      const sa = pointer === '/sub' ? SA_SUBJECT.exec(value) : null
      if (sa) add(pointer, 'name', `${sa[1]}${PLACEHOLDERS.name}`)
    }
  }
  if (choice.issuerHost) {
    const host = issuerHost(payload)
    // The host often reappears in `aud` and elsewhere; hiding it only in `iss` would not hide it.
    if (host)
      for (const leaf of all)
        if (typeof leaf.value === 'string' && leaf.value.includes(host))
          add(leaf.pointer, 'issuer-host', leaf.value.split(host).join(PLACEHOLDERS['issuer-host']))
  }
  if (choice.jti && isJsonObject(payload) && payload.jti !== undefined) add('/jti', 'jti', PLACEHOLDERS.jti)
  const chosen = choice.claims ?? []
  if (chosen.length > 0) {
    // A chosen claim hides the whole value, whatever the categories above planned inside it:
    // drop every plan at or below a chosen pointer, by walking up each plan's pointer (once per
    // plan, not once per plan and chosen claim).
    const picked = new Set(chosen)
    for (const p of [...out.keys()]) {
      for (let at = p; ; at = at.slice(0, Math.max(0, at.lastIndexOf('/')))) {
        if (picked.has(at)) {
          out.delete(p)
          break
        }
        if (at === '') break
      }
    }
    for (const pointer of picked)
      out.set(pointer, { pointer, category: 'claim', text: JSON.stringify(PLACEHOLDERS.claim) })
  }
  return [...out.values()]
}

export interface RedactionResult {
  /** The payload JSON text with the chosen values replaced, all other text unchanged. */
  text: string
  redactions: Redaction[]
}

/**
 * Replaces the chosen values of a payload JSON text with visible placeholders. Works on the text so
 * that everything not redacted stays byte-for-byte identical; a member that appears twice is
 * replaced in both places. Pointers that match nothing are left out of the result.
 */
export function redactPayload(payloadText: string, choice: RedactionChoice): RedactionResult {
  const parsed = parseJson(payloadText)
  if (parsed.value === undefined) return { text: payloadText, redactions: [] }
  const replacements = plan(parsed.value, choice)
  const byPointer = new Map(replacements.map((r) => [r.pointer, r]))
  const spans = valueSpans(payloadText)
    .filter((s) => byPointer.has(s.pointer))
    .sort((a, b) => a.start - b.start)
  // Drop spans inside an earlier chosen span (a redacted object hides its members already).
  // Value spans nest or are apart, so after sorting by start one running end tells them apart.
  const outer: typeof spans = []
  let end = -1
  for (const s of spans) {
    if (s.start < end) continue
    outer.push(s)
    end = s.end
  }
  // Built in one pass: splicing the text once per span cost its length each time.
  const parts: string[] = []
  let at = 0
  for (const s of outer) {
    parts.push(payloadText.slice(at, s.start), (byPointer.get(s.pointer) as Replacement).text)
    at = s.end
  }
  parts.push(payloadText.slice(at))
  const text = parts.join('')
  const found = new Set(outer.map((s) => s.pointer))
  return {
    text,
    redactions: replacements
      .filter((r) => found.has(r.pointer))
      .map(({ pointer, category }) => ({ pointer, category })),
  }
}

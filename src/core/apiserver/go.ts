// Small re-implementations of Go standard-library behaviour that shows in the API server's error
// messages: %q quoting, time.Time's String(), utilerrors aggregates, encoding/json's struct field
// matching and its type errors. They exist so that a message shown here is the one a cluster
// would log or put in a TokenReview, not a paraphrase.
import { isJsonObject, type JsonObject, type JsonValue } from '../encoding/json.ts'

const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
}

/** `strconv.Quote` (what `%q` prints for a string): printable characters kept, others escaped. */
export function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const simple = SIMPLE_ESCAPES[ch]
    if (simple) {
      out += simple
      continue
    }
    const cp = ch.codePointAt(0) ?? 0
    if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd'
    else if (/^[\p{L}\p{M}\p{N}\p{P}\p{S}\x20]$/u.test(ch)) out += ch
    else if (cp <= 0xffff) out += `\\u${cp.toString(16).padStart(4, '0')}`
    else out += `\\U${cp.toString(16).padStart(8, '0')}`
  }
  return `${out}"`
}

/** `%q` of a `[]string`: `["a" "b"]`. */
export function goQuoteList(list: readonly string[]): string {
  return `[${list.map(goQuote).join(' ')}]`
}

/** `%v` of a `[]string`: `[a b]`. */
export function goList(list: readonly string[]): string {
  return `[${list.join(' ')}]`
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/**
 * `time.Time.String()` for an instant in UTC, the zone containers usually run in:
 * `2009-11-10 23:00:00 +0000 UTC`, with a fraction only when there is one. Go also appends the
 * monotonic clock reading (` m=+…`) to `time.Now()`; that part cannot be known here and is left out.
 */
export function goTime(epochMs: number): string {
  if (!Number.isFinite(epochMs)) return '0001-01-01 00:00:00 +0000 UTC'
  const d = new Date(epochMs)
  if (Number.isNaN(d.getTime())) return '0001-01-01 00:00:00 +0000 UTC'
  const ms = ((epochMs % 1000) + 1000) % 1000
  const frac = ms ? `.${pad(Math.round(ms), 3).replace(/0+$/, '')}` : ''
  const year = d.getUTCFullYear()
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${frac} +0000 UTC`
}

/** Go's zero `time.Time`, which go-oidc compares against when a token has no `exp`. */
export const GO_ZERO_TIME = '0001-01-01 00:00:00 +0000 UTC'

/**
 * `utilerrors.NewAggregate(errs).Error()`: one message as is; several flattened, de-duplicated and
 * bracketed as `[a, b]`. Nested aggregates are given as nested arrays.
 */
export function aggregateMessage(errors: readonly (string | readonly string[])[]): string {
  if (errors.length === 0) return ''
  if (errors.length === 1 && typeof errors[0] === 'string') return errors[0]
  const seen: string[] = []
  const visit = (e: string | readonly string[]) => {
    if (typeof e === 'string') {
      if (!seen.includes(e)) seen.push(e)
    } else e.forEach(visit)
  }
  errors.forEach(visit)
  return seen.length === 1 ? seen[0]! : `[${seen.join(', ')}]`
}

// Go's case folding for struct fields is Unicode simple folding; the two letters where it differs
// from toLowerCase for ASCII names are the long s and the Kelvin sign.
const fold = (s: string) =>
  s
    .replace(/ſ/g, 's')
    .replace(/\u212a/g, 'k')
    .toLowerCase()

/**
 * The value encoding/json would put into a struct field tagged `name`: an exact key wins,
 * otherwise the last key equal to it under case folding (json.Unmarshal matches struct fields
 * case-insensitively, and a later duplicate overwrites an earlier one). Maps are matched exactly;
 * use this only where upstream decodes into a struct.
 */
export function structField(obj: JsonObject, name: string): JsonValue | undefined {
  // Folded once per object: folding every key for every field read made a token with 50,000
  // claims cost half a second per read of its claims.
  let byFolded = foldedKeys.get(obj)
  if (!byFolded) {
    byFolded = new Map()
    for (const key of Object.keys(obj)) byFolded.set(fold(key), obj[key] as JsonValue)
    foldedKeys.set(obj, byFolded)
  }
  return byFolded.get(fold(name))
}

const foldedKeys = new WeakMap<JsonObject, Map<string, JsonValue>>()

/** The JSON type names encoding/json uses in its UnmarshalTypeError messages. */
export function jsonTypeName(v: JsonValue): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'object') return 'object'
  return typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'bool' : 'string'
}

export type GoDecode<T> = { ok: true; value: T } | { ok: false; error: string }

const typeError = (v: JsonValue, goType: string): GoDecode<never> => ({
  ok: false,
  error: `json: cannot unmarshal ${jsonTypeName(v)} into Go value of type ${goType}`,
})

/** json.Unmarshal into a Go string: null leaves "", anything but a string is a type error. */
export function decodeString(v: JsonValue): GoDecode<string> {
  if (v === null) return { ok: true, value: '' }
  return typeof v === 'string' ? { ok: true, value: v } : typeError(v, 'string')
}

/** json.Unmarshal into a Go bool. */
export function decodeBool(v: JsonValue): GoDecode<boolean> {
  if (v === null) return { ok: true, value: false }
  return typeof v === 'boolean' ? { ok: true, value: v } : typeError(v, 'bool')
}

/** json.Unmarshal into a Go []string: null elements become "". */
export function decodeStringSlice(v: JsonValue): GoDecode<string[]> {
  if (v === null) return { ok: true, value: [] }
  if (!Array.isArray(v)) return typeError(v, '[]string')
  const out: string[] = []
  for (const item of v) {
    const s = decodeString(item)
    if (!s.ok) return s
    out.push(s.value)
  }
  return { ok: true, value: out }
}

/**
 * oidc.go `stringOrArray`: a []string, or else a single string. The error reported is the one of
 * the second attempt, as upstream returns it.
 */
export function decodeStringOrArray(v: JsonValue): GoDecode<string[]> {
  const list = decodeStringSlice(v)
  if (list.ok) return list
  const single = decodeString(v)
  return single.ok ? { ok: true, value: [single.value] } : single
}

/** True when the value is a JSON object (a Go map[string]any or a struct). */
export const isObject = isJsonObject

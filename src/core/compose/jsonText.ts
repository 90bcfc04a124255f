/**
 * The JSON texts the user edits: live validation that names line and column, a minifier and a
 * formatter that keep the text's own tokens (member order, duplicates, escapes, the digits of
 * large integers), and member edits that keep Kubernetes' sorted key order.
 */
import { diagnostic } from './codes.ts'
import { prettyJson } from '../analysis/rows.ts'
import type { DecodedJson } from '../decode/decodeToken.ts'
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { rfc } from '../diagnostics/specRefs.ts'
import { isJsonObject, parseJson, type ImpreciseNumber, type JsonObject, type JsonValue } from '../encoding/json.ts'
import { evaluatePointer } from '../encoding/jsonPointer.ts'

/** Which of the two texts. */
export type JsonPart = 'header' | 'payload'

/** A place in a text as an editor shows it: both 1-based, columns counted in characters (code points). */
export interface TextPosition {
  line: number
  column: number
}

/** The line and column of a UTF-16 offset into `text`. */
export function positionAt(text: string, offset: number): TextPosition {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)))
  const lineStart = before.lastIndexOf('\n') + 1
  const line = before.split('\n').length
  return { line, column: [...before.slice(lineStart)].length + 1 }
}

export type JsonTextCheck =
  | { ok: true; json: DecodedJson; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[]; position?: TextPosition }

const PART_WORDS: Record<JsonPart, string> = { header: 'Header', payload: 'Payload' }
const JSON_RFC = rfc(8259)

/**
 * Checks one edited text: JSON (with the position of the first error), a JSON object (RFC 7515 §4
 * for the header, RFC 7519 §7.2 for the claims), and member names written twice (a warning:
 * verifiers disagree about which one counts, RFC 7519 §4). Never throws.
 */
export function checkJsonText(text: string, part: JsonPart): JsonTextCheck {
  const words = PART_WORDS[part]
  if (text.trim() === '') {
    const message = `${words} JSON is empty: write a JSON object, at least {}.`
    return { ok: false, diagnostics: [diagnostic('COMPOSE_JSON_INVALID', message, { part, ref: JSON_RFC })] }
  }
  const parsed = parseJson(text)
  if (parsed.error || parsed.value === undefined) {
    const offset = parsed.error?.offset ?? 0
    const position = positionAt(text, offset)
    const message = `${words} JSON, line ${position.line}, column ${position.column}: ${parsed.error?.message ?? 'not JSON'}.`
    const span = { start: offset, end: Math.min(offset + 1, text.length) }
    return {
      ok: false,
      position,
      diagnostics: [diagnostic('COMPOSE_JSON_INVALID', message, { part, span, ref: JSON_RFC })],
    }
  }
  if (!isJsonObject(parsed.value)) {
    const what = Array.isArray(parsed.value) ? 'an array' : parsed.value === null ? 'null' : `a ${typeof parsed.value}`
    const message = `${words} JSON is ${what}; a token's ${part === 'header' ? 'header' : 'claims'} must be one JSON object in braces, {…}.`
    // The decoder's codes for the same finding: a header or claims that are JSON but not an object.
    const code = part === 'header' ? 'HEADER_NOT_OBJECT' : 'PAYLOAD_NOT_OBJECT'
    return { ok: false, diagnostics: [diagnostic(code, message, { part })] }
  }
  const diagnostics: Diagnostic[] = parsed.duplicates.map((d) => {
    const at = positionAt(text, d.lastOffset)
    return diagnostic(
      'JSON_DUPLICATE_MEMBER',
      `${words} JSON, line ${at.line}, column ${at.column}: "${d.key}" is written twice. It is signed as written, and verifiers disagree on which one counts (some take the last, some refuse the token).`,
      {
        part,
        span: { start: d.lastOffset, end: d.lastOffset + JSON.stringify(d.key).length },
        pointer: d.pointer,
        location: part,
      },
    )
  })
  return {
    ok: true,
    json: { text, value: parsed.value, impreciseNumbers: parsed.impreciseNumbers, duplicates: parsed.duplicates },
    diagnostics,
  }
}

const isWs = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r'

/** The end of the string literal that starts at `start` (just past its closing quote). */
function stringEnd(text: string, start: number): number {
  let i = start + 1
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1
  return i + 1
}

/**
 * Removes the whitespace between tokens of valid JSON text and nothing else, so that what is
 * signed is exactly what was written: member order, duplicates, escapes and number digits stay.
 */
export function minifyJson(text: string): string {
  let out = ''
  for (let i = 0; i < text.length;) {
    const c = text[i] as string
    if (c === '"') {
      const end = stringEnd(text, i)
      out += text.slice(i, end)
      i = end
    } else {
      if (!isWs(c)) out += c
      i++
    }
  }
  return out
}

/**
 * Indents valid JSON text by two spaces, one member or element a line, keeping every token as
 * written (unlike a parse and stringify, which would drop duplicates and round large integers).
 */
export function formatJsonText(text: string): string {
  const flat = minifyJson(text)
  let out = ''
  let depth = 0
  const newline = () => `\n${'  '.repeat(depth)}`
  for (let i = 0; i < flat.length;) {
    const c = flat[i] as string
    if (c === '"') {
      const end = stringEnd(flat, i)
      out += flat.slice(i, end)
      i = end
      continue
    }
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']'
      if (flat[i + 1] === close) {
        out += c + close
        i += 2
        continue
      }
      depth++
      out += c + newline()
    } else if (c === '}' || c === ']') {
      depth--
      out += newline() + c
    } else if (c === ',') out += ',' + newline()
    else if (c === ':') out += ': '
    else out += c
    i++
  }
  return out
}

/** Own member of a JSON object, never one from the prototype. */
export function member(o: JsonValue | undefined, key: string): JsonValue | undefined {
  return isJsonObject(o) && Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined
}

const define = (o: JsonObject, key: string, value: JsonValue) =>
  // defineProperty, not assignment: a "__proto__" member must stay data.
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true })

function isSorted(keys: readonly string[]): boolean {
  return keys.every((k, i) => i === 0 || (keys[i - 1] as string) < k)
}

/**
 * A copy of `obj` with `key` set to `value`. An existing member keeps its place; a new one goes
 * where sorted order puts it when the members are sorted already (Kubernetes signs with Go, whose
 * JSON sorts map keys), and at the end otherwise.
 */
export function withMember(obj: JsonObject, key: string, value: JsonValue): JsonObject {
  const keys = Object.keys(obj)
  const order = keys.includes(key)
    ? keys
    : isSorted(keys)
      ? [...keys.filter((k) => k < key), key, ...keys.filter((k) => k > key)]
      : [...keys, key]
  const out: JsonObject = {}
  for (const k of order) define(out, k, k === key ? value : (obj[k] as JsonValue))
  return out
}

/** A copy of `obj` without `key`. */
export function withoutMember(obj: JsonObject, key: string): JsonObject {
  const out: JsonObject = {}
  for (const k of Object.keys(obj)) if (k !== key) define(out, k, obj[k] as JsonValue)
  return out
}

/**
 * Sets (or, with `undefined`, removes) the member at a path of member names, creating the objects
 * on the way. Objects left empty by a removal are removed too, so clearing a pod's name and uid
 * removes `pod` rather than leaving `{}`, which would still bind the token to a pod.
 */
export function setPath(root: JsonObject, path: readonly string[], value: JsonValue | undefined): JsonObject {
  const [head, ...rest] = path
  if (head === undefined) return root
  if (rest.length === 0) return value === undefined ? withoutMember(root, head) : withMember(root, head, value)
  const child = member(root, head)
  if (value === undefined && !isJsonObject(child)) return root
  const next = setPath(isJsonObject(child) ? child : {}, rest, value)
  return value === undefined && Object.keys(next).length === 0
    ? withoutMember(root, head)
    : withMember(root, head, next)
}

/**
 * Pretty-prints an edited object, keeping the exact digits of the large integers that `json` held
 * wherever the edit left them in place.
 */
export function writeJson(value: JsonObject, json: Pick<DecodedJson, 'impreciseNumbers'>): string {
  // The edit copied the objects on the way to it: each number is found again in its new container.
  const kept: ImpreciseNumber[] = json.impreciseNumbers.flatMap((n) => {
    if (!stillThere(value, n)) return []
    const container = evaluatePointer(value, n.pointer.slice(0, n.pointer.lastIndexOf('/')))
    return container !== null && typeof container === 'object' ? [{ ...n, container }] : []
  })
  return prettyJson({ text: '', value, impreciseNumbers: kept, duplicates: [] })
}

function stillThere(root: JsonObject, n: ImpreciseNumber): boolean {
  // Kept while the value at its pointer is still the (rounded) number those digits parse to.
  const here = evaluatePointer(root, n.pointer)
  return typeof here === 'number' && here === Number(n.raw)
}

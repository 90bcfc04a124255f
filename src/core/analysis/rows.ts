import type { DecodedJson } from '../decode/decodeToken.ts'
import { escapeDeceptiveJson } from '../encoding/deceptive.ts'
import { escapePointerToken, isJsonObject, type ImpreciseNumber, type JsonValue } from '../encoding/json.ts'

export interface ClaimRow {
  /** JSON Pointer (RFC 6901) into the header or payload. */
  pointer: string
  /** The member name of this row (the last pointer token, unescaped). */
  name: string
  /** Member names from the root, for nested rows; worked out when read. */
  readonly path: string[]
  depth: number
  /** This row's index in its list of rows: a short, stable key (pointers can be very long). */
  index: number
  /** Index, in the list of rows, of the group heading this row sits under; -1 at the top level. */
  parent: number
  value: JsonValue
  /** The exact source text of a number whose JS value differs from it (beyond 2^53 or a double's range). */
  rawNumber?: string
  /** A non-empty object: shown as a group heading over its members' rows. */
  isGroup: boolean
}

// The exact text of the numbers whose JS value differs from it, by the object or array that
// holds them and the member name or index there (containers are unique to one parse, so one map
// serves every token). Looked up by place, not by JSON Pointer, to stay linear: a pointer repeats
// every member name above it, and V8 hashes strings above 16,383 characters by their length
// alone, so a Map keyed by the pointers under one long name degenerates into comparing them.
const RAW = new WeakMap<object, Map<string | number, string>>()
const indexed = new WeakSet<readonly ImpreciseNumber[]>()

function indexRawNumbers(numbers: readonly ImpreciseNumber[]): void {
  if (indexed.has(numbers)) return
  indexed.add(numbers)
  for (const n of numbers) {
    // A later duplicate member may have replaced the number: keep only texts that still apply.
    if (!Object.is((n.container as Record<string | number, JsonValue>)[n.key], Number(n.raw))) continue
    let inner = RAW.get(n.container)
    if (!inner) RAW.set(n.container, (inner = new Map()))
    inner.set(n.key, n.raw)
  }
}

/**
 * Flattens a decoded JSON object into display rows: a group row for each non-empty object and one
 * row per leaf, so nested claims such as `kubernetes.io.pod.name` get their own pointer. Linear
 * in the size of the JSON.
 */
export function claimRows(json: DecodedJson): ClaimRow[] {
  indexRawNumbers(json.impreciseNumbers)
  const rows: Row[] = []
  // Recursion is one level per nested object, and the parser refuses more than 256 levels.
  const walk = (obj: Record<string, JsonValue>, base: string, depth: number, parent: number) => {
    const rawHere = RAW.get(obj)
    for (const name in obj) {
      if (!Object.hasOwn(obj, name)) continue
      const value = obj[name] as JsonValue
      const pointer = `${base}/${escapePointerToken(name)}`
      const isGroup = isJsonObject(value) && hasMember(value)
      const row = new Row(rows, pointer, name, depth, rows.length, parent, value, isGroup)
      const rawNumber = rawHere?.get(name)
      if (rawNumber !== undefined) row.rawNumber = rawNumber
      rows.push(row)
      if (isGroup) walk(value as Record<string, JsonValue>, pointer, depth + 1, row.index)
    }
  }
  walk(json.value, '', 0, -1)
  return rows
}

/**
 * A row, with its path worked out when read: a copied array per row cost depth × rows, 15
 * million entries for 60,000 leaves 250 levels deep. A class, not an object literal with a
 * getter, so that 50,000 rows do not each make a closure.
 */
class Row implements ClaimRow {
  readonly #rows: readonly Row[]
  declare rawNumber?: string
  constructor(
    rows: readonly Row[],
    public pointer: string,
    public name: string,
    public depth: number,
    public index: number,
    public parent: number,
    public value: JsonValue,
    public isGroup: boolean,
  ) {
    this.#rows = rows
  }

  get path(): string[] {
    const names = [this.name]
    for (let r = this.#rows[this.parent]; r; r = this.#rows[r.parent]) names.push(r.name)
    return names.reverse()
  }
}

function hasMember(o: object): boolean {
  for (const k in o) if (Object.hasOwn(o, k)) return true
  return false
}

/**
 * Levels of nesting that pretty-printed JSON indents; deeper JSON is written on one line.
 * Indentation costs its depth on every line, so JSON 250 levels deep would print as 30 MB of
 * spaces from a 600 KB token.
 */
export const MAX_INDENT_DEPTH = 16

/**
 * JSON text of a value with `indent` spaces per level (none when it nests deeper than
 * MAX_INDENT_DEPTH), keeping the exact text of the numbers the parser saw: JSON.stringify alone would
 * round large integers and write ±Infinity as null. Native, and linear in the size of the value:
 * each such number is written as a marker string first, then replaced by its text.
 */
function printJson(value: JsonValue, indent = 2): string {
  const texts: string[] = []
  // Unguessable, so that no string in the token can pass for a marker.
  const nonce = Math.random().toString(36).slice(2)
  const tag = `\u0000${nonce}#`
  const text = JSON.stringify(
    value,
    function (this: object, key: string, v: JsonValue) {
      const exact = typeof v === 'number' ? RAW.get(this)?.get(Array.isArray(this) ? Number(key) : key) : undefined
      return exact === undefined ? v : tag + (texts.push(exact) - 1)
    },
    deeperThan(value, MAX_INDENT_DEPTH) ? 0 : indent,
  )
  if (texts.length === 0) return text
  // JSON.stringify writes the marker's U+0000 as the six characters \u0000.
  return text.replace(new RegExp(`"\\\\u0000${nonce}#(\\d+)"`, 'g'), (_, i: string) => texts[Number(i)] as string)
}

/** True when the value nests deeper than `levels` (stops as soon as it knows). */
function deeperThan(value: JsonValue, levels: number): boolean {
  const stack: [JsonValue, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [JsonValue, number]
    if (v === null || typeof v !== 'object') continue
    if (d >= levels) return true
    for (const x of Array.isArray(v) ? v : Object.values(v))
      if (x !== null && typeof x === 'object') stack.push([x, d + 1])
  }
  return false
}

/**
 * Pretty-prints JSON with two-space indentation, keeping the exact text of imprecise numbers.
 * Bidi controls, invisible and look-alike characters are written as `\uXXXX` escapes: the same
 * JSON, but text that cannot reorder or hide itself on screen or wherever it is pasted.
 */
export function prettyJson(json: DecodedJson): string {
  return escapeDeceptiveJson(plainPrettyJson(json))
}

function plainPrettyJson(json: DecodedJson): string {
  // Without imprecise numbers or deep nesting the output is exactly JSON.stringify's, which is
  // native and about ten times faster on the large tokens the bench pastes (a 1 MB payload:
  // ~40 ms down to ~4 ms).
  if (json.impreciseNumbers.length === 0 && !deeperThan(json.value, MAX_INDENT_DEPTH))
    return JSON.stringify(json.value, null, 2)
  indexRawNumbers(json.impreciseNumbers)
  return printJson(json.value)
}

const itemTexts = new WeakMap<ClaimRow, readonly JsonValue[]>()

/**
 * The items of an array row as they are shown: the array itself, unless it holds numbers whose
 * exact text differs from their value, which are then given as that text. The same array is
 * returned for the same row, so that a list keyed on it keeps its state.
 */
export function rowItems(row: ClaimRow): readonly JsonValue[] {
  const v = row.value
  if (!Array.isArray(v)) return []
  const texts = RAW.get(v)
  if (!texts) return v
  let items = itemTexts.get(row)
  if (!items) {
    items = v.map((x, i) => texts.get(i) ?? x)
    itemTexts.set(row, items)
  }
  return items
}

/** A row's value as text: strings as they are, numbers and structures as JSON with exact numbers. */
export function rowValueText(row: ClaimRow, indent = 0): string {
  const v = row.value
  if (typeof v === 'string') return v
  if (row.rawNumber !== undefined) return row.rawNumber
  // A number, boolean or null prints as JSON.stringify writes it; printJson's marker machinery is
  // for the exact numbers inside arrays and objects (and cost most of the filter's first keystroke).
  if (v === null || typeof v !== 'object') return JSON.stringify(v)
  return printJson(v, indent)
}

/** Describes a JSON value's type the way the claim rows label it. */
export function jsonType(v: JsonValue): 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object' {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  return typeof v as 'string' | 'number' | 'boolean' | 'object'
}

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

/**
 * The exact text of the numbers whose JS value differs from it, found by the object or array
 * that holds them and the member name or index there. Looking them up by place, not by JSON
 * Pointer, keeps the cost linear: a pointer repeats every member name above it, and V8 hashes
 * strings above 16,383 characters by their length alone, so a Map keyed by the pointers under
 * one long name degenerates into comparing those long strings with each other.
 */
export type RawNumbers = WeakMap<object, Map<string | number, string>>

const rawIndexes = new WeakMap<readonly ImpreciseNumber[], RawNumbers>()

/** The raw-number index of decoded JSON, built once per parse. */
export function rawNumbersOf(json: Pick<DecodedJson, 'impreciseNumbers'>): RawNumbers {
  let index = rawIndexes.get(json.impreciseNumbers)
  if (!index) {
    index = new WeakMap()
    for (const n of json.impreciseNumbers) {
      // A later duplicate member may have replaced the number: keep only texts that still apply.
      if (!Object.is((n.container as Record<string | number, JsonValue>)[n.key], Number(n.raw))) continue
      let inner = index.get(n.container)
      if (!inner) index.set(n.container, (inner = new Map()))
      inner.set(n.key, n.raw)
    }
    rawIndexes.set(json.impreciseNumbers, index)
  }
  return index
}

// A class so that `path` is computed on demand from the parent chain: a copied array per row
// cost depth × rows, 15 million entries for 60,000 leaves 250 levels deep.
class Row implements ClaimRow {
  rawNumber?: string
  constructor(
    readonly pointer: string,
    readonly name: string,
    readonly depth: number,
    readonly index: number,
    readonly parent: number,
    readonly value: JsonValue,
    readonly isGroup: boolean,
    private readonly up: Row | undefined,
    /** The raw numbers of the JSON this row is from (for values that hold some). */
    readonly raw: RawNumbers,
  ) {}

  get path(): string[] {
    const names = [this.name]
    for (let r = this.up; r; r = r.up) names.push(r.name)
    return names.reverse()
  }
}

/**
 * Flattens a decoded JSON object into display rows: a group row for each non-empty object and one
 * row per leaf, so nested claims such as `kubernetes.io.pod.name` get their own pointer. Linear
 * in the size of the JSON.
 */
export function claimRows(json: DecodedJson): ClaimRow[] {
  const raw = rawNumbersOf(json)
  const rows: Row[] = []
  // Recursion is one level per nested object, and the parser refuses more than 256 levels.
  const walk = (obj: Record<string, JsonValue>, base: string, depth: number, parent: number, up: Row | undefined) => {
    const rawHere = raw.get(obj)
    for (const [name, value] of Object.entries(obj)) {
      const pointer = `${base}/${escapePointerToken(name)}`
      const isGroup = isJsonObject(value) && hasMember(value)
      const row = new Row(pointer, name, depth, rows.length, parent, value, isGroup, up, raw)
      const rawNumber = rawHere?.get(name)
      if (rawNumber !== undefined) row.rawNumber = rawNumber
      rows.push(row)
      if (isGroup) walk(value as Record<string, JsonValue>, pointer, depth + 1, row.index, row)
    }
  }
  walk(json.value, '', 0, -1, undefined)
  return rows
}

function hasMember(o: object): boolean {
  for (const k in o) if (Object.hasOwn(o, k)) return true
  return false
}

/**
 * Levels of nesting that pretty-printed JSON indents; deeper values are written on one line.
 * Indentation costs its depth on every line, so JSON 250 levels deep would print as 30 MB of
 * spaces from a 600 KB token.
 */
export const MAX_INDENT_DEPTH = 16

/**
 * JSON text of a value with `indent` spaces per level (up to MAX_INDENT_DEPTH levels), keeping
 * the exact text of the numbers in `raw`: JSON.stringify would round large integers and write
 * ±Infinity as null. Linear in the size of the value.
 */
export function printJson(value: JsonValue, raw: RawNumbers, indent = 2): string {
  const step = ' '.repeat(indent)
  const parts: string[] = []
  const out = (v: JsonValue, exact: string | undefined, pad: string, depth: number): void => {
    if (typeof v === 'number') return void parts.push(exact ?? JSON.stringify(v))
    if (v === null || typeof v !== 'object') return void parts.push(JSON.stringify(v))
    const flat = indent === 0 || depth >= MAX_INDENT_DEPTH
    const inner = flat ? '' : pad + step
    const open = flat ? '' : `\n${inner}`
    const sep = flat ? ',' : `,\n${inner}`
    const close = flat ? '' : `\n${pad}`
    const texts = raw.get(v)
    if (Array.isArray(v)) {
      if (v.length === 0) return void parts.push('[]')
      parts.push('[', open)
      v.forEach((x, i) => {
        if (i > 0) parts.push(sep)
        out(x, texts?.get(i), inner, depth + 1)
      })
      parts.push(close, ']')
      return
    }
    const entries = Object.entries(v)
    if (entries.length === 0) return void parts.push('{}')
    parts.push('{', open)
    entries.forEach(([k, x], i) => {
      if (i > 0) parts.push(sep)
      parts.push(JSON.stringify(k), flat ? ':' : ': ')
      out(x, texts?.get(k), inner, depth + 1)
    })
    parts.push(close, '}')
  }
  out(value, undefined, '', 0)
  return parts.join('')
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
  return printJson(json.value, rawNumbersOf(json))
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
  const texts = row instanceof Row ? row.raw.get(v) : undefined
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
  return row instanceof Row ? printJson(v, row.raw, indent) : JSON.stringify(v, null, indent)
}

/** Describes a JSON value's type the way the claim rows label it. */
export function jsonType(v: JsonValue): 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object' {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  return typeof v as 'string' | 'number' | 'boolean' | 'object'
}

/** A leaf row also owns diagnostics about members inside it, such as one array element. */
export function rowOwnsPointer(row: ClaimRow, pointer: string): boolean {
  return pointer === row.pointer || (!row.isGroup && pointer.startsWith(`${row.pointer}/`))
}

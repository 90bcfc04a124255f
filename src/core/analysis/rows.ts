import type { DecodedJson } from '../decode/decodeToken.ts'
import { escapeDeceptiveJson } from '../encoding/deceptive.ts'
import { escapePointerToken, isJsonObject, type JsonValue } from '../encoding/json.ts'

export interface ClaimRow {
  /** JSON Pointer (RFC 6901) into the header or payload. */
  pointer: string
  /** The member name of this row (the last pointer token, unescaped). */
  name: string
  /** Member names from the root, for nested rows. */
  path: string[]
  depth: number
  value: JsonValue
  /** The exact source text of an integer too large for a JS number. */
  rawNumber?: string
  /** A non-empty object: shown as a group heading over its members' rows. */
  isGroup: boolean
}

/**
 * Flattens a decoded JSON object into display rows: a group row for each non-empty object and one
 * row per leaf, so nested claims such as `kubernetes.io.pod.name` get their own pointer.
 */
export function claimRows(json: DecodedJson): ClaimRow[] {
  const raw = new Map(json.impreciseNumbers.map((n) => [n.pointer, n.raw]))
  const rows: ClaimRow[] = []
  const walk = (obj: Record<string, JsonValue>, base: string, path: string[]) => {
    for (const [name, value] of Object.entries(obj)) {
      const pointer = `${base}/${escapePointerToken(name)}`
      const here = [...path, name]
      const isGroup = isJsonObject(value) && Object.keys(value).length > 0
      const row: ClaimRow = { pointer, name, path: here, depth: path.length, value, isGroup }
      const rawNumber = raw.get(pointer)
      if (rawNumber !== undefined) row.rawNumber = rawNumber
      rows.push(row)
      if (isGroup) walk(value as Record<string, JsonValue>, pointer, here)
    }
  }
  walk(json.value, '', [])
  return rows
}

/**
 * Pretty-prints JSON with two-space indentation, keeping the exact text of imprecise integers.
 * Bidi controls, invisible and look-alike characters are written as `\uXXXX` escapes: the same
 * JSON, but text that cannot reorder or hide itself on screen or wherever it is pasted.
 */
export function prettyJson(json: DecodedJson): string {
  return escapeDeceptiveJson(plainPrettyJson(json))
}

function plainPrettyJson(json: DecodedJson): string {
  // Without imprecise integers the output is exactly JSON.stringify's, which is native and about
  // ten times faster on the large tokens the bench pastes (a 1 MB payload: ~40 ms down to ~4 ms).
  if (json.impreciseNumbers.length === 0) return JSON.stringify(json.value, null, 2)
  const raw = new Map(json.impreciseNumbers.map((n) => [n.pointer, n.raw]))
  const out = (v: JsonValue, pointer: string, indent: string): string => {
    if (typeof v === 'number') return raw.get(pointer) ?? JSON.stringify(v)
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]'
      const inner = indent + '  '
      return `[\n${v.map((x, i) => inner + out(x, `${pointer}/${i}`, inner)).join(',\n')}\n${indent}]`
    }
    if (isJsonObject(v)) {
      const entries = Object.entries(v)
      if (entries.length === 0) return '{}'
      const inner = indent + '  '
      return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${out(x, `${pointer}/${escapePointerToken(k)}`, inner)}`).join(',\n')}\n${indent}}`
    }
    return JSON.stringify(v)
  }
  return out(json.value, '', '')
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

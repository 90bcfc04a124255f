import type { DecodedJson } from '../decode/decodeToken.ts'
import { isJsonObject, type JsonObject, type JsonValue } from '../encoding/json.ts'
import { childPointer } from '../encoding/jsonPointer.ts'
import { spellDuration } from '../time/duration.ts'
import { toIsoUtc } from '../time/iso.ts'
import { isNumericDatePointer } from '../time/numericDate.ts'
import { setDiff, setMembers, type SetDiff } from './sets.ts'

/** How one member differs from the left token to the right one. */
export type Change = 'added' | 'removed' | 'changed' | 'same'

/** Which JSON of the token a row is about. */
export type DiffLocation = 'header' | 'payload'

/** A NumericDate in both forms: the number as written and the instant a reader knows. */
export interface NumericDateForm {
  seconds: number
  /** `YYYY-MM-DDTHH:MM:SSZ`; undefined outside the years 0001–9999. */
  iso?: string
}

/** One side's value of a member. */
export interface DiffValue {
  value: JsonValue
  /** The exact text of an integer too large for a JS number (the value is then imprecise). */
  raw?: string
  /** Set on NumericDate claims (exp, iat, nbf, warnafter, …) that hold a finite number. */
  date?: NumericDateForm
}

interface DiffRowBase {
  change: Change
  /** The member name (the last pointer token, unescaped). */
  name: string
  /** Nesting depth: 0 for top-level members. */
  depth: number
  /** An object with members on either side: its members follow as rows of their own. */
  isGroup: boolean
  /** Absent for `added`. */
  left?: DiffValue
  /** Absent for `removed`. */
  right?: DiffValue
  /** For members diffed as sets (aud, scope, groups, …): what was gained, lost and kept. */
  set?: SetDiff
  /** For a NumericDate on both sides that differs: right − left, and the distance in words. */
  shift?: { seconds: number; words: string }
}

/** A payload row; `path` is the JSON Pointer into the claims (the `data-path` hook). */
export interface PayloadDiffRow extends DiffRowBase {
  location: 'payload'
  path: string
}

/** A header row; `headerPath` is the JSON Pointer into the header (the `data-header-path` hook). */
export interface HeaderDiffRow extends DiffRowBase {
  location: 'header'
  headerPath: string
}

export type DiffRow = PayloadDiffRow | HeaderDiffRow

/** The JSON Pointer of a row, whichever JSON it is in. */
export function rowPointer(row: DiffRow): string {
  return row.location === 'payload' ? row.path : row.headerPath
}

type RawNumbers = ReadonlyMap<string, string>

const own = (o: JsonObject | undefined, key: string): JsonValue | undefined =>
  o !== undefined && Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined

/**
 * A text that is equal for equal JSON values: members sorted (JSON objects are unordered) and
 * imprecise integers by their exact digits, so that two different 20-digit ids never compare equal.
 */
function canonical(v: JsonValue, pointer: string, raw: RawNumbers): string {
  if (typeof v === 'number') return raw.get(pointer) ?? JSON.stringify(v)
  if (Array.isArray(v)) return `[${v.map((x, i) => canonical(x, childPointer(pointer, i), raw)).join(',')}]`
  if (isJsonObject(v)) {
    const keys = Object.keys(v).sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(v[k] as JsonValue, childPointer(pointer, k), raw)}`).join(',')}}`
  }
  return JSON.stringify(v)
}

interface Side {
  raw: RawNumbers
}

function diffValue(value: JsonValue, pointer: string, side: Side, location: DiffLocation): DiffValue {
  const out: DiffValue = { value }
  const raw = side.raw.get(pointer)
  if (raw !== undefined) out.raw = raw
  if (location === 'payload' && isNumericDatePointer(pointer) && typeof value === 'number' && Number.isFinite(value)) {
    const iso = toIsoUtc(value)
    out.date = iso === undefined ? { seconds: value } : { seconds: value, iso }
  }
  return out
}

const hasMembers = (v: JsonValue | undefined): v is JsonObject => isJsonObject(v) && Object.keys(v).length > 0

/**
 * Diffs two JSON objects member by member, by JSON Pointer. Nested objects become a group row
 * followed by their members; arrays are compared whole, except members that hold sets (see
 * sets.ts), which say what was gained and lost. Keys appear in the left token's order, then the
 * ones only the right token has. A side that is undefined contributes nothing (no rows at all
 * when both are).
 */
export function diffJson(
  left: DecodedJson | undefined,
  right: DecodedJson | undefined,
  location: DiffLocation,
): DiffRow[] {
  if (!left && !right) return []
  const sides = (json: DecodedJson | undefined): Side => ({
    raw: new Map((json?.impreciseNumbers ?? []).map((n) => [n.pointer, n.raw])),
  })
  const l = sides(left)
  const r = sides(right)
  const rows: DiffRow[] = []
  const makeRow = (pointer: string, base: DiffRowBase): DiffRow =>
    location === 'payload' ? { ...base, location, path: pointer } : { ...base, location, headerPath: pointer }

  // Returns true when every member below is the same on both sides.
  const walk = (lo: JsonObject | undefined, ro: JsonObject | undefined, base: string, depth: number): boolean => {
    const keys = [...Object.keys(lo ?? {})]
    for (const k of Object.keys(ro ?? {})) if (own(lo, k) === undefined) keys.push(k)
    let allSame = true
    for (const name of keys) {
      const pointer = childPointer(base, name)
      const lv = own(lo, name)
      const rv = own(ro, name)
      const row: DiffRowBase = { change: 'same', name, depth, isGroup: hasMembers(lv) || hasMembers(rv) }
      if (lv !== undefined) row.left = diffValue(lv, pointer, l, location)
      if (rv !== undefined) row.right = diffValue(rv, pointer, r, location)
      const out = makeRow(pointer, row)
      rows.push(out)
      const setL = lv === undefined ? undefined : setMembers(name, lv, location)
      const setR = rv === undefined ? undefined : setMembers(name, rv, location)
      if (setL || setR) {
        const set = setDiff(setL, setR, lv !== undefined && rv !== undefined && !sameShape(lv, rv))
        if ((lv === undefined || setL) && (rv === undefined || setR)) out.set = set
      }
      let change: Change
      if (lv === undefined) change = 'added'
      else if (rv === undefined) change = 'removed'
      else if (out.set) change = out.set.gained.length || out.set.lost.length ? 'changed' : 'same'
      else if (row.isGroup) {
        const childrenSame = walk(
          isJsonObject(lv) ? lv : undefined,
          isJsonObject(rv) ? rv : undefined,
          pointer,
          depth + 1,
        )
        change = childrenSame && isJsonObject(lv) && isJsonObject(rv) ? 'same' : 'changed'
      } else change = canonical(lv, pointer, l.raw) === canonical(rv, pointer, r.raw) ? 'same' : 'changed'
      // A group that only one side has: its members are added (or removed) with it.
      if (row.isGroup && (lv === undefined || rv === undefined))
        walk(isJsonObject(lv) ? lv : undefined, isJsonObject(rv) ? rv : undefined, pointer, depth + 1)
      out.change = change
      if (change === 'changed' && out.left?.date && out.right?.date) {
        const seconds = out.right.date.seconds - out.left.date.seconds
        out.shift = { seconds, words: spellDuration(seconds) }
      }
      if (change !== 'same') allSame = false
    }
    return allSame
  }
  walk(left?.value, right?.value, '', 0)
  return rows
}

/** Same JSON type and text, so that a set written another way (string vs array, order) is still told. */
function sameShape(a: JsonValue, b: JsonValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

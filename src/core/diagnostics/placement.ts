import type { ClaimRow } from '../analysis/rows.ts'
import { escapePointerToken } from '../encoding/jsonPointer.ts'
import type { Diagnostic } from './diagnostic.ts'

/**
 * Where each diagnostic is shown, decided once: on the claim or header row that owns it, or in
 * the general list. Every diagnostic is in exactly one place.
 */
export interface Placement {
  /** Diagnostics by the index of the header row that shows them (`ClaimRow.index`). */
  header: ReadonlyMap<number, Diagnostic[]>
  /** Diagnostics by the index of the payload row that shows them (`ClaimRow.index`). */
  payload: ReadonlyMap<number, Diagnostic[]>
  /** The rest: about the token as a whole, or naming a member no row shows. */
  general: Diagnostic[]
}

// Rows are found by their parent's index and escaped member name, not by pointer: a pointer
// repeats every member name above it, and V8 hashes strings longer than 16,383 characters by
// their length alone, so a Map keyed by the pointers under one long member name degenerates into
// comparing those long strings with each other (quadratic in the number of rows). Names that
// long are few: a 1 MB token holds at most 64. For the same reason, the placed lists are keyed by
// row index, not pointer: each row of the page looks its list up.
//
// The index is built once per list of rows: the page places the diagnostics again, over the same
// rows, as each check module arrives.
const indexes = new WeakMap<readonly ClaimRow[], Map<string, ClaimRow>>()
function byParentAndName(rows: readonly ClaimRow[]): Map<string, ClaimRow> {
  let index = indexes.get(rows)
  if (!index) indexes.set(rows, (index = new Map(rows.map((r) => [`${r.parent}/${escapePointerToken(r.name)}`, r]))))
  return index
}

/**
 * The row that owns a pointer: the row with that very pointer, or else the leaf row it lies
 * inside (a leaf such as an array claim owns diagnostics about its elements; a group heading
 * owns only its own). Walks down the pointer, so the cost is its depth, not the number of rows.
 */
function owner(rows: ReadonlyMap<string, ClaimRow>, pointer: string): ClaimRow | undefined {
  let row: ClaimRow | undefined
  // A pointer that does not start with '/' names no member: no token, no row.
  for (const token of pointer.split('/').slice(1)) {
    if (row && !row.isGroup) return row
    row = rows.get(`${row ? row.index : -1}/${token}`)
    if (!row) return undefined
  }
  return row
}

/** Places every diagnostic, in order, on its row or in the general list (linear in the input). */
export function placeDiagnostics(
  diagnostics: readonly Diagnostic[],
  headerRows: readonly ClaimRow[],
  payloadRows: readonly ClaimRow[],
): Placement {
  // Indexed only when a diagnostic names a member: most lists have few such, and rows many.
  const indexOf: { header?: Map<string, ClaimRow>; payload?: Map<string, ClaimRow> } = {}
  const rowsOf = { header: headerRows, payload: payloadRows }
  const placed = { header: new Map<number, Diagnostic[]>(), payload: new Map<number, Diagnostic[]>() }
  const general: Diagnostic[] = []
  for (const d of diagnostics) {
    const location = d.location === 'header' ? 'header' : 'payload'
    const at =
      d.pointer === undefined ? undefined : owner((indexOf[location] ??= byParentAndName(rowsOf[location])), d.pointer)
    if (at === undefined) general.push(d)
    else {
      const list = placed[location].get(at.index)
      if (list) list.push(d)
      else placed[location].set(at.index, [d])
    }
  }
  return { ...placed, general }
}

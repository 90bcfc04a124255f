import type { ClaimRow } from '../analysis/rows.ts'
import type { Diagnostic } from './diagnostic.ts'

/**
 * Where each diagnostic is shown, decided once: on the claim or header row that owns it, or in
 * the general list. Every diagnostic is in exactly one place.
 */
export interface Placement {
  /** Diagnostics by the pointer of the header row that shows them. */
  header: ReadonlyMap<string, Diagnostic[]>
  /** Diagnostics by the pointer of the payload row that shows them. */
  payload: ReadonlyMap<string, Diagnostic[]>
  /** The rest: about the token as a whole, or naming a member no row shows. */
  general: Diagnostic[]
}

/**
 * The row that owns a pointer: the row with that very pointer, or else the nearest leaf row
 * above it (a leaf such as an array claim owns diagnostics about its elements; a group heading
 * owns only its own). Walks up the pointer, so the cost is its depth, not the number of rows.
 */
function owner(rows: ReadonlyMap<string, ClaimRow>, pointer: string): string | undefined {
  if (rows.has(pointer)) return pointer
  for (let end = pointer.lastIndexOf('/'); end > 0; end = pointer.lastIndexOf('/', end - 1)) {
    const row = rows.get(pointer.slice(0, end))
    if (row) return row.isGroup ? undefined : row.pointer
  }
  return undefined
}

/** Places every diagnostic, in order, on its row or in the general list (linear in the input). */
export function placeDiagnostics(
  diagnostics: readonly Diagnostic[],
  headerRows: readonly ClaimRow[],
  payloadRows: readonly ClaimRow[],
): Placement {
  const byPointer = (rows: readonly ClaimRow[]) => new Map(rows.map((r) => [r.pointer, r]))
  const rows = { header: byPointer(headerRows), payload: byPointer(payloadRows) }
  const placed = { header: new Map<string, Diagnostic[]>(), payload: new Map<string, Diagnostic[]>() }
  const general: Diagnostic[] = []
  for (const d of diagnostics) {
    const location = d.location === 'header' ? 'header' : 'payload'
    const at = d.pointer === undefined ? undefined : owner(rows[location], d.pointer)
    if (at === undefined) general.push(d)
    else placed[location].set(at, [...(placed[location].get(at) ?? []), d])
  }
  return { ...placed, general }
}

import type { ClaimRow } from '../analysis/rows.ts'
import type { Diagnostic } from './diagnostic.ts'

// Which row shows a diagnostic. A diagnostic's pointer is walked down the rows member by member,
// through an index built once per list of rows: comparing each diagnostic with each row (as
// before) cost rows × diagnostics, and the long pointers under a long member name made each
// comparison cost the length of that name too.

interface RowIndex {
  top: Map<string, ClaimRow>
  members: Map<ClaimRow, Map<string, ClaimRow>>
}

const indexes = new WeakMap<readonly ClaimRow[], RowIndex>()

function indexOf(rows: readonly ClaimRow[]): RowIndex {
  let index = indexes.get(rows)
  if (!index) {
    index = { top: new Map(), members: new Map() }
    for (const row of rows) {
      const parent = row.parent < 0 ? undefined : rows[row.parent]
      if (!parent) index.top.set(row.name, row)
      else {
        let m = index.members.get(parent)
        if (!m) index.members.set(parent, (m = new Map()))
        m.set(row.name, row)
      }
    }
    indexes.set(rows, index)
  }
  return index
}

/**
 * The row that owns a JSON Pointer: the row of that member, or the leaf row it lies inside (an
 * element of an array claim belongs to the claim's row). Undefined when no row holds it.
 */
export function rowForPointer(rows: readonly ClaimRow[], pointer: string): ClaimRow | undefined {
  if (!pointer.startsWith('/')) return undefined
  const index = indexOf(rows)
  let row: ClaimRow | undefined
  for (const token of pointer.slice(1).split('/')) {
    const name = token.replaceAll('~1', '/').replaceAll('~0', '~')
    if (row && !row.isGroup) return row
    row = row ? index.members.get(row)?.get(name) : index.top.get(name)
    if (!row) return undefined
  }
  return row
}

/** The rows a diagnostic can be shown on. */
export interface PlacedRows {
  headerRows: readonly ClaimRow[]
  payloadRows: readonly ClaimRow[]
}

/** The row that shows `d`, or undefined when it belongs in the general list. */
export function rowOfDiagnostic(d: Diagnostic, rows: PlacedRows): ClaimRow | undefined {
  if (d.pointer === undefined) return undefined
  return rowForPointer(d.location === 'header' ? rows.headerRows : rows.payloadRows, d.pointer)
}

/** The diagnostics of one table (header or payload), by the row that shows them, in list order. */
export function diagnosticsByRow(
  rows: readonly ClaimRow[],
  diagnostics: readonly Diagnostic[],
  location: 'header' | 'payload',
): Map<ClaimRow, Diagnostic[]> {
  const out = new Map<ClaimRow, Diagnostic[]>()
  for (const d of diagnostics) {
    if (d.pointer === undefined || (d.location ?? 'payload') !== location) continue
    const row = rowForPointer(rows, d.pointer)
    if (!row) continue
    const list = out.get(row)
    if (list) list.push(d)
    else out.set(row, [d])
  }
  return out
}

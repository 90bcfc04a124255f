import type { ClaimRow } from '../core/analysis/rows.ts'
import type { Diagnostic } from '../core/diagnostics/diagnostic.ts'

/** The diagnostics placed on the row with `pointer` (placement lists are keyed by row index). */
export function placedAt(
  placed: ReadonlyMap<number, Diagnostic[]>,
  rows: readonly ClaimRow[],
  pointer: string,
): Diagnostic[] | undefined {
  const row = rows.find((r) => r.pointer === pointer)
  return row === undefined ? undefined : placed.get(row.index)
}

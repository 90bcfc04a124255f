import type { ClaimRow } from './rows.ts'

function valueText(row: ClaimRow): string {
  if (row.isGroup) return ''
  return row.rawNumber ?? (typeof row.value === 'string' ? row.value : JSON.stringify(row.value))
}

/**
 * The pointers of the rows to show for a search `query` (case-insensitive, matched against the
 * name, the titles `titlesOf` gives and the value). Matching rows keep their group headings, and a
 * matching group keeps its members. An empty query shows every row.
 */
export function filterRows(
  rows: readonly ClaimRow[],
  query: string,
  titlesOf: (row: ClaimRow) => readonly string[] = () => [],
): Set<string> {
  const q = query.trim().toLowerCase()
  if (q === '') return new Set(rows.map((r) => r.pointer))
  const hit = (r: ClaimRow) => [r.name, valueText(r), ...titlesOf(r)].some((s) => s.toLowerCase().includes(q))
  const matched = rows.filter(hit).map((r) => r.pointer)
  const related = (a: string, b: string) => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`)
  return new Set(rows.filter((r) => matched.some((m) => related(r.pointer, m))).map((r) => r.pointer))
}

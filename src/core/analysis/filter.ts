import { rowValueText, type ClaimRow } from './rows.ts'

/** Finds the rows to show for a query; see createRowSearch. */
export type RowSearch = ((query: string) => readonly ClaimRow[]) & {
  /**
   * Builds the search text of up to `count` more rows ahead of the first query, and tells
   * whether rows are left: the page calls it in idle time, so that the first keystroke in the
   * filter over 50,000 claims does not build all their texts at once.
   */
  prepare?: (count: number) => boolean
}

/**
 * A search over `rows` (case-insensitive, matched against the name, the titles `titlesOf` gives
 * and the value). Matching rows keep their group headings, and a matching group keeps its
 * members; the rows come back in their order. An empty query gives every row.
 *
 * Each row's text is lower-cased once, ahead of time by `prepare` or on the first non-empty
 * query, and every query after that is one pass over the rows: typing in the filter over 50,000 claims stays a few milliseconds a
 * keystroke. (The first version compared every row with every match: quadratic.)
 */
export function createRowSearch(
  rows: readonly ClaimRow[],
  titlesOf: (row: ClaimRow) => readonly string[] = () => [],
): RowSearch {
  const haystacks: string[] = []
  const prepare = (count: number) => {
    const end = Math.min(rows.length, haystacks.length + count)
    for (let i = haystacks.length; i < end; i++) {
      const r = rows[i] as ClaimRow
      // NUL never occurs in the query, so no match can span two of the joined texts.
      haystacks.push([r.name, r.isGroup ? '' : rowValueText(r), ...titlesOf(r)].join('\u0000').toLowerCase())
    }
    return haystacks.length < rows.length
  }
  const search: RowSearch = (query) => {
    const q = query.trim().toLowerCase().replaceAll('\u0000', '')
    if (q === '') return rows
    prepare(Infinity)
    const MATCH = 1
    const HEADING = 2
    const keep = new Uint8Array(rows.length)
    haystacks.forEach((text, i) => {
      if (!text.includes(q)) return
      keep[i] = (keep[i] as number) | MATCH
      // Its group headings, up to one already kept as a heading (whose own headings are kept too).
      for (let p = (rows[i] as ClaimRow).parent; p >= 0 && !((keep[p] as number) & HEADING);) {
        keep[p] = (keep[p] as number) | HEADING
        p = (rows[p] as ClaimRow).parent
      }
    })
    // The members of a matching group follow it, deeper than it: rows are in document order.
    const out: ClaimRow[] = []
    let inside = Infinity
    rows.forEach((row, i) => {
      if (row.depth <= inside) inside = Infinity
      const flags = keep[i] as number
      if (flags !== 0 || inside !== Infinity) out.push(row)
      if (flags & MATCH && row.isGroup && inside === Infinity) inside = row.depth
    })
    return out
  }
  search.prepare = prepare
  return search
}

/** The rows to show for one query: `createRowSearch(rows, titlesOf)(query)`. */
export function filterRows(
  rows: readonly ClaimRow[],
  query: string,
  titlesOf?: (row: ClaimRow) => readonly string[],
): readonly ClaimRow[] {
  return createRowSearch(rows, titlesOf)(query)
}

import { useEffect, useMemo, useState, type CSSProperties, type ReactNode } from 'react'
import {
  expandAt,
  NO_EXPANSION,
  ROW_LIMITS,
  showDeceptive,
  windowRows,
  type ClaimRow,
  type RowExpansion,
  type RowItem,
  type RowSearch,
} from '../../core/index.ts'
import { shortLabel } from '../common/textCut.ts'

type More = Extract<RowItem, { kind: 'more' }>

/** Rows whose search text one idle callback builds: a few milliseconds of work. */
const PREPARE_ROWS = 2000

/**
 * Builds the claim filter's search text in idle time, a slice per idle callback, so that the
 * first keystroke over 50,000 claims only scans them. Typed before it is done, the search builds
 * the rest itself. (Here, with the row window: only tables this long need it.)
 */
function usePreparedSearch(search: RowSearch | undefined): void {
  useEffect(() => {
    const prepare = search?.prepare
    if (!prepare) return
    let cancel = () => {}
    const slice = () => {
      if (!prepare(PREPARE_ROWS)) return
      if (typeof requestIdleCallback === 'function') {
        const id = requestIdleCallback(slice, { timeout: 5000 })
        cancel = () => cancelIdleCallback(id)
      } else {
        const id = setTimeout(slice, 50)
        cancel = () => clearTimeout(id)
      }
    }
    // The first slice waits too: the table has just been rendered.
    const id = setTimeout(slice, 0)
    cancel = () => clearTimeout(id)
    return () => cancel()
  }, [search])
}

/**
 * The line standing for rows not rendered yet, with a button (so the keyboard reaches it) to add
 * some. The group is named by a short label: its own row shows the name in full, and a
 * 300,000-character name laid out here was a layout of 150 ms.
 */
export function MoreRow({ item, onMore }: { item: More; onMore: (e: React.MouseEvent<HTMLButtonElement>) => void }) {
  const of = item.total ? 'rows' : item.group ? `members of ${shortLabel(showDeceptive(item.group.name))}` : 'claims'
  return (
    <li
      className="row claim-more"
      data-testid="claim-more"
      data-hidden-count={item.hidden}
      style={{ '--depth': item.depth } as CSSProperties}
    >
      {`Showing ${item.shown.toLocaleString('en')} of ${(item.shown + item.hidden).toLocaleString('en')} ${of}. `}
      <button type="button" className="link-button" onClick={onMore}>
        Show {Math.min(item.hidden, ROW_LIMITS.step)} more
      </button>
    </li>
  )
}

/**
 * The rows of a large claim table (loaded after the first view; until then the table shows its
 * first rows): the first members of each object and the first rows in all, with a "show more"
 * line after each cut (windowRows), so that a token with 50,000 claims renders as fast as one
 * with fifty and every click adds a bounded number of rows.
 */
export function RowWindow({
  rows,
  of,
  renderRow,
  search,
}: {
  /** The rows the filter kept, in document order. */
  rows: readonly ClaimRow[]
  /** The table's rows: a new token (not a new filter) starts collapsed again. */
  of: readonly ClaimRow[]
  renderRow: (row: ClaimRow) => ReactNode
  /** The filter's search over the table's rows, prepared here in idle time. */
  search?: RowSearch
}) {
  usePreparedSearch(search)
  // Keyed on the table's rows, so that a new paste starts collapsed again without an effect.
  const [expansion, setExpansion] = useState<{ of: readonly ClaimRow[]; value: RowExpansion } | null>(null)
  const expanded = expansion?.of === of ? expansion.value : NO_EXPANSION
  const items = useMemo(() => windowRows(rows, expanded), [rows, expanded])
  const more = (item: More, button: HTMLElement) => {
    // The button goes away once its rows are all shown: keep the keyboard user in the list.
    if (item.hidden <= ROW_LIMITS.step) button.closest('ul')?.focus()
    setExpansion({ of, value: expandAt(expanded, item) })
  }
  return items.map((item) =>
    item.kind === 'row' ? (
      renderRow(item.row)
    ) : (
      <MoreRow
        key={item.total ? 'more-total' : `more-${item.group?.index ?? 'top'}`}
        item={item}
        onMore={(e) => more(item, e.currentTarget)}
      />
    ),
  )
}

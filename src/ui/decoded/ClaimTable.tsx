import { useMemo, useRef, useState } from 'react'
import {
  expandAt,
  jsonType,
  NO_EXPANSION,
  ROW_LIMITS,
  showDeceptive,
  windowRows,
  type ClaimRow,
  type Diagnostic,
  type RowExpansion,
  type RowItem,
} from '../../core/index.ts'
import { DiagnosticItem } from './DiagnosticList.tsx'
import { ClaimValue } from './ClaimValue.tsx'
import { useClaimKnowledge } from '../knowledge/useKnowledge.ts'

interface Props {
  rows: ClaimRow[]
  location: 'header' | 'payload'
  /** The diagnostics analyze() placed on this table's rows, by row pointer. */
  placed: ReadonlyMap<string, Diagnostic[]>
}

function hookProps(row: ClaimRow, location: 'header' | 'payload') {
  return location === 'header' ? { 'data-header-path': row.pointer } : { 'data-path': row.pointer }
}

const NONE: Diagnostic[] = []

/** The line standing for rows not rendered yet, with a button (so the keyboard reaches it) to add some. */
function MoreRow({ item, onMore }: { item: Extract<RowItem, { kind: 'more' }>; onMore: () => void }) {
  const of = item.total ? 'rows' : item.group ? `members of ${showDeceptive(item.group.name)}` : 'claims'
  return (
    <tr className="claim-more" data-testid="claim-more" data-hidden-count={item.hidden}>
      <td colSpan={2} style={{ paddingInlineStart: `${0.5 + item.depth * 1.25}rem` }}>
        {`Showing ${item.shown.toLocaleString('en')} of ${(item.shown + item.hidden).toLocaleString('en')} ${of}. `}
        <button type="button" className="link-button" onClick={onMore}>
          Show {Math.min(item.hidden, ROW_LIMITS.step)} more
        </button>
      </td>
    </tr>
  )
}

/**
 * One row per claim or header parameter; nested objects become a group heading over their leaves.
 * Large tables start with the first members of each object and grow on request (windowRows), so
 * that a token with 50,000 claims renders as fast as one with fifty.
 */
export function ClaimTable({ rows, location, placed }: Props) {
  const caption = location === 'header' ? 'Header parameters' : 'Claims'
  const { explain, search, query, Explanation } = useClaimKnowledge()
  // The search text is built once per table and knowledge base, not per keystroke.
  const find = useMemo(() => search(rows, location), [search, rows, location])
  const matching = useMemo(() => find(query), [find, query])
  // Keyed on the rows themselves, so that a new paste starts collapsed again without an effect.
  const [expansion, setExpansion] = useState<{ of: ClaimRow[]; value: RowExpansion } | null>(null)
  const expanded = expansion?.of === rows ? expansion.value : NO_EXPANSION
  const items = useMemo(() => windowRows(matching, expanded), [matching, expanded])
  const bodyRef = useRef<HTMLTableSectionElement>(null)
  const more = (item: Extract<RowItem, { kind: 'more' }>) => {
    setExpansion({ of: rows, value: expandAt(expanded, item) })
    // The button goes away once its rows are all shown: keep the keyboard user in the table.
    if (item.hidden <= ROW_LIMITS.step) bodyRef.current?.focus()
  }
  return (
    <table className="claims">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody ref={bodyRef} tabIndex={-1}>
        {items.map((item) => {
          if (item.kind === 'more')
            return (
              <MoreRow
                key={item.total ? 'more-total' : `more-${item.group?.index ?? 'top'}`}
                item={item}
                onMore={() => more(item)}
              />
            )
          const { row } = item
          const infos = explain(row, location)
          const rowDiagnostics = placed.get(row.pointer) ?? NONE
          return (
            <tr
              // The index, not the pointer: React compares keys, and pointers can be very long.
              key={row.index}
              className={row.isGroup ? 'claim-group' : 'claim'}
              data-testid={row.isGroup ? 'claim-group' : 'claim'}
              {...hookProps(row, location)}
            >
              <th scope="row" style={{ paddingInlineStart: `${0.5 + row.depth * 1.25}rem` }}>
                <code className="claim-name">{showDeceptive(row.name)}</code>
                {!row.isGroup && (
                  <span className="claim-type">{row.rawNumber ? 'number (large)' : jsonType(row.value)}</span>
                )}
              </th>
              <td>
                {!row.isGroup && <ClaimValue row={row} />}
                {rowDiagnostics.length > 0 && (
                  <ul className="row-diagnostics">
                    {rowDiagnostics.map((d, i) => (
                      <DiagnosticItem key={i} d={d} />
                    ))}
                  </ul>
                )}
                {infos && Explanation && <Explanation infos={infos} location={location} />}
              </td>
            </tr>
          )
        })}
        {matching.length === 0 && rows.length > 0 && (
          <tr>
            <td colSpan={2}>Nothing here matches the filter.</td>
          </tr>
        )}
      </tbody>
    </table>
  )
}

import { useMemo } from 'react'
import { jsonType, showDeceptive, type ClaimRow, type Diagnostic } from '../../core/index.ts'
import { DiagnosticItem } from './DiagnosticList.tsx'
import { ClaimValue } from './ClaimValue.tsx'
import { useClaimKnowledge } from '../knowledge/useKnowledge.ts'
import { Deferred } from '../Deferred.tsx'
import { RowWindow } from '../lazyViews.ts'

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

/**
 * Rows a table renders before the row window has loaded: as many as the window shows of one
 * object (ROW_LIMITS.perGroup), so that a table this short is the same either way.
 */
const FIRST_ROWS = 100

/**
 * One row per claim or header parameter; nested objects become a group heading over their leaves.
 * A table of more than FIRST_ROWS rows shows them through the row window (RowWindow), which cuts
 * each object and the whole table and offers "show more": a token with 50,000 claims renders as
 * fast as one with fifty.
 */
export function ClaimTable({ rows, location, placed }: Props) {
  const caption = location === 'header' ? 'Header parameters' : 'Claims'
  const { explain, search, query, Explanation } = useClaimKnowledge()
  // The search text is built once per table and knowledge base, not per keystroke.
  const find = useMemo(() => search(rows, location), [search, rows, location])
  const matching = useMemo(() => find(query), [find, query])
  const renderRow = (row: ClaimRow) => {
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
          {!row.isGroup && <span className="claim-type">{row.rawNumber ? 'number (large)' : jsonType(row.value)}</span>}
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
  }
  const first = matching.slice(0, FIRST_ROWS).map(renderRow)
  return (
    <table className="claims">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody tabIndex={-1}>
        {matching.length <= FIRST_ROWS ? (
          first
        ) : (
          // Quiet: if the window cannot load, the first rows stay and the update notice says why.
          <Deferred name="the rest of the claims" quiet fallback={first}>
            <RowWindow rows={matching} of={rows} renderRow={renderRow} search={find} />
          </Deferred>
        )}
        {matching.length === 0 && rows.length > 0 && (
          <tr>
            <td colSpan={2}>Nothing here matches the filter.</td>
          </tr>
        )}
      </tbody>
    </table>
  )
}

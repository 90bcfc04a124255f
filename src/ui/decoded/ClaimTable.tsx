import {
  filterRows,
  jsonType,
  rowOwnsPointer,
  showDeceptive,
  type ClaimRow,
  type Diagnostic,
} from '../../core/index.ts'
import { DiagnosticItem } from './DiagnosticList.tsx'
import { ClaimExplanation } from '../knowledge/ClaimExplanation.tsx'
import { ClaimValue } from './ClaimValue.tsx'
import { useClaimKnowledge } from '../knowledge/useKnowledge.ts'

interface Props {
  rows: ClaimRow[]
  location: 'header' | 'payload'
  diagnostics: Diagnostic[]
}

function hookProps(row: ClaimRow, location: 'header' | 'payload') {
  return location === 'header' ? { 'data-header-path': row.pointer } : { 'data-path': row.pointer }
}

/** One row per claim or header parameter; nested objects become a group heading over their leaves. */
export function ClaimTable({ rows, location, diagnostics }: Props) {
  const caption = location === 'header' ? 'Header parameters' : 'Claims'
  const { explain, query } = useClaimKnowledge()
  const visible = filterRows(rows, query, (row) => explain(row, location)?.map((i) => i.title) ?? [])
  // Only the diagnostics that belong on a row of this table are matched against each row.
  const onRows = diagnostics.filter((d) => (d.location ?? 'payload') === location && d.pointer !== undefined)
  return (
    <table className="claims">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {rows
          .filter((row) => visible.has(row.pointer))
          .map((row) => {
            const infos = explain(row, location)
            const rowDiagnostics = onRows.filter((d) => rowOwnsPointer(row, d.pointer as string))
            return (
              <tr
                key={row.pointer}
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
                  {infos && <ClaimExplanation infos={infos} location={location} />}
                </td>
              </tr>
            )
          })}
        {visible.size === 0 && rows.length > 0 && (
          <tr>
            <td colSpan={2}>Nothing here matches the filter.</td>
          </tr>
        )}
      </tbody>
    </table>
  )
}

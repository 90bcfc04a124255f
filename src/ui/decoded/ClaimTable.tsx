import { filterRows, jsonType, showDeceptive, type ClaimRow, type Diagnostic } from '../../core/index.ts'
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

/** One row per claim or header parameter; nested objects become a group heading over their leaves. */
export function ClaimTable({ rows, location, placed }: Props) {
  const caption = location === 'header' ? 'Header parameters' : 'Claims'
  const { explain, query, Explanation } = useClaimKnowledge()
  const visible = filterRows(rows, query, (row) => explain(row, location)?.map((i) => i.title) ?? [])
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
            const rowDiagnostics = placed.get(row.pointer) ?? []
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
                  {infos && Explanation && <Explanation infos={infos} location={location} />}
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

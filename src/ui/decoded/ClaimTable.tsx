import { useMemo, type CSSProperties } from 'react'
import { jsonType, showDeceptive, type ClaimRow, type Diagnostic } from '../../core/index.ts'
import { DiagnosticItem } from './DiagnosticList.tsx'
import { ClaimValue } from './ClaimValue.tsx'
import { LongText } from '../common/LongText.tsx'
import { shortLabel } from '../common/textCut.ts'
import { useClaimKnowledge } from '../knowledge/useKnowledge.ts'
import { Deferred } from '../Deferred.tsx'
import { RowWindow } from '../lazyViews.ts'
import './decoded.css'
import { NO_FOLDS, type Folds } from './folds.ts'

interface Props {
  rows: ClaimRow[]
  location: 'header' | 'payload'
  /** The diagnostics analyze() placed on this table's rows, by row index. */
  placed: ReadonlyMap<number, Diagnostic[]>
  folds: Folds
  onFolds: (folds: Folds) => void
}

const NONE: Diagnostic[] = []

/**
 * Rows a table renders before the row window has loaded: as many as the window shows of one
 * object (ROW_LIMITS.perGroup), so that a table this short is the same either way.
 */
const FIRST_ROWS = 100

/** The most severe diagnostic's severity, in the order sortDiagnostics uses. */
const worst = (list: Diagnostic[]) =>
  list.find((d) => d.severity === 'error') ?? list.find((d) => d.severity === 'warning') ?? list[0]

/**
 * One compact row per claim or header parameter (name, value, one-line title); nested objects
 * become a group heading over their leaves. The explanation, the verifier note, the spec link and
 * the row's diagnostics sit in a <details> inside the row: folded, unless the row carries an error
 * or a warning, and always in the DOM. A list of more than FIRST_ROWS rows shows them through the
 * row window (RowWindow), which cuts each object and the whole list and offers "show more": a
 * token with 50,000 claims renders as fast as one with fifty.
 */
export function ClaimTable({ rows, location, placed, folds, onFolds }: Props) {
  const { explain, search, query, Explanation } = useClaimKnowledge()
  // The search text is built once per table and knowledge base, not per keystroke.
  const find = useMemo(() => search(rows, location), [search, rows, location])
  const matching = useMemo(() => find(query), [find, query])
  const toggled = folds.of === rows ? folds.rows : NO_FOLDS.rows
  const renderRow = (row: ClaimRow) => {
    const infos = explain(row, location)
    // By index: pointers under a long member name are as long as it, and hash alike (see placement.ts).
    const list = placed.get(row.index) ?? NONE
    const top = worst(list)
    const open = toggled.get(row.index) ?? folds.all ?? (top !== undefined && top.severity !== 'info')
    const name = showDeceptive(row.name)
    return (
      <li
        // The index, not the pointer: React compares keys, and pointers can be very long.
        key={row.index}
        className={row.isGroup ? 'row claim-group' : 'row claim'}
        data-testid={row.isGroup ? 'claim-group' : 'claim'}
        {...(location === 'header' ? { 'data-header-path': row.pointer } : { 'data-path': row.pointer })}
        style={{ '--depth': row.depth } as CSSProperties}
      >
        <div className="row-line">
          <code className="claim-name">
            {top && <span className={`row-state severity-${top.severity}`} role="img" aria-label={top.severity} />}
            <LongText text={name} />
          </code>
          {/* Value and title share a line when they fit; the title wraps under a long value. */}
          <div className="row-main">
            <div className="row-value" data-testid="claim-value">
              {!row.isGroup && <ClaimValue row={row} />}
            </div>
            <span className="row-title">{infos?.[0]?.title}</span>
          </div>
        </div>
        <details
          className="row-more"
          open={open}
          onToggle={(e) => {
            const now = e.currentTarget.open
            if (now !== open) onFolds({ ...folds, of: rows, rows: new Map(toggled).set(row.index, now) })
          }}
        >
          <summary>
            {/* Named by the row's name: "exp, collapsed". */}
            <span className="visually-hidden">{shortLabel(name)}</span>
          </summary>
          {!row.isGroup && <p className="claim-type">{row.rawNumber ? 'number (large)' : jsonType(row.value)}</p>}
          {list.length > 0 && (
            <ul className="row-diagnostics">
              {list.map((d, i) => (
                <DiagnosticItem key={i} d={d} />
              ))}
            </ul>
          )}
          {infos && Explanation && <Explanation infos={infos} location={location} />}
        </details>
      </li>
    )
  }
  const first = matching.slice(0, FIRST_ROWS).map(renderRow)
  return (
    <ul className="rows" aria-label={location === 'header' ? 'Header parameters' : 'Claims'} tabIndex={-1}>
      {matching.length <= FIRST_ROWS ? (
        first
      ) : (
        // Quiet: if the window cannot load, the first rows stay and the update notice says why.
        <Deferred name="the rest of the claims" quiet fallback={first}>
          <RowWindow rows={matching} of={rows} renderRow={renderRow} search={find} />
        </Deferred>
      )}
      {matching.length === 0 && rows.length > 0 && <li className="row-none">Nothing here matches the filter.</li>}
    </ul>
  )
}

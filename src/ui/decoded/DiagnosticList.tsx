import { showDeceptive, sortDiagnostics, type Analysis, type Diagnostic } from '../../core/index.ts'
import { LongText } from '../common/LongText.tsx'

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Note' } as const

/** One diagnostic; the other views give their own `testId`, so the decode view's `diagnostic` hook stays its own. */
export function DiagnosticItem({ d, testId = 'diagnostic' }: { d: Diagnostic; testId?: string }) {
  return (
    <li
      className={`diagnostic severity-${d.severity}`}
      data-testid={testId}
      data-code={d.code}
      data-severity={d.severity}
    >
      <span className="severity">{SEVERITY_LABEL[d.severity]}</span>{' '}
      <span className="message">
        <LongText text={showDeceptive(d.message)} />
      </span>{' '}
      <code className="code">{d.code}</code>
      {d.ref && (
        <>
          {' '}
          <a href={d.ref.url} target="_blank" rel="noopener noreferrer">
            {d.ref.label}
          </a>
        </>
      )}
    </li>
  )
}

const NOUN = { error: 'error', warning: 'warning', info: 'note' } as const

/** How many of each severity, in words: "1 error, 2 warnings", or "none". */
function countWords(list: readonly Diagnostic[]): string {
  const n = { error: 0, warning: 0, info: 0 }
  for (const d of list) n[d.severity]++
  const words = (['error', 'warning', 'info'] as const).flatMap((s) =>
    n[s] ? [`${n[s]} ${NOUN[s]}${n[s] > 1 ? 's' : ''}`] : [],
  )
  return words.join(', ') || 'none'
}

/**
 * Diagnostics about the token as a whole. Those attached to one claim or header parameter are
 * shown on that row instead, so that each diagnostic appears exactly once on the page; the
 * heading counts them all.
 */
export function DiagnosticList({ analysis }: { analysis: Analysis }) {
  const all = analysis.diagnostics.filter((d) => d.code !== 'TOKEN_EMPTY')
  const list = sortDiagnostics(analysis.placement.general.filter((d) => d.code !== 'TOKEN_EMPTY'))
  const onRows = all.length - list.length
  return (
    <section className="panel section section-findings" aria-labelledby="findings-title">
      <h2 id="findings-title" className="section-title" tabIndex={-1}>
        Findings<span className="section-result">: {countWords(all)}</span>
      </h2>
      {list.length > 0 && (
        <ul>
          {list.map((d, i) => (
            <DiagnosticItem key={`${d.code}-${i}`} d={d} />
          ))}
        </ul>
      )}
      {onRows > 0 && <p className="hint">On the header and claim rows they concern: {onRows}.</p>}
    </section>
  )
}

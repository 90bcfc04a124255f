import { showDeceptive, sortDiagnostics, type Analysis, type Diagnostic } from '../../core/index.ts'

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
      <span className="message">{showDeceptive(d.message)}</span> <code className="code">{d.code}</code>
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

/**
 * Diagnostics about the token as a whole. Those attached to one claim or header parameter are
 * shown on that row instead, so that each diagnostic appears exactly once on the page.
 */
export function DiagnosticList({ analysis }: { analysis: Analysis }) {
  const list = sortDiagnostics(analysis.placement.general.filter((d) => d.code !== 'TOKEN_EMPTY'))
  if (list.length === 0) return null
  return (
    <section className="diagnostics" aria-label="Diagnostics">
      <h2>Findings</h2>
      <ul>
        {list.map((d, i) => (
          <DiagnosticItem key={`${d.code}-${i}`} d={d} />
        ))}
      </ul>
    </section>
  )
}

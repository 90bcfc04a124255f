import { lazy, Suspense } from 'react'
import type { Analysis } from '../../core/index.ts'
import { useAfterFirstView } from '../firstView.ts'
import './time.css'

// Validity, lifetime and the timeline are not needed to read the claims: keep them out of start-up.
const TimeDetails = lazy(() => import('./TimeDetails.tsx'))

/** The time panel, for a token with claims. */
export function TimePanel({ analysis }: { analysis: Analysis }) {
  const p = analysis.decoded.payload
  const ready = useAfterFirstView()
  if (p.kind !== 'claims') return null
  const loading = <p className="timeline-loading">Loading validity and timeline…</p>
  return (
    <section className="panel time-panel" aria-labelledby="time-title">
      <div className="panel-head">
        <h2 id="time-title">Time</h2>
      </div>
      {/* The details load once the claims are on screen, so they never hold up the first view. */}
      {ready ? (
        <Suspense fallback={loading}>
          <TimeDetails payload={p.json.value} />
        </Suspense>
      ) : (
        loading
      )}
    </section>
  )
}

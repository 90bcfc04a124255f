import type { Analysis } from '../../core/index.ts'
import { Deferred } from '../Deferred.tsx'
import { TimeDetails } from '../lazyViews.ts'
import './time.css'

/** The time section, for a token with claims; its heading and details load after the first view. */
export function TimePanel({ analysis }: { analysis: Analysis }) {
  const p = analysis.decoded.payload
  if (p.kind !== 'claims') return null
  const loading = <p className="timeline-loading">Loading validity and timeline…</p>
  return (
    // The details load once the claims are on screen, so they never hold up the first view.
    <Deferred name="the validity and timeline" fallback={loading} resetKey={analysis}>
      <TimeDetails payload={p.json.value} />
    </Deferred>
  )
}

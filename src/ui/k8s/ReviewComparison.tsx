import type { KubernetesExtraInsights } from '../../app/modules.ts'
import { showDeceptive as shown, type KubernetesIdentity, type ReviewContext } from '../../core/index.ts'

const WORDS = {
  same: 'same',
  differs: 'differs',
  'only-reported': 'only in the review',
  'only-token': 'only from the token',
}

/** The user a pasted TokenReview or SelfSubjectReview reports, beside the identity the token implies. */
export function ReviewComparison({
  review,
  identity,
  extra,
}: {
  review: ReviewContext
  identity: KubernetesIdentity
  extra: KubernetesExtraInsights
}) {
  const c = extra.compareReview(review, identity)
  return (
    <div className="k8s-block" data-testid="review-compare" data-agrees={String(c.agrees)}>
      <h3>{review.review} and this token</h3>
      <p>{shown(c.summary)}</p>
      {c.rows.length > 0 && (
        <table className="k8s-review">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">The review reports</th>
              <th scope="col">The token implies</th>
              <th scope="col">Match</th>
            </tr>
          </thead>
          <tbody>
            {c.rows.map((r) => (
              <tr key={r.field} data-testid="review-field" data-field={r.field} data-match={r.match}>
                <th scope="row">
                  <code>{r.field}</code>
                </th>
                <td>{r.reported === undefined ? '—' : shown(r.reported)}</td>
                <td>{r.implied === undefined ? '—' : shown(r.implied)}</td>
                <td>{WORDS[r.match]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

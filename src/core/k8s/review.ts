// The user a TokenReview or SelfSubjectReview reports, against the identity the token implies.
import type { ReviewContext } from '../extract/types.ts'
import type { KubernetesIdentity } from './identity.ts'

export type ReviewMatch = 'same' | 'differs' | 'only-reported' | 'only-token'

export interface ReviewRow {
  /** `username`, `uid`, `groups`, or `extra:<key>`. */
  field: string
  reported?: string
  implied?: string
  match: ReviewMatch
}

export interface ReviewComparison {
  /** One sentence: what the review is and what agreement means. */
  summary: string
  rows: ReviewRow[]
  /** True when every field the review reports agrees with the token. */
  agrees: boolean
}

function row(field: string, reported: string | undefined, implied: string | undefined): ReviewRow {
  const match: ReviewMatch =
    reported === undefined
      ? 'only-token'
      : implied === undefined
        ? 'only-reported'
        : reported === implied
          ? 'same'
          : 'differs'
  return {
    field,
    match,
    ...(reported !== undefined ? { reported } : {}),
    ...(implied !== undefined ? { implied } : {}),
  }
}

const sorted = (xs: readonly string[]) => [...xs].sort().join(', ')

/**
 * Compares what a review reports (TokenReview `status.user`, SelfSubjectReview `status.userInfo`)
 * with the identity derived from the token's claims, field by field: username, uid, groups (as
 * sets) and every extra key. A TokenReview that refused the token reports no user; its error is
 * in the summary.
 */
export function compareReview(review: ReviewContext, identity: KubernetesIdentity): ReviewComparison {
  const user = review.user
  const whoami =
    'kubectl auth whoami reports the user of its own request, that is of the credentials its kubeconfig holds; if those were this token, every field below agrees.'
  if (review.review === 'TokenReview' && review.authenticated === false) {
    return {
      summary: `The API server refused this token${review.error ? `: ${review.error}` : ''}. Below is what it would have derived had it accepted it.`,
      rows: [row('username', undefined, identity.username)],
      agrees: false,
    }
  }
  if (!user) return { summary: 'The review reports no user.', rows: [], agrees: false }
  const rows = [
    row('username', user.username, identity.username),
    row('uid', user.uid, identity.uid),
    row(
      'groups',
      user.groups.length ? sorted(user.groups) : undefined,
      identity.groups.length ? sorted(identity.groups) : undefined,
    ),
  ]
  const keys = [...new Set([...user.extra.map((e) => e.key), ...identity.extra.map((e) => e.key)])]
  for (const key of keys) {
    const reported = user.extra.find((e) => e.key === key)?.values.join(', ')
    rows.push(row(`extra:${key}`, reported, identity.extra.find((e) => e.key === key)?.value))
  }
  const agrees = rows.every((r) => r.match === 'same' || (r.match === 'only-token' && r.field !== 'username'))
  return {
    summary:
      review.review === 'SelfSubjectReview'
        ? whoami
        : 'The TokenReview is the API server’s own verdict on this token; the identity derived from its claims should match it field by field.',
    rows,
    agrees,
  }
}

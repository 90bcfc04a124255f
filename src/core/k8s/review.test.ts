import { describe, expect, it } from 'vitest'
import { k8s } from '../../test/k8sClaims.ts'
import { boundClaims } from '../../test/k8sTokens.ts'
import { WHOAMI_JSON } from '../../test/upstreamFixtures.ts'
import { parseYamlDocuments } from '../../test/yaml.ts'
import { extractToken } from '../extract/index.ts'
import type { ReviewContext } from '../extract/types.ts'
import { deriveIdentity } from './identity.ts'
import { compareReview } from './review.ts'

const identity = deriveIdentity(
  k8s(boundClaims({ ns: 'ci', sa: 'builder', pod: { name: 'web-0', uid: 'pod-uid' }, jti: 'jti-1' })),
)
const review = (user: ReviewContext['user'], extra: Partial<ReviewContext> = {}): ReviewContext => ({
  kind: 'review',
  review: 'SelfSubjectReview',
  format: 'object',
  ...(user ? { user } : {}),
  ...extra,
})

describe('compareReview', () => {
  it('agrees with a review of the same token, field by field', () => {
    const c = compareReview(
      review({
        username: 'system:serviceaccount:ci:builder',
        uid: '11111111-2222-3333-4444-555555555555',
        groups: ['system:serviceaccounts', 'system:serviceaccounts:ci', 'system:authenticated'],
        extra: [
          { key: 'authentication.kubernetes.io/credential-id', values: ['JTI=jti-1'] },
          { key: 'authentication.kubernetes.io/pod-name', values: ['web-0'] },
          { key: 'authentication.kubernetes.io/pod-uid', values: ['pod-uid'] },
        ],
      }),
      identity,
    )
    expect(c.agrees).toBe(true)
    expect(c.rows.map((r) => `${r.field}:${r.match}`)).toEqual([
      'username:same',
      'uid:same',
      'groups:same',
      'extra:authentication.kubernetes.io/credential-id:same',
      'extra:authentication.kubernetes.io/pod-name:same',
      'extra:authentication.kubernetes.io/pod-uid:same',
    ])
  })

  it('kubectl’s own whoami fixture is someone else', () => {
    const e = extractToken(WHOAMI_JSON, { parseYaml: parseYamlDocuments })
    const c = compareReview(e.context as ReviewContext, identity)
    expect(c.agrees).toBe(false)
    expect(c.rows.find((r) => r.field === 'username')).toMatchObject({
      reported: 'jane.doe',
      implied: 'system:serviceaccount:ci:builder',
      match: 'differs',
    })
    expect(c.rows.find((r) => r.field === 'extra:skills')?.match).toBe('only-reported')
    expect(c.summary).toContain('kubeconfig')
  })

  it('a TokenReview that refused the token says why', () => {
    const c = compareReview(
      review(undefined, {
        review: 'TokenReview',
        authenticated: false,
        error: '[invalid bearer token, service account token has been invalidated]',
      }),
      identity,
    )
    expect(c.summary).toContain('service account token has been invalidated')
    expect(c.agrees).toBe(false)
  })
})

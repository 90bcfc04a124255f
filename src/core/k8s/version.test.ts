import { describe, expect, it } from 'vitest'
import { fixturePayload, k8s } from '../../test/k8sClaims.ts'
import { boundClaims, legacyClaims, webhookClaims } from '../../test/k8sTokens.ts'
import { clusterVersion, versionPhrase } from './version.ts'

const SHA_KID = { alg: 'RS256', kid: 'JHJehTTTZlsspKHT-GaJxK7Kd1NQgZJu3fyK6K_QDYU' }
const phrase = (payload: object, header: object | undefined = SHA_KID) =>
  versionPhrase(clusterVersion(k8s(payload as never), header as never))

describe('the cluster version from the token’s shape', () => {
  it.each([
    [
      'jti and a pod’s node',
      boundClaims({ pod: { name: 'p', uid: 'u' }, node: { name: 'n', uid: 'nu' }, jti: 'j' }),
      'issued by Kubernetes ≥ 1.30 (≥ 1.29 if alpha gates were turned on)',
    ],
    [
      'a node binding',
      boundClaims({ node: { name: 'n', uid: 'nu' } }),
      'issued by Kubernetes ≥ 1.31 (≥ 1.29 if alpha gates were turned on)',
    ],
    [
      'a webhook binding',
      webhookClaims(),
      'issued by Kubernetes ≥ 1.37, with the alpha gate APIServerWebhookAuthenticationToken on (off by default)',
    ],
    ['a plain bound token with a derived kid', boundClaims(), 'issued by Kubernetes ≥ 1.16'],
  ])('%s', (_, payload, expected) => {
    expect(phrase(payload)).toBe(expected)
  })

  it('the external signer’s header: on by default since 1.34, alpha since 1.32', () => {
    const h = clusterVersion(k8s(boundClaims()), { alg: 'ES256', kid: 'signer-1', typ: 'JWT' })
    expect(h).toMatchObject({ atLeast: '1.34', withAlphaGates: '1.32' })
  })

  it('the seed token (1.24): extended, with a derived kid', () => {
    const h = clusterVersion(k8s(fixturePayload('seed-bound-pod-v1.24')), SHA_KID)
    expect(h.atLeast).toBe('1.19')
    expect(h.evidence.map((e) => e.signal)).toEqual([
      'a nested kubernetes.io object: a TokenRequest (bound) token',
      'kid is the SHA-256 of the signing key (kubernetes/kubernetes#78502)',
      'warnafter: an extended token (--service-account-extend-token-expiration)',
    ])
  })

  it('an empty kid is an upper bound, and contradicts a jti', () => {
    expect(phrase(boundClaims(), { alg: 'RS256', kid: '' })).toBe(
      'issued by Kubernetes ≥ 1.12 and < 1.16 (≥ 1.10 if alpha gates were turned on)',
    )
    expect(phrase(boundClaims({ jti: 'j' }), { alg: 'RS256', kid: '' })).toBe(
      'no single Kubernetes release writes all of these',
    )
  })

  it('a legacy token says nothing about the release', () => {
    expect(phrase(legacyClaims(), { alg: 'RS256', typ: 'JWT' })).toBe('any Kubernetes release')
  })

  it('the KEP’s camelCase binding is no evidence: no release writes it', () => {
    expect(phrase(webhookClaims({ spelling: 'kep' }))).not.toContain('1.37')
  })
})

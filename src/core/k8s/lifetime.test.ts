import { describe, expect, it } from 'vitest'
import { k8s, fixturePayload } from '../../test/k8sClaims.ts'
import { boundClaims, legacyClaims } from '../../test/k8sTokens.ts'
import { analyzeLifetime } from './lifetime.ts'

describe('analyzeLifetime', () => {
  it('the seed token is an auto-extended kubelet token', () => {
    const l = analyzeLifetime(k8s(fixturePayload('seed-bound-pod-v1.24')))
    expect(l).toMatchObject({ case: 'extended-kubelet', seconds: 31_536_000, kubeletRefreshAfter: 2886 })
    expect(l.summary).toContain('the default one year')
    expect(l.notes.join(' ')).toContain('--service-account-extend-token-expiration')
    expect(l.notes.join(' ')).toContain('stale-token')
  })

  it('an extension shorter than a year (EKS uses 90 days)', () => {
    const l = analyzeLifetime(k8s(boundClaims({ lifetime: 90 * 86400, warnafter: 3607 })))
    expect(l.case).toBe('extended-kubelet')
    expect(l.summary).toContain('90 days')
  })

  it('a legacy token never expires, with the 1.24, 1.28 and 1.30 history', () => {
    const l = analyzeLifetime(k8s(legacyClaims()))
    expect(l.case).toBe('never-expires')
    expect(l.notes.join(' ')).toMatch(/1\.24.*1\.28.*legacy-token-last-used.*1\.30.*legacy-token-invalid-since/s)
  })

  it.each([
    [3600, 'token-request-default'],
    [3607, 'kubelet-default'],
    [599, 'below-minimum'],
    [600, 'custom'],
    [7200, 'custom'],
  ] as const)('%i s is %s', (lifetime, expected) => {
    expect(analyzeLifetime(k8s(boundClaims({ lifetime }))).case).toBe(expected)
  })

  it('the IRSA webhook default', () => {
    expect(analyzeLifetime(k8s(boundClaims({ lifetime: 86400, aud: ['sts.amazonaws.com'] }))).case).toBe('irsa-default')
  })

  it('no iat or nbf: unknown', () => {
    const c = k8s(boundClaims())
    delete c.iat
    delete c.nbf
    expect(analyzeLifetime(c).case).toBe('unknown')
  })
})

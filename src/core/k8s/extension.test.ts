import { describe, expect, it } from 'vitest'
import { fixturePayload } from '../../test/k8sClaims.ts'
import { boundClaims, NOW } from '../../test/k8sTokens.ts'
import type { JsonObject } from '../encoding/json.ts'
import {
  ExpirationExtensionSeconds,
  extensionOf,
  kubeletRefreshAfter,
  kubeletRotationAt,
  rotationRule,
  warnAfter,
  WarnOnlyBoundTokenExpirationSeconds,
} from './extension.ts'

const claims = (o: Parameters<typeof boundClaims>[0]) => boundClaims(o) as JsonObject

describe('the upstream constants', () => {
  it('have the values of claims.go', () => {
    expect(WarnOnlyBoundTokenExpirationSeconds).toBe(60 * 60 + 7)
    expect(ExpirationExtensionSeconds).toBe(24 * 365 * 60 * 60)
  })
})

describe('extensionOf', () => {
  it('reads the seed token as extended by the in-process signer for a full year', () => {
    const seed = fixturePayload('seed-bound-pod-v1.24')
    expect((warnAfter(seed) ?? 0) - (seed.iat as number)).toBe(3607)
    expect(extensionOf(seed)).toEqual({ requestedSeconds: 3607, extendedSeconds: 31_536_000, fullYear: true })
  })

  it('judges by warnafter − iat = 3607 and exp > warnafter, so an external signer’s shorter cap counts too', () => {
    // KEP-740: with an external signer the extended lifetime is min(1 year, the signer's maximum).
    expect(extensionOf(claims({ lifetime: 86_400, warnafter: 3607 }))).toEqual({
      requestedSeconds: 3607,
      extendedSeconds: 86_400,
      fullYear: false,
    })
  })

  it.each([
    ['no warnafter', claims({ lifetime: 31_536_000 })],
    ['warnafter − iat is not 3607', claims({ lifetime: 31_536_000, warnafter: 3600 })],
    ['exp not beyond warnafter', claims({ lifetime: 3607, warnafter: 3607 })],
    ['no iat', { ...claims({ lifetime: 31_536_000, warnafter: 3607 }), iat: undefined } as unknown as JsonObject],
  ])('is undefined with %s', (_, payload) => {
    expect(extensionOf(payload)).toBeUndefined()
  })
})

describe('the kubelet rotation rule (k/k pkg/kubelet/token/token_manager.go requiresRefresh)', () => {
  it.each([
    // exp − (s·20)/100 in whole seconds, as Go's integer arithmetic does.
    [3607, 3607 - 721],
    [3600, 2880],
    [600, 480],
    // The 24 h cap wins for long requests: 80 % of 2 days is beyond it.
    [86_400, 69_120],
    [172_800, 86_400],
  ])('a token requested for %i s is replaced after %i s', (requested, after) => {
    expect(kubeletRefreshAfter(requested)).toBe(after)
  })

  it('rotates an extended token by its requested 3607 s, never by its far exp', () => {
    const seed = fixturePayload('seed-bound-pod-v1.24')
    expect((kubeletRotationAt(seed) ?? 0) - (seed.iat as number)).toBe(2886)
    expect(kubeletRotationAt(claims({ lifetime: 3600 }))).toBeUndefined()
    expect(kubeletRotationAt(claims({ lifetime: 31_536_000, warnafter: 3607 }))).toBe(NOW + 2886)
  })

  it('says it in words, with the figure', () => {
    expect(rotationRule(3607)).toContain('after 48 min 6 s (2886 s)')
    expect(rotationRule(86_400)).toContain('after 19 h 12 min (69120 s)')
  })
})

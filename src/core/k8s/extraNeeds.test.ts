import { describe, expect, it } from 'vitest'
import { k8s } from '../../test/k8sClaims.ts'
import { boundClaims, legacyClaims, webhookClaims } from '../../test/k8sTokens.ts'
import { kubernetesAdvice } from './advice.ts'
import { kubernetesAdviceWith } from './adviceSteps.ts'
import { explainAudience } from './audiences.ts'
import { needsExtraInsights } from './extraNeeds.ts'
import { recognizeProviderWith } from './issuerProvider.ts'
import { recognizeProvider } from './provider.ts'
import { analyzeLifetime } from './lifetime.ts'
import { analyzeLifetimeWith } from './lifetimeCases.ts'

const seed = () => k8s(boundClaims({ pod: { name: 'busybox', uid: 'd822ba5f-4290-4bca-94ce-f3bc0dca2e36' } }))

describe('needsExtraInsights', () => {
  it('is false for a bound pod token whose audience is the API server', () => {
    expect(needsExtraInsights(seed(), false, false)).toBe(false)
    expect(needsExtraInsights(k8s(boundClaims({ aud: ['https://kubernetes.default.svc'] })), false, false)).toBe(false)
  })

  it('is true for another audience, a webhook binding, a credential provider request or a review', () => {
    expect(needsExtraInsights(k8s(boundClaims({ aud: ['sts.amazonaws.com'] })), false, false)).toBe(true)
    expect(needsExtraInsights(k8s(webhookClaims()), false, false)).toBe(true)
    expect(needsExtraInsights(seed(), true, false)).toBe(true)
    expect(needsExtraInsights(seed(), false, true)).toBe(true)
    expect(needsExtraInsights(k8s(legacyClaims()), false, false)).toBe(true)
  })

  it('gives a legacy token its own steps only with the rarer insights', () => {
    const c = k8s(legacyClaims())
    const ids = (items: { id: string }[]) => items.map((i) => i.id)
    expect(ids(kubernetesAdvice(c))).toContain('legacy-risk')
    expect(ids(kubernetesAdviceWith(c))).not.toContain('legacy-risk')
  })

  it('leaves nothing out for a token that needs none: audiences and steps are what the catalogue gives', () => {
    const c = seed()
    expect(recognizeProviderWith(c)).toEqual(recognizeProvider(c))
    expect(recognizeProviderWith(c).audiences.map((a) => a.target)).toEqual(['api-server'])
    expect(kubernetesAdviceWith(c)).toEqual(kubernetesAdvice(c))
    expect(analyzeLifetimeWith(c)).toEqual(analyzeLifetime(c))
    expect(analyzeLifetimeWith(c).case).toBe('token-request-default')
  })

  it('reads the lifetimes of legacy, webhook-bound and IRSA tokens only with the rarer insights', () => {
    const legacy = k8s(legacyClaims())
    expect(analyzeLifetime(legacy).notes.length).toBeGreaterThan(1)
    expect(analyzeLifetimeWith(legacy).notes.length).toBe(1)
    expect(analyzeLifetime(k8s(webhookClaims())).case).toBe('webhook')
    expect(analyzeLifetimeWith(k8s(webhookClaims())).case).not.toBe('webhook')
    const irsa = k8s(boundClaims({ lifetime: 86400, aud: ['sts.amazonaws.com'] }))
    expect(analyzeLifetime(irsa).case).toBe('irsa-default')
    expect(analyzeLifetimeWith(irsa).case).toBe('custom')
  })

  it('explains other audiences only with the catalogue', () => {
    const c = k8s(boundClaims({ aud: ['sts.amazonaws.com'] }))
    expect(recognizeProviderWith(c, explainAudience).audiences[0]?.target).toBe('aws-sts')
    expect(recognizeProviderWith(c, explainAudience)).toEqual(recognizeProvider(c))
    const w = k8s(webhookClaims())
    expect(kubernetesAdviceWith(w).length).toBeLessThan(kubernetesAdvice(w).length)
  })
})

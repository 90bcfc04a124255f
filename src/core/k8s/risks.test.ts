import { describe, expect, it } from 'vitest'
import { k8s, fixturePayload } from '../../test/k8sClaims.ts'
import { boundClaims, legacyClaims, NOW } from '../../test/k8sTokens.ts'
import { REGISTRY } from '../diagnostics/registry.ts'
import type { JsonObject } from '../encoding/json.ts'
import { kubernetesDiagnostics } from './shapeChecks.ts'
import { bannerId, kubernetesRisks } from './risks.ts'

const KID = { alg: 'RS256', kid: 'wMU4GOsuqPnFjPar7NaZZTEmNlc2I_W75faEDbLB7dI' }
// The banner gets the analysis' own diagnostics, as the page hands them over.
const risks = (payload: JsonObject, header: JsonObject | undefined = KID, now = NOW + 10, leeway = 0) =>
  kubernetesRisks(
    { claims: k8s(payload), payload, header, diagnostics: kubernetesDiagnostics(payload, header) },
    now,
    leeway,
  )
const ids = (payload: JsonObject, header?: JsonObject, now?: number, leeway?: number) =>
  risks(payload, header, now, leeway).map((r) => bannerId(r))

describe('kubernetesRisks', () => {
  it('a legacy token never expires, an error', () => {
    const p = fixturePayload('seed-legacy-v1.20')
    expect(ids(p)).toEqual(['never-expires'])
    expect(risks(p)[0]).toMatchObject({ code: 'K8S_NEVER_EXPIRES', severity: 'error' })
  })

  it('the seed token is stale after warnafter and expired after exp', () => {
    const p = fixturePayload('seed-bound-pod-v1.24')
    expect(ids(p, KID, 1660909741 + 100)).toEqual([])
    expect(ids(p, KID, 1660913348 + 1)).toEqual(['stale'])
    expect(ids(p, KID, 1692445741)).toEqual(['expired'])
  })

  it('judges expiry with the leeway it is given, as the validity badge does', () => {
    const p = fixturePayload('seed-bound-pod-v1.24')
    const exp = p.exp as number
    expect(ids(p, KID, exp + 30)).toEqual(['expired'])
    expect(ids(p, KID, exp + 30, 60)).toEqual(['stale'])
  })

  it('an audience other than the API server', () => {
    expect(ids(boundClaims({ aud: ['sts.amazonaws.com'] }) as JsonObject)).toEqual(['foreign-audience'])
  })

  it('names the first ten foreign audiences and counts the rest, whatever the token holds', () => {
    const aud = Array.from({ length: 30_000 }, (_, i) => `aud-${i}`)
    const [risk] = risks(boundClaims({ aud }) as JsonObject)
    expect(risk?.code).toBe('K8S_FOREIGN_AUDIENCE')
    expect(risk?.message).toMatch(/^Audience aud-0, aud-1, .*, aud-9 and 29,990 more: meant for a service/)
  })

  it('alg, typ and kid oddities, errors first; the alg finding is the analysis’ K8S_ALG_UNEXPECTED', () => {
    const p = boundClaims() as JsonObject
    const odd = risks(p, { alg: 'HS256', typ: 'JWT', kid: '' })
    expect(odd.map((r) => r.code)).toEqual(['K8S_ALG_UNEXPECTED', 'K8S_TYP_PRESENT', 'K8S_KID_EMPTY'])
    expect(odd.map((r) => bannerId(r))).toEqual(['unexpected-alg', 'typ-present', 'kid-empty'])
    expect(odd[0]?.message).toContain('did not come from it unchanged')
    expect(ids(p, { alg: 'ES256' })).toEqual(['kid-missing'])
    expect(ids(p, { alg: 'RS256', kid: 'key-1' })).toEqual(['kid-unusual'])
    expect(ids(p, { alg: 'RS256', kid: '0123456789abcdef0123456789abcdef01234567' })).toEqual([])
  })

  it('only diagnostics the registry flags for the banner join it from the analysis', () => {
    const p = { ...(boundClaims() as JsonObject), sub: 'user:alice' }
    const analysis = kubernetesDiagnostics(p, KID)
    expect(analysis.map((d) => d.code)).toContain('K8S_SUB_UNPARSABLE')
    expect(risks(p).map((r) => r.code)).toEqual([])
  })

  it('every risk has the severity of its registry entry and a banner id', () => {
    const all = [
      ...risks(fixturePayload('seed-legacy-v1.20'), { alg: 'HS256', typ: 'JWT' }),
      ...risks(boundClaims({ aud: ['vault'] }) as JsonObject, { alg: 'RS256', kid: 'x' }),
    ]
    expect(all.length).toBeGreaterThan(3)
    for (const r of all) {
      expect(r.severity).toBe(REGISTRY[r.code].severity)
      expect(bannerId(r)).toBeDefined()
    }
  })

  it('a legacy token with a not-yet-valid nbf is reported as such', () => {
    expect(ids({ ...(legacyClaims() as JsonObject), nbf: NOW + 1000, exp: NOW + 5000 })).toEqual(['not-yet-valid'])
  })
})

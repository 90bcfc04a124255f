import { describe, expect, it } from 'vitest'
import { k8s, fixturePayload } from '../../test/k8sClaims.ts'
import { boundClaims, legacyClaims, NOW } from '../../test/k8sTokens.ts'
import type { JsonObject } from '../encoding/json.ts'
import { kubernetesRisks } from './risks.ts'

const KID = { alg: 'RS256', kid: 'wMU4GOsuqPnFjPar7NaZZTEmNlc2I_W75faEDbLB7dI' }
const ids = (payload: JsonObject, header: JsonObject | undefined = KID, now = NOW + 10) =>
  kubernetesRisks(k8s(payload), payload, header, now).map((r) => r.id)

describe('kubernetesRisks', () => {
  it('a legacy token never expires', () => {
    const p = fixturePayload('seed-legacy-v1.20')
    expect(ids(p)).toEqual(['never-expires'])
    expect(kubernetesRisks(k8s(p), p, KID, NOW)[0]).toMatchObject({ severity: 'high' })
  })

  it('the seed token is stale after warnafter and expired after exp', () => {
    const p = fixturePayload('seed-bound-pod-v1.24')
    expect(ids(p, KID, 1660909741 + 100)).toEqual([])
    expect(ids(p, KID, 1660913348 + 1)).toEqual(['stale'])
    expect(ids(p, KID, 1692445741)).toEqual(['expired'])
  })

  it('an audience other than the API server', () => {
    expect(ids(boundClaims({ aud: ['sts.amazonaws.com'] }) as JsonObject)).toEqual(['foreign-audience'])
  })

  it('alg, typ and kid oddities, highest severity first', () => {
    const p = boundClaims() as JsonObject
    expect(ids(p, { alg: 'HS256', typ: 'JWT', kid: '' })).toEqual(['unexpected-alg', 'typ-present', 'kid-empty'])
    expect(ids(p, { alg: 'ES256' })).toEqual(['kid-missing'])
    expect(ids(p, { alg: 'RS256', kid: 'key-1' })).toEqual(['kid-unusual'])
    expect(ids(p, { alg: 'RS256', kid: '0123456789abcdef0123456789abcdef01234567' })).toEqual([])
  })

  it('a legacy token with a not-yet-valid nbf is reported as such', () => {
    expect(ids({ ...(legacyClaims() as JsonObject), nbf: NOW + 1000, exp: NOW + 5000 })).toEqual(['not-yet-valid'])
  })
})

import { describe, expect, it } from 'vitest'
import { fixturePayload } from '../../test/k8sClaims.ts'
import { boundClaims, sign } from '../../test/k8sTokens.ts'
import { analyze } from '../analysis/analyze.ts'
import { shapeChecks } from '../checks/shapes.ts'
import { tokenChecks } from '../checks/tokenChecks.ts'
import type { JsonObject } from '../encoding/json.ts'
import { readKubernetesClaims } from './claims.ts'
import { analyzeLifetime } from './lifetime.ts'
import { bannerId, kubernetesRisks } from './risks.ts'
import { signerShape } from './signer.ts'
import { kubernetesDiagnostics } from './shapeChecks.ts'

const bound = { shape: 'bound' } as const

describe('signerShape (plugin.go validateJWTHeader; jwt.go signerFromRSAPrivateKey)', () => {
  it.each([
    [{ alg: 'RS256', kid: 'JHJehTTTZlsspKHT-GaJxK7Kd1NQgZJu3fyK6K_QDYU' }, 'in-process'],
    [{ alg: 'ES256', kid: '' }, 'in-process'],
    [
      { alg: 'RS256', kid: 'projects/p/locations/l/keyRings/r/cryptoKeys/k/cryptoKeyVersions/1', typ: 'JWT' },
      'external',
    ],
    [{ alg: 'ES384', kid: 'JHJehTTTZlsspKHT-GaJxK7Kd1NQgZJu3fyK6K_QDYU', typ: 'JWT' }, 'external'],
    // Each of these breaks a rule the API server checks before it accepts a signer's header.
    [{ alg: 'RS256', kid: 'k', typ: 'jwt' }, 'unknown'],
    [{ alg: 'RS256', kid: '', typ: 'JWT' }, 'unknown'],
    [{ alg: 'PS256', kid: 'k', typ: 'JWT' }, 'unknown'],
    [{ alg: 'RS256', kid: 'k', typ: 'JWT', x5t: 'abc' }, 'unknown'],
    [{ alg: 'RS256', kid: 'k'.repeat(1025), typ: 'JWT' }, 'unknown'],
    [{ alg: 'RS256', typ: 'JWT' }, 'unknown'],
  ])('%j is %s', (header, kind) => {
    expect(signerShape(header, bound).kind).toBe(kind)
  })

  it('never reads a legacy token as externally signed', () => {
    expect(signerShape({ alg: 'RS256', kid: 'k', typ: 'JWT' }, { shape: 'legacy' }).kind).toBe('unknown')
  })
})

describe('an external-signer extended token', () => {
  // KEP-740: extended lifetime min(1 year, the signer's maximum); here a signer that allows 2 days.
  const payload = boundClaims({
    pod: { name: 'web-0', uid: 'pod-uid' },
    lifetime: 172_800,
    warnafter: 3607,
  }) as JsonObject
  const header = { alg: 'ES256', kid: 'kms-key-2026-07', typ: 'JWT' }

  it('is recognised as extended, by warnafter − iat and not exp − iat', () => {
    const l = analyzeLifetime(readKubernetesClaims(payload)!, 'external')
    expect(l.case).toBe('extended-kubelet')
    expect(l.summary).toContain('the maximum of the external signer')
  })

  it('gets no typ or kid risk, and a finding on the typ row that names the signer', async () => {
    const a = analyze(await sign(payload, header, 'ES256'), { checks: tokenChecks, shapeChecks })
    const claims = readKubernetesClaims(payload)!
    const risks = kubernetesRisks({ claims, payload, header, diagnostics: a.diagnostics }, 1_767_000_100)
    expect(risks.map(bannerId)).toEqual([])
    // The external signer's finding is one of the checks of rarer shapes, which load on demand.
    expect(kubernetesDiagnostics(payload, header)).toEqual([])
    expect(a.diagnostics.filter((d) => d.code === 'K8S_EXTERNAL_SIGNER')).toEqual([
      expect.objectContaining({ code: 'K8S_EXTERNAL_SIGNER', pointer: '/typ', location: 'header' }),
    ])
  })

  it('a non-SHA-256 kid without the external shape still is an unusual kid', () => {
    const claims = readKubernetesClaims(payload)!
    const risks = kubernetesRisks(
      { claims, payload, header: { alg: 'RS256', kid: 'kms-key-2026-07' }, diagnostics: [] },
      1_767_000_100,
    )
    expect(risks.map(bannerId)).toEqual(['kid-unusual'])
  })

  it('the seed token’s in-process header is not read as external', () => {
    expect(
      kubernetesDiagnostics(fixturePayload('seed-bound-pod-v1.24'), { alg: 'RS256', kid: 'x' }).map((d) => d.code),
    ).toEqual([])
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sign, webhookClaims } from '../../test/k8sTokens.ts'
import { allFixtures, b64u, fixture, rawToken } from '../../test/tokens.ts'
import { analyze } from '../analysis/analyze.ts'
import { decodeToken } from '../decode/decodeToken.ts'
import { needsShapeChecks } from './shapeNeeds.ts'
import { shapeChecks } from './shapes.ts'
import { tokenChecks } from './tokenChecks.ts'

const SIG = b64u('s'.repeat(64))
const parts = (token: string) => {
  const a = analyze(token)
  return { decoded: a.decoded, providers: a.issuerProviders }
}
const needs = (token: string) => {
  const { decoded, providers } = parts(token)
  return needsShapeChecks(decoded, providers)
}

describe('the checks of rarer token shapes', () => {
  it('are not needed for the public fixtures, the seed bound token among them', () => {
    for (const f of allFixtures) expect(needs(f.token), f.name).toBe(false)
  })

  it('are needed for a webhook-bound token, and find what the API server would not issue', async () => {
    const token = await sign(webhookClaims({ spelling: 'kep' }))
    expect(needs(token)).toBe(true)
    const { decoded, providers } = parts(token)
    expect(shapeChecks(decoded, providers).map((d) => d.code)).toEqual([
      'K8S_WEBHOOK_KEP_SPELLING',
      'K8S_WEBHOOK_KEP_SPELLING',
    ])
  })

  it('are needed for attestations without a binding, an external signer, DPoP, SPIFFE and GitHub Actions tokens', () => {
    const ns = { namespace: 'a', serviceaccount: { name: 'b', uid: 'u' }, pod: { name: 'p', uid: 'q' } }
    const cases = [
      rawToken('{"alg":"RS256"}', JSON.stringify({ sub: 's', 'kubernetes.io': { ...ns, attestations: {} } }), SIG),
      rawToken('{"alg":"ES256","typ":"JWT","kid":"kms-key"}', JSON.stringify({ 'kubernetes.io': ns }), SIG),
      rawToken('{"alg":"ES256","typ":"dpop+jwt","jwk":{}}', '{"htm":"GET"}', SIG),
      rawToken('{"alg":"ES256","typ":"wit+jwt"}', '{"sub":"spiffe://td/w"}', SIG),
      rawToken('{"alg":"ES256"}', '{"sub":"spiffe://td/w","aud":"x"}', SIG),
      rawToken('{"alg":"RS256"}', '{"iss":"https://token.actions.githubusercontent.com","sub":"repo:o/r:ref:x"}', SIG),
    ]
    expect(cases.map(needs)).toEqual([true, true, true, true, true, true])
  })

  it('find nothing in a token that does not need them, so the analysis is the same before they load', () => {
    const typ = fc.constantFrom(undefined, 'JWT', 'dpop+jwt', 'application/DPoP+JWT', 'wit+jwt', 'JOSE')
    const sub = fc.constantFrom(undefined, 'system:serviceaccount:a:b', 'spiffe://td/w', 'repo:o/r:ref:x', 'x')
    const iss = fc.constantFrom(
      undefined,
      'https://token.actions.githubusercontent.com',
      'https://kubernetes.default.svc',
    )
    const nested = fc.record(
      {
        namespace: fc.constantFrom('a', ''),
        serviceaccount: fc.constant({ name: 'b', uid: 'u' }),
        pod: fc.constant({ name: 'p', uid: 'q' }),
        validatingwebhookconfiguration: fc.constant({ name: 'w', uid: 'v' }),
        attestations: fc.constantFrom({}, { admissionReviewAPIGroups: ['apps'] }),
        warnafter: fc.integer(),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(typ, sub, iss, fc.option(nested), fc.constantFrom('RS256', 'ES256', 'HS256'), (t, s, i, k, alg) => {
        const header = JSON.stringify({ alg, ...(t ? { typ: t } : {}), kid: 'k' })
        const payload = JSON.stringify({
          ...(s ? { sub: s } : {}),
          ...(i ? { iss: i } : {}),
          ...(k ? { 'kubernetes.io': k } : {}),
        })
        const { decoded, providers } = parts(rawToken(header, payload, SIG))
        if (!needsShapeChecks(decoded, providers)) expect(shapeChecks(decoded, providers)).toEqual([])
      }),
      { numRuns: 2000 },
    )
  })

  it('are none of the knowledge base checks', () => {
    const token = fixture('seed-bound-pod-v1.24').token
    const decoded = decodeToken(token)
    const codes = tokenChecks(decoded, []).map((d) => d.code)
    expect(codes.filter((c) => c.startsWith('K8S_WEBHOOK') || c === 'K8S_EXTERNAL_SIGNER')).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { analyze } from '../analysis/analyze.ts'
import { tokenChecks } from '../checks/tokenChecks.ts'
import { parseJson, type JsonObject } from '../encoding/json.ts'
import { readKubernetesClaims } from '../k8s/claims.ts'
import { deriveIdentity } from '../k8s/identity.ts'
import { recognizeProvider } from '../k8s/provider.ts'
import { fixturePayload } from '../../test/k8sClaims.ts'
import { generateSigningKey, signDraft, TEMPLATES, templateDraft, templateInfo, type TemplateId } from './index.ts'

const NOW = 1_767_000_000
let n = 0
const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`
const claimsOf = (id: TemplateId, values = {}) =>
  parseJson(templateDraft(id, { now: NOW, newId, values }).payload).value as JsonObject
// Kubernetes signs with RS256 or ES256/384/512; ES256 keys are quick to make.
const key = generateSigningKey('ES256').then((r) => {
  if (!r.ok) throw new Error(r.diagnostics[0]?.message)
  return r.key
})
const tokenOf = async (id: TemplateId, values = {}) => {
  const r = await signDraft(templateDraft(id, { now: NOW, newId, values }), await key)
  if (!r.ok) throw new Error(r.diagnostics[0]?.message)
  return r.value.token
}

describe('templates', () => {
  it.each(TEMPLATES.map((t) => [t.id, t.kind] as const))(
    '%s reads as %s to the classifier, with no finding of its own',
    async (id, kind) => {
      // With the checks the page has once the knowledge base has loaded (the NumericDate checks are among them).
      const a = analyze(await tokenOf(id), { checks: tokenChecks })
      expect(a.kind).toBe(kind)
      // GitHub back-dates nbf by ten minutes, and the page says so about its real tokens too.
      expect(a.diagnostics.map((d) => d.code)).toEqual(id === 'github-actions' ? ['TIME_NBF_BEFORE_IAT'] : [])
    },
  )

  it.each([
    ['k8s-bound-pod', 'system:serviceaccount:default:default'],
    ['k8s-legacy', 'system:serviceaccount:default:default'],
    ['k8s-bound-node', 'system:serviceaccount:default:default'],
    ['k8s-token-request', 'system:serviceaccount:default:default'],
  ] as const)('%s authenticates as %s, with the bound object in the extras', (id, username) => {
    const identity = deriveIdentity(readKubernetesClaims(claimsOf(id))!)
    expect(identity.username).toBe(username)
    const keys = identity.extra.map((e) => e.key.replace('authentication.kubernetes.io/', ''))
    const expected: Record<string, string[]> = {
      'k8s-bound-pod': ['pod-name', 'pod-uid', 'node-name', 'node-uid', 'credential-id'],
      'k8s-legacy': [],
      'k8s-bound-node': ['node-name', 'node-uid', 'credential-id'],
      'k8s-token-request': ['credential-id'],
    }
    expect(keys).toEqual(expected[id])
  })

  it('writes the bound pod token in Kubernetes’ shape: sorted keys, extended year, warnafter, jti', () => {
    const c = claimsOf('k8s-bound-pod')
    expect(Object.keys(c)).toEqual(['aud', 'exp', 'iat', 'iss', 'jti', 'kubernetes.io', 'nbf', 'sub'])
    expect(Object.keys(c['kubernetes.io'] as JsonObject)).toEqual([
      'namespace',
      'node',
      'pod',
      'serviceaccount',
      'warnafter',
    ])
    expect([c.iat, c.nbf, c.exp, (c['kubernetes.io'] as JsonObject).warnafter]).toEqual([
      NOW,
      NOW,
      NOW + 31536000,
      NOW + 3607,
    ])
    expect(c.aud).toEqual(['https://kubernetes.default.svc.cluster.local'])
    expect(typeof c.jti).toBe('string')
    expect(templateDraft('k8s-bound-pod', { now: NOW }).header).toBe('{\n  "alg": "RS256"\n}')
  })

  it('has the same key order as the real seed tokens', () => {
    // The seed tokens predate jti and node, which sort in between.
    const seed = Object.keys(fixturePayload('seed-bound-pod-v1.24'))
    expect(Object.keys(claimsOf('k8s-bound-pod')).filter((k) => seed.includes(k))).toEqual(seed)
    expect(Object.keys(claimsOf('k8s-legacy'))).toEqual(Object.keys(fixturePayload('seed-legacy-v1.20')))
  })

  it('leaves times out of the legacy token, as the token controller does', () => {
    const c = claimsOf('k8s-legacy')
    expect(['exp', 'iat', 'nbf', 'aud', 'jti'].filter((k) => k in c)).toEqual([])
    expect(c.iss).toBe('kubernetes/serviceaccount')
  })

  it('computes one hour for node-bound and TokenRequest tokens, from now', () => {
    for (const id of ['k8s-bound-node', 'k8s-token-request'] as const) {
      const c = claimsOf(id)
      expect([c.exp, c.iat, c.nbf]).toEqual([NOW + 3600, NOW, NOW])
      expect('warnafter' in (c['kubernetes.io'] as JsonObject)).toBe(false)
    }
    expect(claimsOf('k8s-token-request')['kubernetes.io']).toEqual({
      namespace: 'default',
      serviceaccount: { name: 'default', uid: expect.any(String) },
    })
  })

  it('uses GitHub’s issuer and its documented spacing of times', async () => {
    const c = claimsOf('github-actions')
    expect(c.iss).toBe('https://token.actions.githubusercontent.com')
    expect([c.nbf, c.iat, c.exp]).toEqual([NOW - 600, NOW, NOW + 300])
    expect(analyze(await tokenOf('github-actions')).issuerProviders).toEqual(['github-actions'])
  })

  it('pre-fills no real provider’s issuer where the template does not need one', async () => {
    const kubernetes = recognizeProvider(readKubernetesClaims(claimsOf('k8s-bound-pod'))!)
    expect(kubernetes.provider).toBe('kubeadm')
    expect(claimsOf('oidc-id-token').iss).toBe('https://server.example.com')
    expect(analyze(await tokenOf('oidc-id-token')).issuerProviders).toEqual([])
    expect(claimsOf('empty')).toEqual({})
    for (const t of TEMPLATES) expect(t.issuerNote.length).toBeGreaterThan(20)
  })

  it('writes given field values over the defaults, keeping sub in step', async () => {
    const c = claimsOf('k8s-bound-pod', { namespace: 'ci', serviceAccount: 'deployer', pod: 'runner-0', lifetime: 600 })
    expect(c.sub).toBe('system:serviceaccount:ci:deployer')
    expect((c['kubernetes.io'] as JsonObject).pod).toMatchObject({ name: 'runner-0' })
    expect(c.exp).toBe(NOW + 600)
    expect(analyze(await tokenOf('k8s-legacy', { namespace: 'ci' })).kind).toBe('k8s-legacy')
    expect(claimsOf('k8s-legacy', { namespace: 'ci' }).sub).toBe('system:serviceaccount:ci:default')
  })

  it('describes every template, with fields that read back from its own claims', () => {
    for (const t of TEMPLATES) expect(templateInfo(t.id)).toBe(t)
  })
})

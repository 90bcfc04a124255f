import { describe, expect, it } from 'vitest'
import type { JWTPayload } from 'jose'
import { boundClaims, legacyClaims, sign } from '../../test/k8sTokens.ts'
import { fixture } from '../../test/tokens.ts'
import { analyze as analyzeWith } from '../analysis/analyze.ts'
import { tokenChecks } from '../checks/tokenChecks.ts'

// The shape findings arrive with the lazily loaded checks, as on the page once they have loaded.
const analyze = (token: string) => analyzeWith(token, { checks: tokenChecks })

const k8sCodes = (token: string) =>
  analyze(token)
    .diagnostics.filter((d) => d.code.startsWith('K8S_'))
    .map((d) => d.code)
const diag = (token: string, code: string) => analyze(token).diagnostics.find((d) => d.code === code)

describe('classification of the public fixtures', () => {
  it.each([
    ['seed-bound-pod-v1.24', 'k8s-bound-pod'],
    ['seed-legacy-v1.20', 'k8s-legacy'],
    ['seed-legacy-explicit-secret-v1.24', 'k8s-legacy'],
    // An early bound token with the legacy issuer: the shape decides, not iss.
    ['vault-minikube-bound-pod-kid', 'k8s-bound-pod'],
    ['rfc7515-a2-rs256', 'jwt'],
    ['oidc-core-a2-id-token', 'jwt'],
    ['rfc7516-a1-jwe', 'jwe'],
    ['rfc7519-6.1-unsecured', 'jwt'],
  ])('%s is %s with no Kubernetes findings', (name, kind) => {
    const token = fixture(name).token
    expect(analyze(token).kind).toBe(kind)
    expect(k8sCodes(token)).toEqual([])
  })
})

describe('classification of signed tokens, one per kind', () => {
  it.each([
    ['pod', { pod: { name: 'web-0', uid: 'p-uid' } }, 'k8s-bound-pod'],
    ['pod with node', { pod: { name: 'web-0', uid: 'p-uid' }, node: { name: 'n1', uid: 'n-uid' } }, 'k8s-bound-pod'],
    ['secret', { secret: { name: 'db-creds', uid: 's-uid' } }, 'k8s-bound-secret'],
    ['node', { node: { name: 'n1', uid: 'n-uid' } }, 'k8s-bound-node'],
    ['nothing', {}, 'k8s-token-request'],
  ] as const)('bound to %s', async (_label, opts, kind) => {
    const token = await sign(boundClaims(opts))
    expect(analyze(token).kind).toBe(kind)
    expect(k8sCodes(token)).toEqual([])
  })

  it('a legacy token is k8s-legacy', async () => {
    const token = await sign(legacyClaims(), {}, 'RS256')
    expect(analyze(token).kind).toBe('k8s-legacy')
    expect(k8sCodes(token)).toEqual([])
  }, 30_000)

  it('an object kind this version does not know is k8s-bound-other, with an info on its row', async () => {
    const token = await sign(boundClaims({ extra: { widgetbinding: { name: 'policy', uid: 'w-uid' } } }))
    const a = analyze(token)
    expect(a.kind).toBe('k8s-bound-other')
    const d = a.diagnostics.find((x) => x.code === 'K8S_UNKNOWN_BOUND_OBJECT')
    expect(d).toMatchObject({
      severity: 'info',
      pointer: '/kubernetes.io/widgetbinding',
      location: 'payload',
    })
    expect(d && !a.placement.general.includes(d)).toBe(true)
  })

  it('an unrelated kubernetes.io member does not make a Kubernetes token', async () => {
    const token = await sign({ sub: 'x', 'kubernetes.io': { team: 'blue' } })
    expect(analyze(token).kind).toBe('jwt')
  })

  it('leaves a JWE and an invalid token alone', () => {
    expect(analyze('abc.def').kind).toBe('invalid')
  })
})

describe('partial and inconsistent shapes are diagnostics, not crashes', () => {
  it('legacy claims missing secret.name', async () => {
    const token = await sign(legacyClaims({ secret: null }))
    expect(analyze(token).kind).toBe('k8s-legacy')
    expect(k8sCodes(token)).toEqual(['K8S_LEGACY_CLAIM_MISSING'])
    expect(diag(token, 'K8S_LEGACY_CLAIM_MISSING')?.message).toContain('kubernetes.io/serviceaccount/secret.name')
    expect(diag(token, 'K8S_LEGACY_CLAIM_MISSING')?.severity).toBe('error')
  })

  it('a legacy sub that names another account is an error on the sub row', async () => {
    const token = await sign(legacyClaims({ sub: 'system:serviceaccount:default:admin' }))
    const a = analyze(token)
    const d = a.diagnostics.find((x) => x.code === 'K8S_LEGACY_SUB_MISMATCH')
    expect(d).toMatchObject({ severity: 'error', pointer: '/sub', location: 'payload' })
    expect(a.diagnostics.map((x) => x.code)).not.toContain('K8S_SUB_MISMATCH')
    expect(d?.message).toContain('system:serviceaccount:default:builder')
    expect(d && !a.placement.general.includes(d)).toBe(true)
  })

  it('a bound sub that does not match namespace and name is a warning', async () => {
    const token = await sign(boundClaims({ ns: 'prod', sub: 'system:serviceaccount:dev:builder' }))
    expect(diag(token, 'K8S_SUB_MISMATCH')).toMatchObject({ severity: 'warning', pointer: '/sub' })
  })

  it.each([
    ['user:alice', 'does not start with'],
    ['system:serviceaccount:default', 'exactly two parts'],
    ['system:serviceaccount:a:b:c', 'exactly two parts'],
    ['system:serviceaccount:Bad_NS:builder', '"Bad_NS" is not a valid namespace name'],
    ['system:serviceaccount:default:-x', '"-x" is not a valid service account name'],
  ])('an unparsable sub %s', async (sub, reason) => {
    const token = await sign(boundClaims({ sub }))
    const d = diag(token, 'K8S_SUB_UNPARSABLE')
    expect(d).toMatchObject({ severity: 'warning', pointer: '/sub' })
    expect(d?.message).toContain(reason)
  })

  it('a missing sub', async () => {
    expect(k8sCodes(await sign(boundClaims({ sub: null })))).toEqual(['K8S_SUB_MISSING'])
    const legacy = legacyClaims()
    delete legacy.sub
    expect(k8sCodes(await sign(legacy))).toEqual(['K8S_LEGACY_SUB_MISSING'])
    expect(diag(await sign(legacy), 'K8S_LEGACY_SUB_MISSING')?.severity).toBe('error')
  })

  it('pod together with secret, and secret together with node', async () => {
    const podSecret = await sign(boundClaims({ pod: { name: 'p', uid: 'u' }, secret: { name: 's', uid: 'v' } }))
    expect(analyze(podSecret).kind).toBe('k8s-bound-pod')
    expect(diag(podSecret, 'K8S_BOUND_CONFLICT')).toMatchObject({ severity: 'error' })
    expect(diag(podSecret, 'K8S_BOUND_CONFLICT')?.message).toContain('pod')
    const secretNode = await sign(boundClaims({ secret: { name: 's', uid: 'v' }, node: { name: 'n', uid: 'w' } }))
    expect(analyze(secretNode).kind).toBe('k8s-bound-secret')
    expect(diag(secretNode, 'K8S_BOUND_CONFLICT')?.message).toContain('node')
    // pod + node is a normal 1.30+ pod token.
    expect(k8sCodes(await sign(boundClaims({ pod: { name: 'p', uid: 'u' }, node: { name: 'n' } })))).toEqual([])
  })

  it('a bound reference without uid, or without name', async () => {
    const noUid = await sign(boundClaims({ secret: { name: 's' } }))
    expect(diag(noUid, 'K8S_BOUND_REF_INCOMPLETE')).toMatchObject({
      pointer: '/kubernetes.io/secret',
      severity: 'warning',
    })
    expect(diag(noUid, 'K8S_BOUND_REF_INCOMPLETE')?.message).toContain('lacks uid')
    const nodeNoUid = await sign(boundClaims({ node: { name: 'n1' } }))
    expect(diag(nodeNoUid, 'K8S_BOUND_REF_INCOMPLETE')?.pointer).toBe('/kubernetes.io/node')
    const podNoName = await sign(boundClaims({ pod: { name: '', uid: 'u' } }))
    expect(diag(podNoName, 'K8S_BOUND_REF_INCOMPLETE')?.message).toContain('lacks name')
  })

  it('a bound token without namespace or service account', async () => {
    const token = await sign({ sub: 'system:serviceaccount:a:b', 'kubernetes.io': { pod: { name: 'p', uid: 'u' } } })
    expect(analyze(token).kind).toBe('k8s-bound-pod')
    expect(k8sCodes(token)).toEqual(['K8S_NAMESPACE_MISSING', 'K8S_SERVICEACCOUNT_INCOMPLETE'])
  })

  it('legacy and nested claims together', async () => {
    const token = await sign({ ...legacyClaims(), ...boundClaims() })
    expect(analyze(token).kind).toBe('k8s-token-request')
    expect(k8sCodes(token)).toContain('K8S_MIXED_SHAPE')
  })

  it('a legacy-shaped token with exp', async () => {
    const token = await sign({ ...legacyClaims(), exp: 2_000_000_000 })
    expect(k8sCodes(token)).toEqual(['K8S_LEGACY_WITH_EXPIRY'])
  })

  it('an alg the API server never uses is a warning on the alg header row', async () => {
    const token = await sign(boundClaims({ pod: { name: 'p', uid: 'u' } }), {}, 'HS256')
    const a = analyze(token)
    const d = a.diagnostics.find((x) => x.code === 'K8S_ALG_UNEXPECTED')
    expect(d).toMatchObject({ pointer: '/alg', location: 'header', severity: 'warning' })
    expect(d && !a.placement.general.includes(d)).toBe(true)
    expect(k8sCodes(await sign(boundClaims(), {}, 'ES384'))).toEqual([])
  })

  it('never throws on odd member types', async () => {
    const token = await sign({
      'kubernetes.io': { namespace: 7, serviceaccount: 'x', pod: [], secret: null, warnafter: 'soon' },
      sub: 42,
    } as unknown as JWTPayload)
    expect(() => analyze(token)).not.toThrow()
    expect(analyze(token).kind).toBe('k8s-token-request')
  })
})

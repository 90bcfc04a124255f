import { describe, expect, it } from 'vitest'
import { k8s, fixturePayload } from '../../test/k8sClaims.ts'
import { boundClaims, legacyClaims } from '../../test/k8sTokens.ts'
import { deriveIdentity } from './identity.ts'

const GROUPS = (ns: string) => ['system:serviceaccounts', `system:serviceaccounts:${ns}`, 'system:authenticated']

describe('deriveIdentity', () => {
  it('the seed pod token: username, groups and the pod extras', () => {
    const id = deriveIdentity(k8s(fixturePayload('seed-bound-pod-v1.24')))
    expect(id.username).toBe('system:serviceaccount:default:default')
    expect(id.uid).toBe('8208ff56-0a67-47bb-8175-a198423dacf8')
    expect(id.groups).toEqual(GROUPS('default'))
    expect(id.extra).toEqual([
      { key: 'authentication.kubernetes.io/pod-name', value: 'busybox' },
      { key: 'authentication.kubernetes.io/pod-uid', value: 'd822ba5f-4290-4bca-94ce-f3bc0dca2e36' },
    ])
    expect(id.source).toBe('claims')
  })

  it('a legacy token has no extras', () => {
    const id = deriveIdentity(k8s(fixturePayload('seed-legacy-explicit-secret-v1.24')))
    expect(id.username).toBe('system:serviceaccount:default:sa-token-demo')
    expect(id.extra).toEqual([])
  })

  it('a pod token with node and jti carries node and credential-id extras', () => {
    const id = deriveIdentity(
      k8s(boundClaims({ ns: 'ci', pod: { name: 'p', uid: 'pu' }, node: { name: 'n1', uid: 'nu' }, jti: 'abc-123' })),
    )
    expect(id.groups).toEqual(GROUPS('ci'))
    expect(id.extra.map((e) => `${e.key}=${e.value}`)).toEqual([
      'authentication.kubernetes.io/pod-name=p',
      'authentication.kubernetes.io/pod-uid=pu',
      'authentication.kubernetes.io/node-name=n1',
      'authentication.kubernetes.io/node-uid=nu',
      'authentication.kubernetes.io/credential-id=JTI=abc-123',
    ])
    expect(id.gatedExtras).toHaveLength(2)
  })

  it('node-uid is left out when the token has none, and pod extras need both name and uid', () => {
    const id = deriveIdentity(k8s(boundClaims({ pod: { name: 'p' }, node: { name: 'n1' } })))
    expect(id.extra.map((e) => e.key)).toEqual(['authentication.kubernetes.io/node-name'])
  })

  it('a secret-bound token has no binding extras', () => {
    expect(deriveIdentity(k8s(boundClaims({ secret: { name: 's', uid: 'u' } }))).extra).toEqual([])
  })

  it('flags an unparsable sub but still derives the identity from the claims', () => {
    const id = deriveIdentity(k8s(boundClaims({ sub: 'robot' })))
    expect(id.subProblem).toContain('does not start with')
    expect(id.username).toBe('system:serviceaccount:default:builder')
  })

  it('falls back to sub when the claims lack the account', () => {
    const c = k8s({ sub: 'system:serviceaccount:ops:agent', 'kubernetes.io': { pod: { name: 'p', uid: 'u' } } })
    const id = deriveIdentity(c)
    expect(id).toMatchObject({ username: 'system:serviceaccount:ops:agent', source: 'sub' })
    const none = deriveIdentity(k8s({ 'kubernetes.io': { pod: { name: 'p', uid: 'u' } } }))
    expect(none.username).toBeUndefined()
    expect(none).toMatchObject({ source: 'none', groups: [] })
  })

  it('uses the legacy flat claims', () => {
    expect(deriveIdentity(k8s(legacyClaims({ ns: 'kube-system', sa: 'deployer' }))).username).toBe(
      'system:serviceaccount:kube-system:deployer',
    )
  })
})

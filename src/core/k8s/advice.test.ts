import { describe, expect, it } from 'vitest'
import { k8s, fixturePayload } from '../../test/k8sClaims.ts'
import { boundClaims } from '../../test/k8sTokens.ts'
import { kubernetesAdvice, shellQuote } from './advice.ts'

const commands = (c: Parameters<typeof kubernetesAdvice>[0]) =>
  Object.fromEntries(kubernetesAdvice(c).map((a) => [a.id, a.command]))

describe('kubernetesAdvice', () => {
  it('a legacy token: risk, replacement, last use, revocation', () => {
    const cmd = commands(k8s(fixturePayload('seed-legacy-explicit-secret-v1.24')))
    expect(cmd['replace-create-token']).toBe('kubectl create token sa-token-demo -n default --duration 1h')
    expect(cmd['legacy-last-used']).toBe(
      "kubectl get secret explicit-sa-token -n default -o jsonpath='{.metadata.labels.kubernetes\\.io/legacy-token-last-used}'",
    )
    expect(cmd['legacy-revoke']).toBe('kubectl delete secret explicit-sa-token -n default')
    expect(cmd['can-i']).toBe('kubectl auth can-i --list -n default --as=system:serviceaccount:default:sa-token-demo')
    expect(Object.keys(cmd)).toContain('legacy-risk')
    expect(cmd['reissue']).toBeUndefined()
  })

  it('every token: can-i, the account uid, and the cluster keys', () => {
    const cmd = commands(k8s(fixturePayload('seed-bound-pod-v1.24')))
    expect(cmd['can-i']).toBe('kubectl auth can-i --list -n default --as=system:serviceaccount:default:default')
    expect(cmd['check-bound-object']).toBe("kubectl get pod busybox -n default -o jsonpath='{.metadata.uid}'")
    expect(cmd['jwks']).toBe('kubectl get --raw /openid/v1/jwks')
    expect(cmd['discovery']).toBe('kubectl get --raw /.well-known/openid-configuration')
    // The extended token was requested for 3607 s; its one-year exp is not copied.
    expect(cmd['reissue']).toBe(
      'kubectl create token default -n default --bound-object-kind Pod --bound-object-name busybox --duration 3607s',
    )
  })

  it('a node-bound token checks the node, which has no namespace', () => {
    const cmd = commands(k8s(boundClaims({ ns: 'agents', sa: 'probe', node: { name: 'worker-1', uid: 'n-uid' } })))
    expect(cmd['check-bound-object']).toBe("kubectl get node worker-1 -o jsonpath='{.metadata.uid}'")
    expect(cmd['reissue']).toBe(
      'kubectl create token probe -n agents --bound-object-kind Node --bound-object-name worker-1 --duration 3600s',
    )
  })

  it('a secret-bound token for another audience', () => {
    const cmd = commands(
      k8s(boundClaims({ secret: { name: 'vault-auth', uid: 's-uid' }, aud: ['vault'], lifetime: 7200 })),
    )
    expect(cmd['check-bound-object']).toBe("kubectl get secret vault-auth -n default -o jsonpath='{.metadata.uid}'")
    expect(cmd['reissue']).toBe(
      'kubectl create token builder -n default --audience vault --bound-object-kind Secret --bound-object-name vault-auth --duration 7200s',
    )
  })

  it('quotes untrusted values for the shell', () => {
    expect(shellQuote('web-0')).toBe('web-0')
    expect(shellQuote("x'; rm -rf / #")).toBe(`'x'\\''; rm -rf / #'`)
    const cmd = commands(k8s(boundClaims({ pod: { name: '$(id)', uid: 'u' } })))
    expect(cmd['check-bound-object']).toBe("kubectl get pod '$(id)' -n default -o jsonpath='{.metadata.uid}'")
  })
})

import { describe, expect, it } from 'vitest'
import { boundClaims, legacyClaims, sign, webhookClaims } from '../../test/k8sTokens.ts'
import { analyze } from '../analysis/analyze.ts'
import { tokenChecks } from '../checks/tokenChecks.ts'
import { placedAt } from '../../test/placed.ts'

// These run with the lazily loaded checks, as the page does once they have arrived.
const analyzed = (token: string) => analyze(token, { checks: tokenChecks })
const invalidNames = (token: string) => analyzed(token).diagnostics.filter((d) => d.code === 'K8S_NAME_INVALID')

describe('names that no cluster could have written', () => {
  it('flags each name that breaks its kind’s rule, on its own row', async () => {
    const token = await sign(boundClaims({ ns: 'Kube.System', pod: { name: '--all', uid: 'u' } }))
    const a = analyzed(token)
    const invalid = a.diagnostics.filter((d) => d.code === 'K8S_NAME_INVALID')
    expect(invalid.map((d) => d.pointer)).toEqual(['/kubernetes.io/namespace', '/kubernetes.io/pod/name'])
    expect(invalid[0]?.message).toContain('Kubernetes requires a DNS-1123 label')
    expect(invalid[1]?.message).toContain('kubernetes.io.pod.name "--all" is not a valid pod name')
    for (const d of invalid) expect(placedAt(a.placement.payload, a.payloadRows, d.pointer ?? '')).toContain(d)
  })

  it('reads the legacy flat claims too, and leaves valid names alone', async () => {
    const token = await sign(legacyClaims({ sa: '--server=https://attacker.example', secret: 'ok-secret' }))
    const invalid = invalidNames(token)
    expect(invalid.map((d) => d.pointer)).toEqual(['/kubernetes.io~1serviceaccount~1service-account.name'])
    expect(invalidNames(await sign(boundClaims({ pod: { name: 'web-0.a', uid: 'u' } })))).toEqual([])
  })

  it('holds a webhook configuration’s name to the subdomain rule (admissionregistration validation.go)', async () => {
    const extra = { mutatingwebhookconfiguration: { name: 'Policy_Config', uid: 'u' } }
    const invalid = invalidNames(await sign(webhookClaims({ kind: 'mutating', extra })))
    expect(invalid.map((d) => d.pointer)).toEqual(['/kubernetes.io/mutatingwebhookconfiguration/name'])
    expect(invalid[0]?.message).toContain('is not a valid MutatingWebhookConfiguration name')
    expect(invalidNames(await sign(webhookClaims()))).toEqual([])
  })
})

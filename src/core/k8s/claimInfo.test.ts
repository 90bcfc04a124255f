import { describe, expect, it } from 'vitest'
import { boundClaims, legacyClaims } from '../../test/k8sTokens.ts'
import { fixturePayload } from '../../test/k8sClaims.ts'
import { claimRows } from '../analysis/rows.ts'
import type { JsonObject } from '../encoding/json.ts'
import { kubernetesClaimInfo } from './claimInfo.ts'

const pointers = (value: JsonObject) =>
  claimRows({ text: '', value, impreciseNumbers: [], duplicates: [] }).map((r) => r.pointer)
const STANDARD = new Set(['/aud', '/exp', '/iat', '/nbf', '/iss', '/sub'])

describe('kubernetesClaimInfo', () => {
  const full = boundClaims({
    pod: { name: 'p', uid: 'u' },
    node: { name: 'n', uid: 'v' },
    warnafter: 3607,
    jti: 'j',
  }) as JsonObject
  const secret = boundClaims({ secret: { name: 's', uid: 'u' } }) as JsonObject

  it.each([
    ['the legacy flat claims', legacyClaims() as JsonObject],
    ['a pod token with node, warnafter and jti', full],
    ['a secret-bound token', secret],
    ['the seed token', fixturePayload('seed-bound-pod-v1.24')],
  ])('explains every Kubernetes claim of %s', (_label, payload) => {
    for (const pointer of pointers(payload).filter((p) => !STANDARD.has(p))) {
      const info = kubernetesClaimInfo(pointer)
      expect(info, pointer).toBeDefined()
      expect(info?.origin).toBe('kubernetes')
      expect(info?.since, pointer).toMatch(/^Kubernetes 1\.\d+/)
      expect(info?.description.length, pointer).toBeGreaterThan(40)
    }
  })

  it('jti is the credential id', () => {
    expect(kubernetesClaimInfo('/jti')?.description).toContain('JTI=<jti>')
  })

  it('knows nothing about other claims', () => {
    expect(kubernetesClaimInfo('/exp')).toBeUndefined()
    expect(kubernetesClaimInfo('/kubernetes.io/validatingWebhookConfiguration')).toBeUndefined()
    expect(kubernetesClaimInfo('/__proto__')).toBeUndefined()
  })
})

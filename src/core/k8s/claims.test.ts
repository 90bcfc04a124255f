import { describe, expect, it } from 'vitest'
import { readKubernetesClaims } from './claims.ts'
import type { JsonObject } from '../encoding/json.ts'

const bound = (): JsonObject => ({
  sub: 'system:serviceaccount:ns:sa',
  'kubernetes.io': { namespace: 'ns', serviceaccount: { name: 'sa', uid: 'u' }, extra: { name: 'x' } },
})

describe('readKubernetesClaims, read once per payload', () => {
  it('gives the same reading for the same payload, and an equal one for an equal payload', () => {
    const payload = bound()
    const first = readKubernetesClaims(payload)
    expect(first).toMatchObject({
      shape: 'bound',
      namespace: 'ns',
      serviceAccount: { name: 'sa' },
      otherRefs: ['extra'],
    })
    expect(readKubernetesClaims(payload)).toBe(first)
    const other = readKubernetesClaims(bound())
    expect(other).not.toBe(first)
    expect(other).toEqual(first)
  })

  it('remembers a payload that has no Kubernetes claims as such', () => {
    const payload: JsonObject = { sub: 'alice', 'kubernetes.io/other': 1 }
    expect(readKubernetesClaims(payload)).toBeUndefined()
    expect(readKubernetesClaims(payload)).toBeUndefined()
    expect(readKubernetesClaims({ 'kubernetes.io/serviceaccount/namespace': 'ns' })).toMatchObject({ shape: 'legacy' })
  })
})

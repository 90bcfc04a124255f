import { describe, expect, it } from 'vitest'
import { parseJson, type JsonObject } from '../encoding/json.ts'
import { fieldContext, readFields, templateDraft, templateInfo, writeField, type TemplateId } from './index.ts'

const NOW = 1_767_000_000
let n = 0
const newId = () => `uid-${++n}`
const draft = (id: TemplateId) => templateDraft(id, { now: NOW, newId }).payload
const values = (text: string, id: TemplateId) => {
  const r = readFields(text, templateInfo(id).fields)
  if (!r.ok) throw new Error(r.diagnostics[0]?.message)
  return r.values
}
const write = (text: string, id: TemplateId, field: Parameters<typeof writeField>[1], value: unknown) => {
  const r = writeField(text, field, value as never, fieldContext(id, NOW))
  if (!r.ok) throw new Error(r.diagnostics[0]?.message)
  return r.text
}
const json = (text: string) => parseJson(text).value as JsonObject

describe('the form model', () => {
  it('reads every field of a template from its claims', () => {
    expect(values(draft('k8s-bound-pod'), 'k8s-bound-pod')).toEqual({
      namespace: 'default',
      serviceAccount: 'default',
      serviceAccountUid: expect.stringMatching(/^uid-/),
      audience: ['https://kubernetes.default.svc.cluster.local'],
      lifetime: 31536000,
      pod: 'example-pod',
      podUid: expect.stringMatching(/^uid-/),
      node: 'example-node',
      nodeUid: expect.stringMatching(/^uid-/),
      warnAfter: 3607,
    })
    expect(values(draft('k8s-legacy'), 'k8s-legacy')).toMatchObject({
      namespace: 'default',
      secret: 'default-token-abcde',
    })
    expect(values(draft('github-actions'), 'github-actions')).toEqual({
      repository: 'octo-org/octo-repo',
      ref: 'refs/heads/main',
      subject: 'repo:octo-org/octo-repo:ref:refs/heads/main',
      audience: ['https://github.com/octo-org'],
      lifetime: 300,
    })
  })

  it('follows edits of the JSON: a changed claim reads changed, a removed one absent', () => {
    const c = json(draft('k8s-bound-pod'))
    const k = c['kubernetes.io'] as JsonObject
    k.namespace = 'edited'
    delete k.pod
    delete c.exp
    const v = values(JSON.stringify(c), 'k8s-bound-pod')
    expect(v.namespace).toBe('edited')
    expect('pod' in v || 'podUid' in v || 'lifetime' in v).toBe(false)
  })

  it('writes a namespace or account into kubernetes.io and carries sub along', () => {
    let t = write(draft('k8s-bound-pod'), 'k8s-bound-pod', 'namespace', 'ci')
    t = write(t, 'k8s-bound-pod', 'serviceAccount', 'deployer')
    const c = json(t)
    expect(c.sub).toBe('system:serviceaccount:ci:deployer')
    expect((c['kubernetes.io'] as JsonObject).namespace).toBe('ci')
    expect(values(t, 'k8s-bound-pod')).toMatchObject({ namespace: 'ci', serviceAccount: 'deployer' })
  })

  it('leaves a sub alone that was made different on purpose', () => {
    const c = json(draft('k8s-token-request'))
    c.sub = 'system:serviceaccount:other:someone'
    const t = write(JSON.stringify(c, null, 2), 'k8s-token-request', 'namespace', 'ci')
    expect(json(t).sub).toBe('system:serviceaccount:other:someone')
  })

  it('writes the flat claims of a legacy token', () => {
    const t = write(draft('k8s-legacy'), 'k8s-legacy', 'serviceAccount', 'builder')
    const c = json(t)
    expect(c['kubernetes.io/serviceaccount/service-account.name']).toBe('builder')
    expect(c.sub).toBe('system:serviceaccount:default:builder')
    expect('kubernetes.io' in c).toBe(false)
  })

  it('computes exp and warnafter from iat', () => {
    let t = write(draft('k8s-bound-pod'), 'k8s-bound-pod', 'lifetime', 3607)
    t = write(t, 'k8s-bound-pod', 'warnAfter', undefined)
    const c = json(t)
    expect(c.exp).toBe(NOW + 3607)
    expect('warnafter' in (c['kubernetes.io'] as JsonObject)).toBe(false)
    // Without iat or nbf the lifetime counts from now, which becomes iat so that it reads back.
    expect(json(write('{}', 'empty', 'lifetime', 60))).toEqual({ iat: NOW, exp: NOW + 60 })
  })

  it('removes a bound pod when its name and uid are cleared, and brings it back in sorted place', () => {
    let t = write(draft('k8s-bound-pod'), 'k8s-bound-pod', 'pod', undefined)
    t = write(t, 'k8s-bound-pod', 'podUid', undefined)
    expect('pod' in (json(t)['kubernetes.io'] as JsonObject)).toBe(false)
    t = write(t, 'k8s-bound-pod', 'pod', 'web-0')
    expect(Object.keys(json(t)['kubernetes.io'] as JsonObject)).toEqual([
      'namespace',
      'node',
      'pod',
      'serviceaccount',
      'warnafter',
    ])
  })

  it('writes aud in the shape the claim has, or the template prefers', () => {
    expect(json(write(draft('k8s-token-request'), 'k8s-token-request', 'audience', ['vault'])).aud).toEqual(['vault'])
    expect(json(write(draft('oidc-id-token'), 'oidc-id-token', 'audience', ['client'])).aud).toBe('client')
    expect(json(write(draft('oidc-id-token'), 'oidc-id-token', 'audience', ['a', 'b'])).aud).toEqual(['a', 'b'])
    expect(json(write('{}', 'empty', 'audience', ['x'])).aud).toBe('x')
  })

  it('moves GitHub’s sub, owner and ref_type with the repository and ref', () => {
    let t = write(draft('github-actions'), 'github-actions', 'repository', 'acme/api')
    t = write(t, 'github-actions', 'ref', 'refs/tags/v1')
    const c = json(t)
    expect([c.repository_owner, c.sub, c.ref_type]).toEqual(['acme', 'repo:acme/api:ref:refs/tags/v1', 'tag'])
  })

  it('keeps the digits of large integers elsewhere in the claims', () => {
    const t = write('{"id": 12345678901234567890, "iat": 100}', 'empty', 'lifetime', 5)
    expect(t).toBe('{\n  "id": 12345678901234567890,\n  "iat": 100,\n  "exp": 105\n}')
  })

  it('cannot read or write broken JSON, and says where it breaks', () => {
    const r = readFields('{"a": }', ['issuer'])
    expect(r.ok ? [] : r.diagnostics.map((d) => d.message)).toEqual([
      "Payload JSON, line 1, column 7: Expected a JSON value but found '}'.",
    ])
    expect(writeField('{', 'issuer', 'x', fieldContext('empty', NOW)).ok).toBe(false)
  })
})

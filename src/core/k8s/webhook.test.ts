import { describe, expect, it } from 'vitest'
import { k8s } from '../../test/k8sClaims.ts'
import { boundClaims, sign, WEBHOOK_AUDIENCE, webhookClaims, type WebhookOptions } from '../../test/k8sTokens.ts'
import { analyze } from '../analysis/analyze.ts'
import { shapeChecks } from '../checks/shapes.ts'
import { tokenChecks } from '../checks/tokenChecks.ts'
import type { JsonObject } from '../encoding/json.ts'
import { deriveIdentity } from './identity.ts'
import { analyzeLifetime } from './lifetime.ts'
import { serviceWebhookAudience } from './webhook.ts'

const analyzed = async (o: WebhookOptions = {}) =>
  analyze(await sign(webhookClaims(o)), { checks: tokenChecks, shapeChecks })
const k8sFindings = async (o: WebhookOptions = {}) =>
  (await analyzed(o)).diagnostics.filter((d) => d.code.startsWith('K8S_')).map((d) => `${d.code}@${d.pointer ?? ''}`)

describe('tokens bound to an admission webhook configuration (KEP-6060)', () => {
  it.each([
    ['validating', 'k8s-bound-validatingwebhook'],
    ['mutating', 'k8s-bound-mutatingwebhook'],
  ] as const)('a %s binding in the merged spelling is %s, with no findings', async (kind, expected) => {
    const a = await analyzed({ kind })
    expect(a.kind).toBe(expected)
    expect(await k8sFindings({ kind })).toEqual([])
  })

  it('accepts the KEP text’s camelCase too, and says that the API server would not read it', async () => {
    const a = await analyzed({ spelling: 'kep' })
    expect(a.kind).toBe('k8s-bound-validatingwebhook')
    expect(await k8sFindings({ spelling: 'kep' })).toEqual([
      'K8S_WEBHOOK_KEP_SPELLING@/kubernetes.io/validatingWebhookConfiguration',
      'K8S_WEBHOOK_KEP_SPELLING@/kubernetes.io/attestationClaims',
    ])
    expect(a.diagnostics.find((d) => d.code === 'K8S_WEBHOOK_KEP_SPELLING')?.message).toContain(
      'writes and reads validatingwebhookconfiguration',
    )
  })

  it('never reads as bound to an unknown object kind', async () => {
    for (const o of [{}, { kind: 'mutating' as const }, { spelling: 'kep' as const }]) {
      expect((await analyzed(o)).diagnostics.map((d) => d.code)).not.toContain('K8S_UNKNOWN_BOUND_OBJECT')
    }
  })

  it.each([
    [3600, 'K8S_WEBHOOK_LIFETIME@/exp'],
    [599, 'K8S_WEBHOOK_LIFETIME@/exp'],
  ])('a lifetime of %i s is not what the API server issues (always exactly 600 s)', async (lifetime, finding) => {
    expect(await k8sFindings({ lifetime })).toEqual([finding])
  })

  it('a webhook-bound token carrying warnafter was extended, which only pod-bound tokens are', async () => {
    const a = await analyzed({ extra: { warnafter: 1_767_000_000 + 3607 } })
    expect(a.diagnostics.find((d) => d.code === 'K8S_WEBHOOK_LIFETIME')?.message).toContain('warnafter')
  })

  it.each([
    [['https://a.example/', 'https://b.example/'], 'must be length 1'],
    [['https://kubernetes.default.svc.cluster.local'], 'api server audiences are invalid'],
  ])('audiences %j are refused', async (aud, text) => {
    const a = await analyzed({ aud })
    const d = a.diagnostics.find((x) => x.code === 'K8S_WEBHOOK_AUDIENCE')
    expect(d).toMatchObject({ severity: 'warning', pointer: '/aud' })
    expect(d?.message).toContain(text)
  })

  it.each([
    [null, 'require exactly one admissionReviewAPIGroups attestation'],
    [{ admissionReviewAPIGroups: ['apps', 'batch'] }, 'must specify a single value'],
    [{ admissionReviewAPIGroups: [''] }, 'may not be an empty string'],
    [{ admissionReviewAPIGroups: ['Not_A_Group'] }, 'must specify a valid API Group'],
    [{ somethingElse: ['apps'] }, 'accepts exactly one, admissionReviewAPIGroups'],
  ])('attestations %j break validation.go', async (attestations, text) => {
    const a = await analyzed({ attestations })
    const found = a.diagnostics.filter((x) => x.code === 'K8S_WEBHOOK_ATTESTATION')
    expect(found).toHaveLength(1)
    expect(found[0]?.message).toContain(text)
  })

  it('the wildcard group * is accepted', async () => {
    expect(await k8sFindings({ attestations: { admissionReviewAPIGroups: ['*'] } })).toEqual([])
  })

  it('attestations without a webhook binding, and a webhook binding next to a pod', async () => {
    const lone = analyze(await sign(boundClaims({ extra: { attestations: { admissionReviewAPIGroups: ['apps'] } } })), {
      checks: tokenChecks,
      shapeChecks,
    })
    expect(lone.kind).toBe('k8s-token-request')
    expect(lone.diagnostics.map((d) => d.code)).toContain('K8S_ATTESTATION_WITHOUT_WEBHOOK')
    const both = await analyzed({ extra: { pod: { name: 'p', uid: 'u' } } })
    expect(both.kind).toBe('k8s-bound-pod')
    expect(both.diagnostics.find((d) => d.code === 'K8S_BOUND_CONFLICT')?.message).toContain(
      'ValidatingWebhookConfiguration and a pod',
    )
  })

  it('lives exactly 600 s: the lifetime panel says so', () => {
    expect(analyzeLifetime(k8s(webhookClaims()))).toMatchObject({ case: 'webhook', seconds: 600 })
    expect(analyzeLifetime(k8s(webhookClaims({ lifetime: 3600 }))).summary).toContain('did not issue this one')
  })

  it('reads a service webhook’s audience', () => {
    expect(serviceWebhookAudience(WEBHOOK_AUDIENCE)).toEqual({
      service: 'policy-webhook',
      namespace: 'policy',
      port: '443',
      path: '/validate',
    })
    expect(serviceWebhookAudience('https://hooks.example.com/validate')).toBeUndefined()
  })
})

// apiserver pkg/authentication/serviceaccount/util_test.go TestUserInfo, the two webhook cases
// (kubernetes/apiserver at 24a394e516bfda066d7e2221d7d92c052de27c54, lines 72-105).
describe('the extras of a webhook-bound token (upstream TestUserInfo)', () => {
  const claims = (binding: string, name: string, uid: string): JsonObject => ({
    sub: 'system:serviceaccount:ns:name',
    'kubernetes.io': {
      namespace: 'ns',
      serviceaccount: { name: 'name' },
      [binding]: { name, uid },
      attestations: { admissionReviewAPIGroups: ['apps'] },
    },
  })
  it.each([
    ['validatingwebhookconfiguration', 'my-vwc', 'vwc-uid'],
    ['mutatingwebhookconfiguration', 'my-mwc', 'mwc-uid'],
  ])('extracts %s name/uid and attestations', (binding, name, uid) => {
    const id = deriveIdentity(k8s(claims(binding, name, uid)))
    expect(id.username).toBe('system:serviceaccount:ns:name')
    expect(id.extra).toEqual([
      { key: `authentication.kubernetes.io/${binding}-name`, value: name },
      { key: `authentication.kubernetes.io/${binding}-uid`, value: uid },
      { key: 'attestation.authentication.kubernetes.io/admissionReviewAPIGroups', value: 'apps' },
    ])
  })

  it('a webhook token has exactly three extras besides credential-id (TestServiceAccountTokenAttestations)', () => {
    const extra = deriveIdentity(k8s(webhookClaims())).extra.map((e) => e.key)
    expect(extra.filter((k) => !k.endsWith('/credential-id'))).toHaveLength(3)
  })

  it('the camelCase spelling yields no webhook extras, as the API server would not read it', () => {
    const id = deriveIdentity(k8s(webhookClaims({ spelling: 'kep' })))
    expect(id.extra.map((e) => e.key)).toEqual(['authentication.kubernetes.io/credential-id'])
    expect(id.gatedExtras.join(' ')).toContain('does not read')
  })
})

import { describe, expect, it } from 'vitest'
import { k8s } from '../../test/k8sClaims.ts'
import { boundClaims, webhookClaims } from '../../test/k8sTokens.ts'
import { parseYamlDocuments } from '../../test/yaml.ts'
import { kubernetesAdvice } from './advice.ts'
import { imagePullReading } from './imagePull.ts'

const pod = { name: 'web-0', uid: 'pod-uid' }

describe('image-pull tokens (KEP-4412)', () => {
  it('a pod-bound token for a registry audience is probably one, with the node restriction and the RBAC verb', () => {
    const r = imagePullReading(k8s(boundClaims({ pod, aud: ['123456789012.dkr.ecr.eu-west-1.amazonaws.com'] })))
    expect(r).toMatchObject({ certain: false, audience: '123456789012.dkr.ecr.eu-west-1.amazonaws.com' })
    expect(r?.explanation).toMatch(/^Probably an image-pull token/)
    expect(r?.restriction).toContain('ServiceAccountNodeAudienceRestriction')
    expect(r?.restriction).toContain('request-serviceaccounts-token-audience')
  })

  it('the RBAC is the KEP’s rule for this audience and account, bound to the nodes, and parses as YAML', () => {
    const r = imagePullReading(k8s(boundClaims({ pod, sa: 'puller', aud: ['ghcr.io'] })))!
    const [role, binding] = parseYamlDocuments(r.rbac) as Record<string, unknown>[]
    expect(role).toMatchObject({
      kind: 'ClusterRole',
      rules: [
        {
          verbs: ['request-serviceaccounts-token-audience'],
          apiGroups: [''],
          resources: ['ghcr.io'],
          resourceNames: ['puller'],
        },
      ],
    })
    expect(binding).toMatchObject({ kind: 'ClusterRoleBinding', subjects: [{ kind: 'Group', name: 'system:nodes' }] })
  })

  it('a hostile audience stays one YAML string', () => {
    const aud = 'evil"]\n- verbs: ["*"]'
    const r = imagePullReading(k8s(boundClaims({ pod, aud: [aud] })), true)!
    const [role] = parseYamlDocuments(r.rbac) as { rules: unknown[] }[]
    expect(role?.rules).toHaveLength(1)
    expect(role?.rules[0]).toMatchObject({ resources: [aud] })
  })

  it('is certain for a token from a CredentialProviderRequest, whatever its audience (ECR uses sts.amazonaws.com)', () => {
    expect(imagePullReading(k8s(boundClaims({ pod, aud: ['sts.amazonaws.com'] })))).toBeUndefined()
    expect(imagePullReading(k8s(boundClaims({ pod, aud: ['sts.amazonaws.com'] })), true)?.certain).toBe(true)
  })

  it('is not one without a pod, with API audiences, or when extended', () => {
    expect(imagePullReading(k8s(boundClaims({ aud: ['ghcr.io'] })))).toBeUndefined()
    expect(imagePullReading(k8s(boundClaims({ pod })))).toBeUndefined()
    expect(
      imagePullReading(k8s(boundClaims({ pod, aud: ['ghcr.io'], warnafter: 3607, lifetime: 31536000 }))),
    ).toBeUndefined()
  })

  it('joins the advice', () => {
    const ids = kubernetesAdvice(k8s(boundClaims({ pod, aud: ['myregistry.azurecr.io'] }))).map((a) => a.id)
    expect(ids).toContain('image-pull-audience')
  })
})

describe('advice for a webhook-bound token', () => {
  it('checks the configuration, the attest permission and posts a comparable TokenRequest', () => {
    const items = kubernetesAdvice(k8s(webhookClaims()))
    const ids = items.map((a) => a.id)
    expect(ids).toEqual(
      expect.arrayContaining([
        'check-webhook-configuration',
        'webhook-attest',
        'webhook-token-request',
        'webhook-token-post',
      ]),
    )
    // kubectl create token cannot bind to webhook configurations (kubectl create_token.go boundObjectKinds).
    expect(ids).not.toContain('reissue')
    const check = items.find((a) => a.id === 'check-webhook-configuration')
    expect(check?.command).toBe(
      "kubectl get validatingwebhookconfiguration -o jsonpath='{.metadata.uid}' -- policy-config",
    )
    expect(items.find((a) => a.id === 'webhook-attest')?.argv).toEqual([
      'kubectl',
      'auth',
      'can-i',
      'attest',
      'admissionReviewAPIGroups.authentication.k8s.io/apps',
      '--as=system:serviceaccount:policy:policy-webhook',
    ])
    expect(items.find((a) => a.id === 'webhook-token-post')?.argv).toEqual([
      'kubectl',
      'create',
      '--raw',
      '/api/v1/namespaces/policy/serviceaccounts/policy-webhook/token',
      '-f',
      'token-request.json',
    ])
    const request = items.find((a) => a.id === 'webhook-token-request')?.command ?? ''
    const body = JSON.parse(request) as { spec: Record<string, unknown> }
    expect(body.spec).toEqual({
      audiences: ['https://policy-webhook.policy.svc:443/validate'],
      expirationSeconds: 600,
      boundObjectRef: {
        apiVersion: 'admissionregistration.k8s.io/v1',
        kind: 'ValidatingWebhookConfiguration',
        name: 'policy-config',
        uid: '33333333-4444-5555-6666-777777777777',
      },
      attestations: { admissionReviewAPIGroups: ['apps'] },
    })
  })

  it('withholds the request when the attested group could never have been accepted', () => {
    const claims = webhookClaims()
    const items = kubernetesAdvice({
      ...k8s(claims),
      attestations: { member: 'attestations', value: { admissionReviewAPIGroups: ['--all'] } },
    })
    const request = items.find((a) => a.id === 'webhook-token-request')
    expect(request?.command).toBeUndefined()
    expect(request?.withheld).toMatch(/neither \* nor a DNS-1123 subdomain/)
  })
})

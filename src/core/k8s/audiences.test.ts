import { describe, expect, it } from 'vitest'
import { WEBHOOK_AUDIENCE } from '../../test/k8sTokens.ts'
import { explainAudience, type AudienceTarget } from './audiences.ts'

const KIND = 'https://kubernetes.default.svc.cluster.local'
const plain = { iss: KIND, webhooks: [] }
const webhookBound = {
  iss: KIND,
  webhooks: [
    { kind: 'validating' as const, ref: { name: 'n', uid: 'u' }, member: 'validatingwebhookconfiguration' as const },
  ],
}

describe('the audience catalogue', () => {
  it.each([
    [KIND, 'api-server'],
    ['https://kubernetes.default.svc', 'api-server'],
    ['k3s', 'api-server'],
    ['sts.amazonaws.com', 'aws-sts'],
    ['pods.eks.amazonaws.com', 'eks-pod-identity'],
    ['api://AzureADTokenExchange', 'azure-ad'],
    ['api://AKSIdentityBinding', 'aks-identity-binding'],
    ['acme-prod.svc.id.goog', 'google-sts'],
    [
      'identitynamespace:acme-prod.svc.id.goog:https://container.googleapis.com/v1/projects/acme-prod/locations/eu/clusters/c',
      'google-sts',
    ],
    ['istio-ca', 'istio'],
    ['identity.l5d.io', 'linkerd'],
    ['spire-server', 'spire'],
    ['vault', 'vault'],
    ['123456789012.dkr.ecr.eu-west-1.amazonaws.com', 'registry'],
    ['myregistry.azurecr.io', 'registry'],
    ['europe-docker.pkg.dev', 'registry'],
    ['ghcr.io', 'registry'],
    ['harbor.internal.example', 'registry'],
    ['https://billing.example.com', 'other'],
  ] as [string, AudienceTarget][])('%s means %s', (aud, target) => {
    const m = explainAudience(aud, plain)
    expect(m.target).toBe(target)
    // Every entry says what the audience is for and what to do when it is the wrong one.
    expect(m.explanation.length).toBeGreaterThan(40)
    expect(m.whenWrong.length).toBeGreaterThan(40)
  })

  it('quotes the consumers’ own error messages where they are known', () => {
    expect(explainAudience(KIND, plain).whenWrong).toContain('is invalid for the target audiences')
    expect(explainAudience('sts.amazonaws.com', plain).whenWrong).toContain('Incorrect token audience')
    expect(explainAudience('api://AzureADTokenExchange', plain).whenWrong).toContain('AADSTS700212')
    expect(explainAudience('spire-server', plain).whenWrong).toContain(
      'token not authenticated according to TokenReview API',
    )
    expect(explainAudience('ghcr.io', plain).whenWrong).toContain('request-serviceaccounts-token-audience')
  })

  it('a webhook-bound token’s audience is the webhook, read as service, namespace, port and path', () => {
    const m = explainAudience(WEBHOOK_AUDIENCE, webhookBound)
    expect(m.target).toBe('webhook')
    expect(m.explanation).toContain('service policy/policy-webhook on port 443, path /validate')
    expect(explainAudience(WEBHOOK_AUDIENCE, plain).target).toBe('other')
  })

  it('knows the new AKS workload identity token path and the old one (azure-workload-identity d878231d)', () => {
    const text = explainAudience('api://AzureADTokenExchange', plain).explanation
    expect(text).toContain('/var/run/secrets/azure/wi/token/azure-identity-token')
    expect(text).toContain('/var/run/secrets/azure/tokens/azure-identity-token')
  })
})

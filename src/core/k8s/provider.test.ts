import { describe, expect, it } from 'vitest'
import { k8s, fixturePayload } from '../../test/k8sClaims.ts'
import { boundClaims, legacyClaims } from '../../test/k8sTokens.ts'
import { recognizeProvider } from './provider.ts'

const EKS_ISS = 'https://oidc.eks.eu-west-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF'
const GKE_ISS = 'https://container.googleapis.com/v1/projects/acme-prod/locations/europe-west1/clusters/main'
const AKS_ISS =
  'https://westeurope.oic.prod-aks.azure.com/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee/11111111-2222-3333-4444-555555555555/'
const pod = { name: 'p', uid: 'u' }

describe('recognizeProvider', () => {
  it('EKS with IRSA', () => {
    const r = recognizeProvider(k8s(boundClaims({ iss: EKS_ISS, aud: ['sts.amazonaws.com'], pod })))
    expect(r.provider).toBe('eks')
    expect(r.label).toContain('IAM roles for service accounts')
    expect(r.details).toContainEqual({ label: 'Region', value: 'eu-west-1' })
    expect(r.audiences).toEqual([expect.objectContaining({ audience: 'sts.amazonaws.com', target: 'aws-sts' })])
  })

  it('EKS Pod Identity', () => {
    const r = recognizeProvider(k8s(boundClaims({ iss: EKS_ISS, aud: ['pods.eks.amazonaws.com'], pod })))
    expect(r).toMatchObject({ provider: 'eks', label: 'Amazon EKS (Pod Identity)' })
    expect(r.audiences[0]?.target).toBe('eks-pod-identity')
  })

  it('an EKS kube-API token: its audience is the API server', () => {
    const r = recognizeProvider(k8s(boundClaims({ iss: EKS_ISS, aud: ['https://kubernetes.default.svc'], pod })))
    expect(r.provider).toBe('eks')
    expect(r.audiences[0]?.target).toBe('api-server')
  })

  it('GKE with a workload identity pool audience', () => {
    const r = recognizeProvider(k8s(boundClaims({ iss: GKE_ISS, aud: ['acme-prod.svc.id.goog'], pod })))
    expect(r.provider).toBe('gke')
    expect(r.details).toContainEqual({ label: 'Workload identity pool', value: 'acme-prod.svc.id.goog' })
    expect(r.audiences[0]?.target).toBe('google-sts')
  })

  it('AKS workload identity, with and without the trailing slash', () => {
    const r = recognizeProvider(k8s(boundClaims({ iss: AKS_ISS, aud: ['api://AzureADTokenExchange'], pod })))
    expect(r).toMatchObject({ provider: 'aks', label: 'Azure Kubernetes Service workload identity' })
    expect(r.reason).toContain('trailing slash belongs to the issuer')
    expect(r.audiences[0]?.target).toBe('azure-ad')
    const noSlash = recognizeProvider(
      k8s(boundClaims({ iss: AKS_ISS.slice(0, -1), aud: ['api://AzureADTokenExchange'] })),
    )
    expect(noSlash.provider).toBe('aks')
    expect(noSlash.reason).toContain('lacks the trailing slash')
    const old = recognizeProvider(
      k8s(boundClaims({ iss: 'https://oidc.prod-aks.azure.com/11111111-2222-3333-4444-555555555555/' })),
    )
    expect(old.provider).toBe('aks')
  })

  it('OpenShift only with an OpenShift-specific hint, ambiguous otherwise', () => {
    const iss = 'https://kubernetes.default.svc'
    expect(recognizeProvider(k8s(boundClaims({ iss, ns: 'openshift-monitoring', pod }))).provider).toBe('openshift')
    expect(
      recognizeProvider(k8s(boundClaims({ iss, secret: { name: 'builder-dockercfg-x7k2p', uid: 'u' } }))).provider,
    ).toBe('openshift')
    const plain = recognizeProvider(k8s(boundClaims({ iss, pod })))
    expect(plain.provider).toBe('ambiguous')
    expect(plain.candidates).toContain('OpenShift')
  })

  it('kubeadm or kind: the seed token', () => {
    const r = recognizeProvider(k8s(fixturePayload('seed-bound-pod-v1.24')))
    expect(r.provider).toBe('kubeadm')
    expect(r.reason).toContain('cluster.local')
    expect(r.audiences[0]?.target).toBe('api-server')
  })

  it('a kubeadm-style issuer with a custom audience is ambiguous', () => {
    const r = recognizeProvider(k8s(boundClaims({ aud: ['vault'] })))
    expect(r.provider).toBe('ambiguous')
    expect(r.audiences[0]?.target).toBe('vault')
  })

  it('k3s by its audience, and by its old issuer', () => {
    expect(
      recognizeProvider(k8s(boundClaims({ aud: ['https://kubernetes.default.svc.cluster.local', 'k3s'] }))).provider,
    ).toBe('k3s')
    expect(recognizeProvider(k8s(boundClaims({ iss: 'k3s', aud: ['k3s'] }))).provider).toBe('k3s')
  })

  it('minikube: an early bound token with the legacy issuer', () => {
    expect(recognizeProvider(k8s(fixturePayload('vault-minikube-bound-pod-kid'))).provider).toBe('minikube')
  })

  it('a legacy token names no provider', () => {
    expect(recognizeProvider(k8s(legacyClaims())).provider).toBe('ambiguous')
  })

  it('an unknown issuer, and none', () => {
    expect(recognizeProvider(k8s(boundClaims({ iss: 'https://issuer.example' }))).provider).toBe('unknown')
    const c = k8s(boundClaims())
    delete c.iss
    expect(recognizeProvider(c)).toMatchObject({ provider: 'unknown', reason: 'The token has no issuer.' })
  })
})

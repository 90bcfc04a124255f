// Which managed service or distribution a Kubernetes token comes from, by its issuer. The
// catalogue of audiences (audiences.ts) is loaded only for a token that needs it (extraNeeds.ts):
// every audience of any other token names the API server.
import { API_SERVER_AUDIENCE } from './apiAudience.ts'
import type { AudienceMeaning } from './audiences.ts'
import { LEGACY_ISSUER, type KubernetesClaims } from './claims.ts'

export { isApiServerAudience } from './apiAudience.ts'
export type { AudienceMeaning, AudienceTarget } from './audiences.ts'

/** The `data-provider` values; `ambiguous` and `unknown` say that we do not guess. */
export type ProviderId = 'eks' | 'gke' | 'aks' | 'openshift' | 'kubeadm' | 'k3s' | 'minikube' | 'ambiguous' | 'unknown'

export interface ProviderRecognition {
  provider: ProviderId
  /** Human name, e.g. "Amazon EKS (IAM roles for service accounts)". */
  label: string
  /** Why we think so, or why we cannot tell. */
  reason: string
  /** Details read from the issuer, e.g. region and cluster id. */
  details: { label: string; value: string }[]
  /** For `ambiguous`: who else uses this issuer. */
  candidates: string[]
  audiences: AudienceMeaning[]
}

const EKS = /^https:\/\/oidc\.eks\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/id\/([0-9A-Fa-f]{32})$/
const GKE =
  /^https:\/\/container\.googleapis\.com\/v1\/projects\/([^/]+)\/(?:locations|zones)\/([^/]+)\/clusters\/([^/]+)$/
const AKS =
  /^https:\/\/(?:([a-z0-9-]+)\.oic\.prod-aks\.azure\.com\/([0-9a-f-]{36})\/([0-9a-f-]{36})|oidc\.prod-aks\.azure\.com\/([0-9a-f-]{36}))(\/?)$/i
const IN_CLUSTER = /^https:\/\/kubernetes\.default\.svc(?:\.([a-z0-9.-]+))?$/

type Recognised = Omit<ProviderRecognition, 'audiences'>
const result = (
  provider: ProviderId,
  label: string,
  reason: string,
  details: Recognised['details'] = [],
  candidates: string[] = [],
): Recognised => ({ provider, label, reason, details, candidates })

function byIssuer(c: KubernetesClaims): Recognised {
  const iss = c.iss ?? ''
  const aud = c.aud
  let m = EKS.exec(iss)
  if (m) {
    const mode = aud.includes('sts.amazonaws.com')
      ? ' (IAM roles for service accounts)'
      : aud.includes('pods.eks.amazonaws.com')
        ? ' (Pod Identity)'
        : ''
    return result('eks', `Amazon EKS${mode}`, 'The issuer is an EKS cluster OIDC endpoint.', [
      { label: 'Region', value: m[1] ?? '' },
      { label: 'Cluster OIDC id', value: m[2] ?? '' },
    ])
  }
  if (aud.includes('pods.eks.amazonaws.com'))
    return result(
      'eks',
      'Amazon EKS (Pod Identity)',
      'The audience pods.eks.amazonaws.com is used only by EKS Pod Identity.',
    )
  m = GKE.exec(iss)
  if (m) {
    const pool = aud.find((a) => /\.svc\.id\.goog$/.test(a))
    return result('gke', 'Google Kubernetes Engine', 'The issuer is a GKE cluster URL.', [
      { label: 'Project', value: m[1] ?? '' },
      { label: 'Location', value: m[2] ?? '' },
      { label: 'Cluster', value: m[3] ?? '' },
      { label: 'Workload identity pool', value: pool ?? `${m[1] ?? ''}.svc.id.goog (if workload identity is on)` },
    ])
  }
  m = AKS.exec(iss)
  if (m) {
    const details = m[1]
      ? [
          { label: 'Region', value: m[1] },
          { label: 'Tenant', value: m[2] ?? '' },
          { label: 'Cluster', value: m[3] ?? '' },
        ]
      : [{ label: 'Cluster', value: m[4] ?? '' }]
    const slash =
      m[5] === '/'
        ? 'The trailing slash belongs to the issuer: a federated credential must repeat it exactly.'
        : 'This issuer lacks the trailing slash that AKS issuers have, so a federated credential copied from it will not match.'
    const wi = aud.includes('api://AzureADTokenExchange') ? ' workload identity' : ''
    return result('aks', `Azure Kubernetes Service${wi}`, `The issuer is an AKS OIDC issuer. ${slash}`, details)
  }
  if (iss === 'k3s' || aud.includes('k3s'))
    return result(
      'k3s',
      'k3s',
      iss === 'k3s' ? 'Older k3s releases used the issuer "k3s".' : 'k3s adds the audience "k3s" to its API audiences.',
    )
  m = IN_CLUSTER.exec(iss)
  if (m) {
    if (!m[1]) {
      const openshiftHint =
        (c.namespace ?? '').startsWith('openshift-') || (c.secret?.name ?? '').includes('-dockercfg-')
      if (openshiftHint)
        return result(
          'openshift',
          'Red Hat OpenShift',
          'OpenShift uses https://kubernetes.default.svc as its default issuer, and the openshift- namespace or dockercfg Secret binding is OpenShift’s own.',
        )
      return result(
        'ambiguous',
        'Ambiguous issuer',
        'https://kubernetes.default.svc is the OpenShift default, but any cluster can be configured with it; nothing else in the token tells them apart.',
        [],
        ['OpenShift', 'any self-managed cluster with this --service-account-issuer'],
      )
    }
    if (aud.length === 1 && aud[0] === iss) {
      return result(
        'kubeadm',
        'kubeadm or kind',
        `kubeadm (and kind, which uses it) sets the issuer to https://kubernetes.default.svc.<dnsDomain> and the API audience to the issuer; here the DNS domain is ${m[1]}.`,
      )
    }
    return result(
      'ambiguous',
      'Ambiguous issuer',
      'The kubeadm-style issuer is also the k3s default, and the audience does not settle it.',
      [],
      ['kubeadm or kind', 'k3s with a custom audience', 'another distribution following kubeadm'],
    )
  }
  if (iss === LEGACY_ISSUER) {
    if (c.shape === 'bound' && aud.includes('kubernetes.default.svc')) {
      return result(
        'minikube',
        'minikube (older releases)',
        'A bound token with the legacy issuer and the audience kubernetes.default.svc matches tokens from older minikube releases; other early clusters may look the same.',
      )
    }
    return result(
      'ambiguous',
      'Any cluster',
      'kubernetes/serviceaccount is the fixed issuer of legacy tokens in every cluster, so it names no provider.',
      [],
      ['any Kubernetes cluster'],
    )
  }
  return result(
    'unknown',
    'Not recognised',
    c.iss ? 'The issuer matches none of the patterns this page knows.' : 'The token has no issuer.',
  )
}

/** Explains one audience of a Kubernetes token (audiences.ts has the catalogue). */
export type AudienceExplainer = (aud: string, c: KubernetesClaims) => AudienceMeaning

/**
 * Recognises the managed service or distribution behind a Kubernetes token from `iss` and `aud`
 * alone, and explains each audience with `explain`. Where the issuer is shared, it answers
 * `ambiguous` and lists the candidates rather than guessing. Without `explain`, every audience
 * reads as the API server's: right for a token that needsExtraInsights() says needs no catalogue.
 */
export function recognizeProviderWith(c: KubernetesClaims, explain?: AudienceExplainer): ProviderRecognition {
  return {
    ...byIssuer(c),
    audiences: c.aud.map((a) => (explain ? explain(a, c) : { audience: a, ...API_SERVER_AUDIENCE })),
  }
}

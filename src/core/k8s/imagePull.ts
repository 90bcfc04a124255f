// Image-pull tokens (KEP-4412): the kubelet requests a pod-bound token with a credential
// provider's audience and hands it to the provider plugin in a CredentialProviderRequest
// (kubelet pkg/apis/credentialprovider/v1/types.go at 63b32497).
import { explainAudience } from './audiences.ts'
import type { KubernetesClaims } from './claims.ts'

export interface ImagePullReading {
  /** True when the token came in a CredentialProviderRequest; otherwise only its audience suggests it. */
  certain: boolean
  audience: string
  /** What the token is for. */
  explanation: string
  /** The node audience restriction, and how to lift it for this audience. */
  restriction: string
  /** A ClusterRole and binding that let nodes request this audience for this service account. */
  rbac: string
}

/**
 * Reads a pod-bound token as an image-pull token: for certain when it came in a
 * CredentialProviderRequest, or when its one audience is a registry's or AKS's identity binding
 * and it was not extended (extension needs API server audiences). Undefined otherwise: an IRSA or
 * workload identity token cannot be told apart by its claims.
 */
export function imagePullReading(c: KubernetesClaims, fromCredentialProvider = false): ImagePullReading | undefined {
  const audience = c.aud[0]
  if (!c.pod || audience === undefined || c.aud.length !== 1) return undefined
  const target = explainAudience(audience, c).target
  const likely = c.warnafter === undefined && (target === 'registry' || target === 'aks-identity-binding')
  if (!fromCredentialProvider && !likely) return undefined
  const sa = c.serviceAccount.name ?? '<service-account>'
  return {
    certain: fromCredentialProvider,
    audience,
    explanation: `${fromCredentialProvider ? 'A' : 'Probably a'}n image-pull token: the kubelet requested it for pod ${c.pod.name ?? '?'} with the audience its credential provider is configured with (tokenAttributes.serviceAccountTokenAudience), and passed it to the provider plugin, which exchanges it for registry credentials so that the pod pulls images with its own identity rather than the node's (KubeletServiceAccountTokenForCredentialProviders, alpha 1.33, beta and on by default since 1.34). It is bound to the pod and is never extended.`,
    restriction:
      'With ServiceAccountNodeAudienceRestriction (beta since 1.32; on by default from 1.33, some sources say 1.32), a node may request only the API server’s audience, the audiences of the pod’s projected service account token volumes and those of the CSI drivers it uses. Any other audience, such as a registry’s, must be granted to the nodes with the RBAC verb request-serviceaccounts-token-audience, on the audience as the resource and the service account as the resource name; otherwise the request fails with "audience … not found in pod spec volume, system:node:<node> is not authorized to request tokens for this audience".',
    rbac: [
      'apiVersion: rbac.authorization.k8s.io/v1',
      'kind: ClusterRole',
      'metadata:',
      '  name: kubelet-image-pull-audience',
      'rules:',
      '- verbs: ["request-serviceaccounts-token-audience"]',
      '  apiGroups: [""]',
      // JSON strings are YAML strings: no value from the token can break out of them.
      `  resources: [${JSON.stringify(audience)}]`,
      `  resourceNames: [${JSON.stringify(sa)}]`,
      '---',
      'apiVersion: rbac.authorization.k8s.io/v1',
      'kind: ClusterRoleBinding',
      'metadata:',
      '  name: kubelet-image-pull-audience',
      'roleRef:',
      '  apiGroup: rbac.authorization.k8s.io',
      '  kind: ClusterRole',
      '  name: kubelet-image-pull-audience',
      'subjects:',
      '- apiGroup: rbac.authorization.k8s.io',
      '  kind: Group',
      '  name: system:nodes',
    ].join('\n'),
  }
}

import type { ClaimInfo } from '../analysis/claimInfo.ts'
import { K8S } from '../diagnostics/specRefs.ts'

type Entry = Omit<ClaimInfo, 'origin'>

const ref = (object: string, what: string, since: string, extra = ''): Entry => ({
  title: `Bound ${object} ${what}`,
  description:
    what === 'name'
      ? `The name of the ${object} this token is bound to, written by the API server when the token was requested.${extra}`
      : `The uid of the ${object} this token is bound to. The API server compares it with the live object on every request, so a recreated ${object} with the same name does not revive the token.${extra}`,
  valueType: 'string',
  since,
  spec: K8S.claims,
})

const LEGACY = 'Kubernetes 1.0 (tokens controller); no longer generated automatically since 1.24'
const BOUND = 'Kubernetes 1.12 (TokenRequest, beta; alpha in 1.10)'
const POD_NODE = 'Kubernetes 1.30 (ServiceAccountTokenPodNodeInfo beta; alpha 1.29, GA 1.32)'
const NODE_BOUND = 'Kubernetes 1.31 (ServiceAccountTokenNodeBinding beta; alpha 1.29, GA 1.33)'
const NODE_NOTE =
  ' On a pod-bound token it records the node the pod was scheduled to; on a node-bound token it is the binding itself.'

const ENTRIES: Record<string, Entry> = {
  '/kubernetes.io~1serviceaccount~1namespace': {
    title: 'Namespace (legacy token)',
    description:
      'The namespace of the service account. The API server checks it against sub and uses it to find the Secret and the account.',
    valueType: 'string',
    since: LEGACY,
    spec: K8S.legacy,
  },
  '/kubernetes.io~1serviceaccount~1secret.name': {
    title: 'Secret name (legacy token)',
    description:
      'The Secret of type kubernetes.io/service-account-token that stores this token. The token is valid for as long as that Secret exists and still holds these exact bytes; deleting the Secret revokes it.',
    valueType: 'string',
    since: LEGACY,
    spec: K8S.legacy,
  },
  '/kubernetes.io~1serviceaccount~1service-account.name': {
    title: 'Service account name (legacy token)',
    description:
      'The service account the token authenticates as. Together with the namespace it gives the username system:serviceaccount:<namespace>:<name>.',
    valueType: 'string',
    since: LEGACY,
    spec: K8S.legacy,
  },
  '/kubernetes.io~1serviceaccount~1service-account.uid': {
    title: 'Service account uid (legacy token)',
    description:
      'The uid of the service account when the Secret was filled. If the account is deleted and recreated under the same name, its uid changes and the token stops working.',
    valueType: 'string',
    since: LEGACY,
    spec: K8S.legacy,
  },
  '/kubernetes.io': {
    title: 'Kubernetes claims',
    description:
      'The private claims of a bound (TokenRequest) service account token: who it is for and what object, if any, it is bound to.',
    valueType: 'object',
    since: BOUND,
    spec: K8S.claims,
  },
  '/kubernetes.io/namespace': {
    title: 'Namespace',
    description:
      'The namespace of the service account, and of the bound pod or Secret. The API server looks the account up here on every request.',
    valueType: 'string',
    since: BOUND,
    spec: K8S.claims,
  },
  '/kubernetes.io/serviceaccount': {
    title: 'Service account',
    description: 'The service account this token authenticates as.',
    valueType: 'object',
    since: BOUND,
    spec: K8S.claims,
  },
  '/kubernetes.io/serviceaccount/name': {
    title: 'Service account name',
    description:
      'The account name. The username the API server derives is system:serviceaccount:<namespace>:<name>, taken from here rather than from sub.',
    valueType: 'string',
    since: BOUND,
    spec: K8S.claims,
  },
  '/kubernetes.io/serviceaccount/uid': {
    title: 'Service account uid',
    description:
      'The uid of the account at issuance. A deleted and recreated account gets a new uid, which invalidates every token issued before.',
    valueType: 'string',
    since: BOUND,
    spec: K8S.claims,
  },
  '/kubernetes.io/pod': {
    title: 'Bound pod',
    description: 'The pod this token is bound to: deleting the pod invalidates the token.',
    valueType: 'object',
    since: BOUND,
    spec: K8S.claims,
  },
  '/kubernetes.io/pod/name': ref(
    'pod',
    'name',
    BOUND,
    ' It becomes the user extra authentication.kubernetes.io/pod-name.',
  ),
  '/kubernetes.io/pod/uid': ref(
    'pod',
    'uid',
    BOUND,
    ' It becomes the user extra authentication.kubernetes.io/pod-uid.',
  ),
  '/kubernetes.io/secret': {
    title: 'Bound Secret',
    description: 'The Secret this token is bound to: deleting the Secret invalidates the token.',
    valueType: 'object',
    since: BOUND,
    spec: K8S.claims,
  },
  '/kubernetes.io/secret/name': ref('Secret', 'name', BOUND),
  '/kubernetes.io/secret/uid': ref('Secret', 'uid', BOUND),
  '/kubernetes.io/node': {
    title: 'Node',
    description: 'The node of a node-bound token, or the node a bound pod runs on.',
    valueType: 'object',
    since: `${POD_NODE}; node-bound tokens: ${NODE_BOUND}`,
    spec: K8S.claims,
  },
  '/kubernetes.io/node/name': ref(
    'node',
    'name',
    POD_NODE,
    `${NODE_NOTE} It becomes the user extra authentication.kubernetes.io/node-name.`,
  ),
  '/kubernetes.io/node/uid': ref(
    'node',
    'uid',
    POD_NODE,
    `${NODE_NOTE} It may be absent when the node could not be read at issuance.`,
  ),
  '/kubernetes.io/warnafter': {
    title: 'Warn after',
    description:
      'Set only on the auto-extended token the kubelet mounts into pods: the moment (iat + 3607 s) after which the token is used past its intended hour. The API server still accepts it until exp but records the audit annotation authentication.k8s.io/stale-token, which shows clients that do not reload their token file.',
    valueType: 'NumericDate',
    since:
      'Kubernetes 1.19 (--service-account-extend-token-expiration, kubernetes/kubernetes#89549; on by default since 1.20)',
    spec: K8S.claims,
  },
  '/jti': {
    title: 'Credential id (JWT ID)',
    description:
      'A random UUID per issued token. The API server turns it into the user extra authentication.kubernetes.io/credential-id = JTI=<jti>, and records it when the token is issued, so audit logs can tie each request to the token that made it.',
    valueType: 'string',
    since: 'Kubernetes 1.30 (ServiceAccountTokenJTI beta; alpha 1.29, GA 1.32)',
    spec: K8S.claims,
  },
}

/**
 * What a Kubernetes-specific claim means, by JSON Pointer into the payload: every legacy flat
 * claim, every member of the nested `kubernetes.io` object and `/jti` as the credential id.
 * Returns undefined for any other pointer.
 */
export function kubernetesClaimInfo(pointer: string): ClaimInfo | undefined {
  const entry = Object.hasOwn(ENTRIES, pointer) ? ENTRIES[pointer] : undefined
  return entry ? { ...entry, origin: 'kubernetes' } : undefined
}

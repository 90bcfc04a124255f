import type { KubernetesClaims } from './claims.ts'
import { makeUsername, splitUsername } from './username.ts'

/** One entry of the user "extra" map the API server attaches to the request. */
export interface ExtraField {
  key: string
  value: string
}

/** The user the API server would derive from this token, were it valid (TokenReview's `status.user`). */
export interface KubernetesIdentity {
  /** Undefined when neither the claims nor sub name an account. */
  username?: string
  uid?: string
  groups: string[]
  extra: ExtraField[]
  /** Where the username came from: the Kubernetes claims, or only `sub` when the claims lack it. */
  source: 'claims' | 'sub' | 'none'
  /** Why sub does not parse as a service account username, when it does not. */
  subProblem?: string
  /** Extra fields that depend on a feature gate being on in the cluster. */
  gatedExtras: string[]
}

const EXTRA = 'authentication.kubernetes.io/'

/**
 * Derives the username, groups and extra fields as apiserver
 * pkg/authentication/serviceaccount/util.go does (`UserInfo`): username and groups from namespace
 * and account name, pod-name/pod-uid only when both are present, node-name (and node-uid) and the
 * credential id `JTI=<jti>`. `system:authenticated` is added by the authenticator chain.
 */
export function deriveIdentity(c: KubernetesClaims): KubernetesIdentity {
  const split = c.sub === undefined ? undefined : splitUsername(c.sub)
  const fromClaims = c.namespace !== undefined && c.serviceAccount.name !== undefined
  const namespace = fromClaims ? c.namespace : split?.ok ? split.namespace : undefined
  const name = fromClaims ? c.serviceAccount.name : split?.ok ? split.name : undefined
  const identity: KubernetesIdentity = {
    groups: [],
    extra: [],
    source: fromClaims ? 'claims' : namespace !== undefined ? 'sub' : 'none',
    gatedExtras: [],
  }
  if (split && !split.ok) identity.subProblem = split.reason
  if (c.serviceAccount.uid) identity.uid = c.serviceAccount.uid
  if (namespace === undefined || name === undefined) return identity
  identity.username = makeUsername(namespace, name)
  identity.groups = ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated']
  if (c.shape === 'legacy') return identity
  if (c.pod?.name && c.pod.uid) {
    identity.extra.push({ key: `${EXTRA}pod-name`, value: c.pod.name }, { key: `${EXTRA}pod-uid`, value: c.pod.uid })
  }
  // A Secret-bound token also carries a node only in tokens the API server never issues; skip it.
  if (c.node?.name && !c.secret) {
    identity.extra.push({ key: `${EXTRA}node-name`, value: c.node.name })
    if (c.node.uid) identity.extra.push({ key: `${EXTRA}node-uid`, value: c.node.uid })
    identity.gatedExtras.push(
      c.pod
        ? 'node-name/node-uid need ServiceAccountTokenPodNodeInfo (on by default since 1.30)'
        : 'a node-bound token needs ServiceAccountTokenNodeBindingValidation (on by default since 1.30)',
    )
  }
  if (c.jti) {
    identity.extra.push({ key: `${EXTRA}credential-id`, value: `JTI=${c.jti}` })
    identity.gatedExtras.push('credential-id needs ServiceAccountTokenJTI (on by default since 1.30)')
  }
  return identity
}

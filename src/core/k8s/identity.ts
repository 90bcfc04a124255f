import type { KubernetesClaims } from './claims.ts'
import { makeUsername, splitUsername } from './username.ts'
import { attestedGroups, isMergedSpelling } from './webhook.ts'

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
/** apiserver util.go `AttestationAdmissionReviewAPIGroupsKey`. */
const ATTESTATION_EXTRA = 'attestation.authentication.kubernetes.io/admissionReviewAPIGroups'

/**
 * Derives the username, groups and extra fields as apiserver
 * pkg/authentication/serviceaccount/util.go does (`UserInfo`): username and groups from namespace
 * and account name, pod-name/pod-uid only when both are present, node-name (and node-uid), the
 * credential id `JTI=<jti>`, and for webhook-bound tokens the configuration's name and uid (both
 * or neither) and the attested API groups. `system:authenticated` is added by the authenticator
 * chain. The webhook extras come only from the merged lowercase names: the API server matches
 * claim names case-sensitively (go-jose's JSON fork), so it never reads the KEP's camelCase.
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
  // The API server reads claims case-sensitively (go-jose's JSON): only the merged names count.
  for (const w of c.webhooks.filter(isMergedSpelling)) {
    if (!w.ref.name || !w.ref.uid) continue
    const key = `${EXTRA}${w.kind}webhookconfiguration`
    identity.extra.push({ key: `${key}-name`, value: w.ref.name }, { key: `${key}-uid`, value: w.ref.uid })
  }
  const groups = c.attestations?.member === 'attestations' ? attestedGroups(c) : []
  if (groups.length > 0) identity.extra.push({ key: ATTESTATION_EXTRA, value: groups.join(', ') })
  if (c.webhooks.length > 0)
    identity.gatedExtras.push(
      c.webhooks.some(isMergedSpelling)
        ? 'webhook-bound tokens need APIServerWebhookAuthenticationToken (alpha in 1.37, off by default)'
        : 'the binding and attestations are in the KEP text’s camelCase, which the API server does not read, so it derives no webhook extras',
    )
  return identity
}

/**
 * Starting points for test tokens, in the claim shapes and member order the real issuers write.
 * Kubernetes signs with go-jose, which merges the claims into a Go map and marshals it, so every
 * object's keys come out sorted (the seed tokens in src/test show it); the others follow their
 * providers' documented examples.
 */
import type { TokenKind } from '../analysis/kind.ts'
import type { JsonObject } from '../encoding/json.ts'
import { LEGACY_CLAIMS, LEGACY_ISSUER } from '../k8s/claims.ts'
import { makeUsername } from '../k8s/username.ts'
import { ExpirationExtensionSeconds, WarnOnlyBoundTokenExpirationSeconds } from '../k8s/extension.ts'
import { writeFieldValue, type FieldId, type FieldLayout, type FieldValues, type WriteContext } from './fields.ts'
import { writeJson } from './jsonText.ts'

export type TemplateId =
  'k8s-bound-pod' | 'k8s-legacy' | 'k8s-bound-node' | 'k8s-token-request' | 'oidc-id-token' | 'github-actions' | 'empty'

/** What the user edits: the header and payload JSON texts. A draft is never signed by itself. */
export interface Draft {
  header: string
  payload: string
}

export interface TemplateInfo {
  id: TemplateId
  label: string
  description: string
  /** The kind this app's classifier reads a token made from it as (the `data-kind` hook). */
  kind: TokenKind
  /** The algorithm its issuer uses, offered first. */
  defaultAlg: 'RS256' | 'HS256'
  /** The form's fields, in order. */
  fields: readonly FieldId[]
  layout: FieldLayout
  audienceShape: WriteContext['audienceShape']
  /** Said next to the issuer: who would (not) accept a token made here. */
  issuerNote: string
}

/**
 * The issuer of the Kubernetes templates: kubeadm's default `--service-account-issuer`
 * (https://kubernetes.default.svc.<dnsDomain>, with the default domain cluster.local), which kind
 * uses too. It is the in-cluster name every kubeadm cluster shares, so it points at no real
 * cluster, and its key set is the cluster's own: a token signed here is refused by all of them.
 */
export const KUBERNETES_TEST_ISSUER = 'https://kubernetes.default.svc.cluster.local'
/** OpenID Connect Core's own example issuer (§2, A.2), on a domain reserved for examples. */
export const OIDC_TEST_ISSUER = 'https://server.example.com'
/** GitHub's issuer: a GitHub Actions token means nothing without it, and trust policies match it exactly. */
export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com'

const K8S_NOTE =
  'kubeadm’s default in-cluster issuer, shared by every such cluster: real clusters will not accept this token, since it is signed with a key made here, not the cluster’s.'
const K8S_FIELDS = ['namespace', 'serviceAccount', 'serviceAccountUid', 'audience', 'lifetime'] as const

export const TEMPLATES: readonly TemplateInfo[] = [
  {
    id: 'k8s-bound-pod',
    label: 'Kubernetes: pod token (projected volume)',
    description:
      'What the kubelet mounts at /var/run/secrets/kubernetes.io/serviceaccount/token from 1.30 on: bound to a pod and its node, with jti, auto-extended to one year with warnafter at 1 h 0 min 7 s.',
    kind: 'k8s-bound-pod',
    defaultAlg: 'RS256',
    fields: [...K8S_FIELDS, 'pod', 'podUid', 'node', 'nodeUid', 'warnAfter'],
    layout: 'bound',
    audienceShape: 'array',
    issuerNote: K8S_NOTE,
  },
  {
    id: 'k8s-legacy',
    label: 'Kubernetes: legacy Secret token',
    description:
      'What the token controller writes into a kubernetes.io/service-account-token Secret: flat claims, the fixed issuer kubernetes/serviceaccount, no audience and no times, so it never expires.',
    kind: 'k8s-legacy',
    defaultAlg: 'RS256',
    fields: ['namespace', 'serviceAccount', 'serviceAccountUid', 'secret'],
    layout: 'legacy',
    audienceShape: 'array',
    issuerNote:
      'kubernetes/serviceaccount is the fixed issuer of every legacy token: real clusters will not accept this token, since it is signed with a key made here, not the cluster’s.',
  },
  {
    id: 'k8s-bound-node',
    label: 'Kubernetes: node-bound token',
    description:
      'kubectl create token <account> --bound-object-kind Node --bound-object-name <node> --bound-object-uid <uid> (1.31 and later): valid while that Node exists, for one hour.',
    kind: 'k8s-bound-node',
    defaultAlg: 'RS256',
    fields: [...K8S_FIELDS, 'node', 'nodeUid'],
    layout: 'bound',
    audienceShape: 'array',
    issuerNote: K8S_NOTE,
  },
  {
    id: 'k8s-token-request',
    label: 'Kubernetes: TokenRequest token',
    description:
      'kubectl create token <account>: bound to no object, valid for the requested time (one hour by default), whatever happens to pods.',
    kind: 'k8s-token-request',
    defaultAlg: 'RS256',
    fields: [...K8S_FIELDS],
    layout: 'bound',
    audienceShape: 'array',
    issuerNote: K8S_NOTE,
  },
  {
    id: 'oidc-id-token',
    label: 'OpenID Connect ID token',
    description: 'The claims of an OpenID Connect Core §2 ID token, with the spec’s own example values.',
    kind: 'jwt',
    defaultAlg: 'RS256',
    fields: ['issuer', 'subject', 'audience', 'lifetime', 'nonce'],
    layout: 'plain',
    audienceShape: 'string',
    issuerNote:
      'server.example.com is OpenID Connect’s example issuer, on a domain reserved for examples: no real relying party trusts it.',
  },
  {
    id: 'github-actions',
    label: 'GitHub Actions OIDC token',
    description:
      'What a workflow job gets from the Actions token service, with the claims and the example values of GitHub’s documentation: valid from 10 minutes before iat to 5 minutes after.',
    kind: 'jwt',
    defaultAlg: 'RS256',
    fields: ['repository', 'ref', 'subject', 'audience', 'lifetime'],
    layout: 'plain',
    audienceShape: 'string',
    issuerNote:
      'GitHub’s real issuer, which trust policies match exactly; no cloud provider will accept this token, since it is signed with a key made here, not one of GitHub’s.',
  },
  {
    id: 'empty',
    label: 'Empty',
    description: 'An empty claims set, to write from scratch.',
    kind: 'jwt',
    defaultAlg: 'HS256',
    fields: ['issuer', 'subject', 'audience', 'lifetime'],
    layout: 'plain',
    audienceShape: 'string',
    issuerNote: 'No issuer is set: write the one the verifier under test expects.',
  },
]

/** The template's description, by id. */
export function templateInfo(id: TemplateId): TemplateInfo {
  return TEMPLATES.find((t) => t.id === id) as TemplateInfo
}

/** The write context of a template's fields at `now` (seconds). */
export function fieldContext(id: TemplateId, now: number): WriteContext {
  const t = templateInfo(id)
  return { now, layout: t.layout, audienceShape: t.audienceShape }
}

export interface TemplateContext {
  /** Now in seconds since the epoch: iat, nbf, exp and warnafter are computed from it. */
  now: number
  /** Makes the uids and jti (Kubernetes uses random UUIDs); defaults to `crypto.randomUUID`. */
  newId?: () => string
  /** Field values that replace the template's defaults. */
  values?: FieldValues
}

const ref = (name: string, uid: string) => ({ name, uid })

function boundClaims(now: number, id: () => string, lifetime: number, extra: JsonObject): JsonObject {
  const iss = KUBERNETES_TEST_ISSUER
  // Keys sorted, as go-jose's map marshalling writes them (claims.go Claims(), serviceaccount jwt.go).
  return {
    aud: [iss],
    exp: now + lifetime,
    iat: now,
    iss,
    jti: id(),
    'kubernetes.io': {
      namespace: 'default',
      ...extra,
      serviceaccount: ref('default', id()),
    },
    nbf: now,
    sub: makeUsername('default', 'default'),
  }
}

function payloadFor(template: TemplateId, now: number, id: () => string): JsonObject {
  switch (template) {
    case 'k8s-bound-pod': {
      // The kubelet asks for 3607 s; the API server extends that to a year and marks warnafter.
      const claims = boundClaims(now, id, ExpirationExtensionSeconds, {
        node: ref('example-node', id()),
        pod: ref('example-pod', id()),
      })
      const k = claims['kubernetes.io'] as JsonObject
      return { ...claims, 'kubernetes.io': { ...k, warnafter: now + WarnOnlyBoundTokenExpirationSeconds } }
    }
    case 'k8s-bound-node':
      return boundClaims(now, id, 3600, { node: ref('example-node', id()) })
    case 'k8s-token-request':
      return boundClaims(now, id, 3600, {})
    case 'k8s-legacy':
      // legacy.go LegacyClaims(): no aud, exp, iat, nbf or jti.
      return {
        iss: LEGACY_ISSUER,
        [LEGACY_CLAIMS.namespace]: 'default',
        [LEGACY_CLAIMS.secretName]: 'default-token-abcde',
        [LEGACY_CLAIMS.serviceAccountName]: 'default',
        [LEGACY_CLAIMS.serviceAccountUid]: id(),
        sub: makeUsername('default', 'default'),
      }
    case 'oidc-id-token':
      // OpenID Connect Core 1.0 §2 and Appendix A.2, in that order.
      return {
        iss: OIDC_TEST_ISSUER,
        sub: '248289761001',
        aud: 's6BhdRkqt3',
        nonce: 'n-0S6_WzA2Mj',
        exp: now + 3600,
        iat: now,
        auth_time: now,
      }
    case 'github-actions': {
      // The order and spacing of times of GitHub's documented example token
      // (docs.github.com, "About security hardening with OpenID Connect").
      const sha = '0123456789abcdef0123456789abcdef01234567'
      return {
        jti: id(),
        sub: 'repo:octo-org/octo-repo:ref:refs/heads/main',
        aud: 'https://github.com/octo-org',
        ref: 'refs/heads/main',
        sha,
        repository: 'octo-org/octo-repo',
        repository_owner: 'octo-org',
        actor_id: '12',
        repository_visibility: 'private',
        repository_id: '74',
        repository_owner_id: '65',
        run_id: '1',
        run_number: '1',
        run_attempt: '1',
        runner_environment: 'github-hosted',
        actor: 'octocat',
        workflow: 'CI',
        head_ref: '',
        base_ref: '',
        event_name: 'push',
        ref_type: 'branch',
        job_workflow_ref: 'octo-org/octo-repo/.github/workflows/ci.yml@refs/heads/main',
        iss: GITHUB_ACTIONS_ISSUER,
        nbf: now - 600,
        exp: now + 300,
        iat: now,
      }
    }
    case 'empty':
      return {}
  }
}

function headerFor(template: TemplateId): JsonObject {
  // Kubernetes writes {"alg","kid"} and no typ (serviceaccount jwt.go); the kid is added when signing.
  if (template.startsWith('k8s-')) return { alg: 'RS256' }
  if (template === 'github-actions') return { typ: 'JWT', alg: 'RS256' }
  if (template === 'empty') return { alg: 'HS256', typ: 'JWT' }
  return { alg: 'RS256', typ: 'JWT' }
}

const defaultId = () => globalThis.crypto.randomUUID()

/** A template's header and claims at `ctx.now`, with `ctx.values` written over the defaults. */
export function templateDraft(id: TemplateId, ctx: TemplateContext): Draft {
  const now = Math.floor(ctx.now)
  let payload = payloadFor(id, now, ctx.newId ?? defaultId)
  const write = fieldContext(id, now)
  for (const [field, value] of Object.entries(ctx.values ?? {}) as [FieldId, never][])
    payload = writeFieldValue(payload, field, value, write)
  const none = { impreciseNumbers: [] }
  return { header: writeJson(headerFor(id), none), payload: writeJson(payload, none) }
}

import type { Analysis } from '../analysis/analyze.ts'
import type { TokenKind } from '../analysis/kind.ts'
import type { JsonObject } from '../encoding/json.ts'
import { audiences, readKubernetesClaims, type KubernetesClaims, type ObjectRef } from '../k8s/claims.ts'
import { deriveIdentity } from '../k8s/identity.ts'
import { recognizeProviderWith } from '../k8s/issuerProvider.ts'
import { PROVIDER_NAMES } from '../knowledge/names.ts'
import { extensionOf, warnAfter } from '../k8s/extension.ts'
import { lifetime, validityAt, type Lifetime, type ValidityState } from '../time/validity.ts'

/** Who a token says its bearer is, the way the party that checks it would see it. */
export type SideIdentity =
  /** The user the Kubernetes API server derives (apiserver serviceaccount/util.go). */
  | { kind: 'kubernetes'; username: string; uid?: string; groups: string[]; source: 'claims' | 'sub' }
  /** Any other token: the subject, which only means something together with its issuer. */
  | { kind: 'subject'; sub: string; iss?: string }
  | { kind: 'none' }

/** The service or distribution behind a token, as far as its claims tell. */
export interface SideProvider {
  /** A Kubernetes provider id (`eks`, `kubeadm`, `ambiguous`, …) or an issuer provider (`google`, …). */
  id: string
  label: string
  /** False for `ambiguous` and `unknown`: nothing is claimed, so nothing can have changed. */
  recognised: boolean
}

export interface KeyFacts {
  alg?: string
  /** An empty kid counts as none: the API server then tries every key either way. */
  kid?: string
}

export interface LifetimeFacts {
  /** exp − iat (or exp − nbf); undefined without exp or without a start. */
  seconds?: number
  expires: boolean
  /** The kubelet's auto-extended token: one year, with warnafter at 3607 s. */
  extended: boolean
  /** warnafter − iat, when the token carries both. */
  warnAfterSeconds?: number
}

/** The objects a Kubernetes token is tied to; the API server checks each of them exists. */
export interface Bindings {
  serviceaccount?: ObjectRef
  pod?: ObjectRef
  node?: ObjectRef
  secret?: ObjectRef
}

/** How far a side could be read. */
export type SideStatus = 'ok' | 'empty' | 'no-claims' | 'unreadable'

/** One side of a comparison: the analysis and what the notes compare. */
export interface CompareSide {
  analysis: Analysis
  status: SideStatus
  kind: TokenKind
  header?: JsonObject
  payload?: JsonObject
  kubernetes?: KubernetesClaims
  identity: SideIdentity
  provider?: SideProvider
  key: KeyFacts
  issuer?: string
  /** Undefined when the token has no `aud`. */
  audiences?: string[]
  lifetime: LifetimeFacts
  bindings: Bindings
  /** Undefined without claims. */
  validity?: ValidityState
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

function statusOf(a: Analysis): SideStatus {
  // Text in which no token was found is unreadable, not empty: the user did paste something.
  if (a.input.trim() === '') return 'empty'
  if (a.decoded.payload.kind === 'claims') return 'ok'
  return a.decoded.header ? 'no-claims' : 'unreadable'
}

function identityOf(payload: JsonObject, k8s: KubernetesClaims | undefined): SideIdentity {
  if (k8s) {
    const id = deriveIdentity(k8s)
    if (id.username !== undefined && id.source !== 'none') {
      const out: SideIdentity = { kind: 'kubernetes', username: id.username, groups: id.groups, source: id.source }
      if (id.uid !== undefined) out.uid = id.uid
      return out
    }
  }
  const sub = str(payload.sub)
  if (sub === undefined) return { kind: 'none' }
  const iss = str(payload.iss)
  return iss === undefined ? { kind: 'subject', sub } : { kind: 'subject', sub, iss }
}

function providerOf(a: Analysis, k8s: KubernetesClaims | undefined): SideProvider {
  if (k8s) {
    // By its issuer: the audience catalogue is not needed for its name.
    const p = recognizeProviderWith(k8s)
    return { id: p.provider, label: p.label, recognised: p.provider !== 'ambiguous' && p.provider !== 'unknown' }
  }
  const id = a.issuerProviders[0]
  return id
    ? { id, label: PROVIDER_NAMES[id], recognised: true }
    : { id: 'unknown', label: 'Not recognised', recognised: false }
}

function bindingsOf(k8s: KubernetesClaims | undefined): Bindings {
  if (!k8s) return {}
  const out: Bindings = { serviceaccount: k8s.serviceAccount }
  // A legacy token lives as long as its Secret, which it names but without a uid.
  if (k8s.shape === 'legacy') {
    if (k8s.secretName !== undefined) out.secret = { name: k8s.secretName }
    return out
  }
  if (k8s.pod) out.pod = k8s.pod
  if (k8s.node) out.node = k8s.node
  if (k8s.secret) out.secret = k8s.secret
  return out
}

function lifetimeOf(payload: JsonObject): LifetimeFacts {
  const life: Lifetime | undefined = lifetime(payload)
  const out: LifetimeFacts = {
    expires: typeof payload.exp === 'number' && Number.isFinite(payload.exp),
    extended: extensionOf(payload) !== undefined,
  }
  if (life) out.seconds = life.seconds
  const warn = warnAfter(payload)
  const iat = payload.iat
  if (warn !== undefined && typeof iat === 'number' && Number.isFinite(iat)) out.warnAfterSeconds = warn - iat
  return out
}

/** Reads what the notes compare from one analysed side. `now` and `leeway` are in seconds. */
export function describeSide(a: Analysis, now: number, leeway: number): CompareSide {
  const status = statusOf(a)
  const header = a.decoded.header?.value
  const key: KeyFacts = {}
  const alg = str(header?.alg)
  const kid = str(header?.kid)
  if (alg !== undefined) key.alg = alg
  if (kid !== undefined && kid !== '') key.kid = kid
  const side: CompareSide = {
    analysis: a,
    status,
    kind: a.kind,
    identity: { kind: 'none' },
    key,
    lifetime: { expires: false, extended: false },
    bindings: {},
  }
  if (header) side.header = header
  if (a.decoded.payload.kind !== 'claims') return side
  const payload = a.decoded.payload.json.value
  // Only a token the classifier read as Kubernetes gets the Kubernetes view (a JWE or a broken
  // token with such claims is not one the API server would take).
  const k8s = a.kind.startsWith('k8s-') ? readKubernetesClaims(payload) : undefined
  side.payload = payload
  if (k8s) side.kubernetes = k8s
  side.identity = identityOf(payload, k8s)
  side.provider = providerOf(a, k8s)
  const iss = str(payload.iss)
  if (iss !== undefined) side.issuer = iss
  if (payload.aud !== undefined) side.audiences = audiences(payload)
  side.lifetime = lifetimeOf(payload)
  side.bindings = bindingsOf(k8s)
  side.validity = validityAt(payload, now, leeway, warnAfter(payload))
  return side
}

/** A short name for an identity, e.g. `system:serviceaccount:default:default`, or `sub "x" from https://…`. */
export function identityLabel(i: SideIdentity): string {
  if (i.kind === 'kubernetes') return i.username
  if (i.kind === 'subject') return i.iss === undefined ? `sub "${i.sub}"` : `sub "${i.sub}" from ${i.iss}`
  return 'no identity'
}

/** Whether both sides name the same principal: the same username, or the same sub from the same issuer. */
export function sameIdentity(a: SideIdentity, b: SideIdentity): boolean {
  if (a.kind === 'kubernetes' && b.kind === 'kubernetes') return a.username === b.username
  if (a.kind === 'subject' && b.kind === 'subject') return a.sub === b.sub && a.iss === b.iss
  return false
}

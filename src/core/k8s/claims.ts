import { isJsonObject, type JsonObject, type JsonValue } from '../encoding/json.ts'

/** The flat claims of a legacy (Secret-based) token, k/k pkg/serviceaccount/legacy.go. */
export const LEGACY_PREFIX = 'kubernetes.io/serviceaccount/'
export const LEGACY_CLAIMS = {
  namespace: `${LEGACY_PREFIX}namespace`,
  secretName: `${LEGACY_PREFIX}secret.name`,
  serviceAccountName: `${LEGACY_PREFIX}service-account.name`,
  serviceAccountUid: `${LEGACY_PREFIX}service-account.uid`,
} as const

/** The issuer the kube-controller-manager writes into legacy tokens (legacy.go `LegacyIssuer`). */
export const LEGACY_ISSUER = 'kubernetes/serviceaccount'

/**
 * Webhook configuration bindings (KEP-6060, 1.37 alpha): the names the merged code writes (k/k PR
 * #140113), then the KEP text's camelCase, which verifiers written from the KEP expect.
 */
export const WEBHOOK_MEMBERS = {
  validatingwebhookconfiguration: 'validating',
  mutatingwebhookconfiguration: 'mutating',
  validatingWebhookConfiguration: 'validating',
  mutatingWebhookConfiguration: 'mutating',
} as const
/** Where a webhook-bound token keeps its attestations: merged name first, then the KEP's. */
export const ATTESTATION_MEMBERS = ['attestations', 'attestationClaims'] as const
/** Members of the nested `kubernetes.io` object that this version understands. */
export const KNOWN_NESTED: readonly string[] = [
  'namespace',
  'serviceaccount',
  'pod',
  'secret',
  'node',
  'warnafter',
  ...Object.keys(WEBHOOK_MEMBERS),
  ...ATTESTATION_MEMBERS,
]
const BINDABLE = ['pod', 'secret', 'node'] as const
export type BoundObjectKind = (typeof BINDABLE)[number]

/** A binding to a ValidatingWebhookConfiguration or MutatingWebhookConfiguration. */
export interface WebhookBinding {
  kind: 'validating' | 'mutating'
  ref: ObjectRef
  /** The member name as written, which tells the merged spelling from the KEP's. */
  member: keyof typeof WEBHOOK_MEMBERS
}

/** A `{name, uid}` reference as the API server writes it (claims.go `ref`). */
export interface ObjectRef {
  name?: string
  uid?: string
}

/** What a Kubernetes service account token says about itself, read leniently from the payload. */
export interface KubernetesClaims {
  shape: 'legacy' | 'bound'
  /** Legacy flat claims were also present next to a nested object (or the other way round). */
  mixed: boolean
  namespace?: string
  serviceAccount: ObjectRef
  /** Legacy only: the Secret that stores the token. */
  secretName?: string
  pod?: ObjectRef
  secret?: ObjectRef
  node?: ObjectRef
  /** Webhook configuration bindings, in the order above; more than one is a conflict. */
  webhooks: WebhookBinding[]
  /** The attestations object as written (values read leniently), and its member name. */
  attestations?: { member: (typeof ATTESTATION_MEMBERS)[number]; value: JsonObject }
  /** Object references under `kubernetes.io` of kinds this version does not know, by member name. */
  otherRefs: string[]
  warnafter?: number
  sub?: string
  jti?: string
  iss?: string
  aud: string[]
  exp?: number
  iat?: number
  nbf?: number
}

const str = (v: JsonValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined)
const num = (v: JsonValue | undefined): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined

function readRef(v: JsonValue | undefined): ObjectRef | undefined {
  if (!isJsonObject(v)) return undefined
  const ref: ObjectRef = {}
  const name = str(v.name)
  const uid = str(v.uid)
  if (name !== undefined) ref.name = name
  if (uid !== undefined) ref.uid = uid
  return ref
}

/** The audience as a list, whether the token holds one string or an array (RFC 7519 §4.1.3). */
export function audiences(payload: JsonObject): string[] {
  const aud = payload.aud
  if (typeof aud === 'string') return [aud]
  return Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : []
}

// By payload: the page reads the Kubernetes claims several times per analysis, and a payload of
// 50,000 claims made a 50,000-name array each time.
const legacyFound = new WeakMap<JsonObject, boolean>()

function hasLegacyClaims(payload: JsonObject): boolean {
  let found = legacyFound.get(payload)
  if (found === undefined) {
    found = false
    for (const k in payload) {
      if (k.startsWith(LEGACY_PREFIX) && Object.hasOwn(payload, k)) {
        found = true
        break
      }
    }
    legacyFound.set(payload, found)
  }
  return found
}

function nestedObject(payload: JsonObject): JsonObject | undefined {
  const k = payload['kubernetes.io']
  if (!isJsonObject(k)) return undefined
  // An object that names no namespace, account or bound object is someone else's use of the key.
  return ['namespace', 'serviceaccount', ...BINDABLE].some((m) => m in k) ? k : undefined
}

/**
 * Reads the Kubernetes-specific claims of a payload by shape: a nested `kubernetes.io` object
 * means a bound (TokenRequest) token, flat `kubernetes.io/serviceaccount/*` claims a legacy one.
 * The issuer is deliberately ignored, since early bound tokens used the legacy issuer too.
 * Returns undefined when the payload has neither shape.
 */
export function readKubernetesClaims(payload: JsonObject): KubernetesClaims | undefined {
  // Read once per payload: classification, each check module and the panels all ask, and a
  // crafted token can bind 20,000 objects, each looked through on every read.
  const known = readClaims.get(payload)
  if (known !== undefined) return known ?? undefined
  const claims = readClaimsOnce(payload)
  readClaims.set(payload, claims ?? null)
  return claims
}

const readClaims = new WeakMap<JsonObject, KubernetesClaims | null>()

function readClaimsOnce(payload: JsonObject): KubernetesClaims | undefined {
  const nested = nestedObject(payload)
  const legacy = hasLegacyClaims(payload)
  if (!nested && !legacy) return undefined
  const common = {
    mixed: Boolean(nested && legacy),
    otherRefs: [] as string[],
    webhooks: [] as WebhookBinding[],
    aud: audiences(payload),
    sub: str(payload.sub),
    jti: str(payload.jti),
    iss: str(payload.iss),
    exp: num(payload.exp),
    iat: num(payload.iat),
    nbf: num(payload.nbf),
  }
  if (nested) {
    const claims: KubernetesClaims = { ...common, shape: 'bound', serviceAccount: readRef(nested.serviceaccount) ?? {} }
    const ns = str(nested.namespace)
    if (ns !== undefined) claims.namespace = ns
    for (const kind of BINDABLE) {
      const ref = readRef(nested[kind])
      if (ref) claims[kind] = ref
    }
    const warn = num(nested.warnafter)
    if (warn !== undefined) claims.warnafter = warn
    for (const [member, kind] of Object.entries(WEBHOOK_MEMBERS)) {
      const ref = readRef(nested[member])
      if (ref) claims.webhooks.push({ kind, ref, member: member as WebhookBinding['member'] })
    }
    const member = ATTESTATION_MEMBERS.find((m) => isJsonObject(nested[m]))
    if (member) claims.attestations = { member, value: nested[member] as JsonObject }
    for (const [key, value] of Object.entries(nested)) {
      if (!KNOWN_NESTED.includes(key) && isJsonObject(value)) claims.otherRefs.push(key)
    }
    return claims
  }
  const claims: KubernetesClaims = {
    ...common,
    shape: 'legacy',
    serviceAccount: {},
  }
  const ns = str(payload[LEGACY_CLAIMS.namespace])
  if (ns !== undefined) claims.namespace = ns
  const name = str(payload[LEGACY_CLAIMS.serviceAccountName])
  if (name !== undefined) claims.serviceAccount.name = name
  const uid = str(payload[LEGACY_CLAIMS.serviceAccountUid])
  if (uid !== undefined) claims.serviceAccount.uid = uid
  const secretName = str(payload[LEGACY_CLAIMS.secretName])
  if (secretName !== undefined) claims.secretName = secretName
  return claims
}

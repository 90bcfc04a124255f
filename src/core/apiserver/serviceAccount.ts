// The service account authenticators, in the order kube-apiserver runs them
// (k/k pkg/kubeapiserver/authenticator/config.go): the legacy one (issuer
// "kubernetes/serviceaccount", Secret tokens, legacy.go) and the bound one (the
// --service-account-issuer values, claims.go), both built on jwt.go's JWTTokenAuthenticator:
// issuer, key selection and signature, issuer again, audiences, then the validator.
import type { DecodedToken } from '../decode/decodeToken.ts'
import { isJsonObject, type JsonObject, type JsonValue } from '../encoding/json.ts'
import type { KeyMaterial } from '../verify/keyMaterial.ts'
import type { CompactView } from './compact.ts'
import { headerAlgKid } from './compact.ts'
import { goQuoteList, jsonTypeName, structField } from './go.ts'
import { checkServiceAccountSignature, GO_JOSE_CRYPTO_FAILURE, serviceAccountKeys } from './keys.ts'
import { Trace, type AuthnOutcome } from './outcome.ts'
import type { VerdictReason } from './reasons.ts'
import { isNamespaceName, isObjectName, kubectlGet, type KubectlGet } from './shell.ts'
import type { ExtraValue, LiveCheck } from './types.ts'

export const LEGACY_ISSUER = 'kubernetes/serviceaccount'
/** go-jose jwt.DefaultLeeway, used by claims.go for exp, nbf and iat alike. */
export const SA_LEEWAY_SECONDS = 60
export const EXTRA_PREFIX = 'authentication.kubernetes.io/'
export const CREDENTIAL_ID_KEY = `${EXTRA_PREFIX}credential-id`

const ERR_NUMERIC_DATE = 'go-jose/go-jose/jwt: expected number value to unmarshal NumericDate'
const ERR_AUDIENCE = 'go-jose/go-jose/jwt: expected string or array value to unmarshal to Audience'

export interface ServiceAccountContext {
  /** The issuers this authenticator accepts (the chain gives the legacy one [LEGACY_ISSUER]). */
  issuers: string[]
  /** The API audiences (implicit audiences); a TokenReview without spec.audiences requests these. */
  apiAudiences: string[]
  /** --service-account-lookup (legacy tokens only; bound tokens are always looked up). */
  lookup: boolean
}

/** jwt.Claims as go-jose decodes it, or the error json.Unmarshal gives. */
interface PublicClaims {
  iss: string
  sub: string
  jti: string
  aud: string[]
  exp?: number
  nbf?: number
  iat?: number
}

function numericDate(v: JsonValue | undefined): { ok: true; value?: number } | { ok: false } {
  if (v === undefined || v === null) return { ok: true }
  // NumericDate.UnmarshalJSON parses the raw text as a float and truncates it to whole seconds.
  return typeof v === 'number' ? { ok: true, value: Math.trunc(v) } : { ok: false }
}

function stringField(
  claims: JsonObject,
  name: string,
  goField: string,
): { ok: true; value: string } | { ok: false; error: string } {
  const v = structField(claims, name)
  if (v === undefined || v === null) return { ok: true, value: '' }
  if (typeof v === 'string') return { ok: true, value: v }
  return {
    ok: false,
    error: `json: cannot unmarshal ${jsonTypeName(v)} into Go struct field ${goField} of type string`,
  }
}

/** Decodes the registered claims into go-jose's jwt.Claims; an error is what tok.Claims returns. */
export function publicClaims(claims: JsonObject): { ok: true; value: PublicClaims } | { ok: false; error: string } {
  const iss = stringField(claims, 'iss', 'Claims.iss')
  if (!iss.ok) return iss
  const sub = stringField(claims, 'sub', 'Claims.sub')
  if (!sub.ok) return sub
  const jti = stringField(claims, 'jti', 'Claims.jti')
  if (!jti.ok) return jti
  const audRaw = structField(claims, 'aud')
  let aud: string[] = []
  if (audRaw !== undefined) {
    if (typeof audRaw === 'string') aud = [audRaw]
    else if (Array.isArray(audRaw) && audRaw.every((a): a is string => typeof a === 'string')) aud = audRaw
    else return { ok: false, error: ERR_AUDIENCE }
  }
  const out: PublicClaims = { iss: iss.value, sub: sub.value, jti: jti.value, aud }
  for (const name of ['exp', 'nbf', 'iat'] as const) {
    const d = numericDate(structField(claims, name))
    if (!d.ok) return { ok: false, error: ERR_NUMERIC_DATE }
    if (d.value !== undefined) out[name] = d.value
  }
  return { ok: true, value: out }
}

interface Ref {
  name: string
  uid: string
}

interface BoundClaims {
  namespace: string
  serviceaccount: Ref
  pod?: Ref
  secret?: Ref
  node?: Ref
  validatingWebhook?: Ref
  mutatingWebhook?: Ref
  attestationGroups: string[]
  warnafter?: number
}

type Decoded<T> = { ok: true; value: T } | { ok: false; error: string }

function ref(v: JsonValue | undefined, goField: string): Decoded<Ref | undefined> {
  if (v === undefined || v === null) return { ok: true, value: undefined }
  if (!isJsonObject(v))
    return {
      ok: false,
      error: `json: cannot unmarshal ${jsonTypeName(v)} into Go struct field ${goField} of type serviceaccount.ref`,
    }
  const name = stringField(v, 'name', `${goField}.name`)
  if (!name.ok) return name
  const uid = stringField(v, 'uid', `${goField}.uid`)
  if (!uid.ok) return uid
  return { ok: true, value: { name: name.value, uid: uid.value } }
}

/** claims.go privateClaims: the nested `kubernetes.io` object. */
export function boundClaims(claims: JsonObject): Decoded<BoundClaims> {
  const k = structField(claims, 'kubernetes.io')
  const base: BoundClaims = { namespace: '', serviceaccount: { name: '', uid: '' }, attestationGroups: [] }
  if (k === undefined || k === null) return { ok: true, value: base }
  const f = 'privateClaims.kubernetes.io'
  if (!isJsonObject(k))
    return {
      ok: false,
      error: `json: cannot unmarshal ${jsonTypeName(k)} into Go struct field ${f} of type serviceaccount.kubernetes`,
    }
  const ns = stringField(k, 'namespace', `${f}.namespace`)
  if (!ns.ok) return ns
  base.namespace = ns.value
  const sa = ref(structField(k, 'serviceaccount'), `${f}.serviceaccount`)
  if (!sa.ok) return sa
  if (sa.value) base.serviceaccount = sa.value
  const refs = [
    ['pod', 'pod'],
    ['secret', 'secret'],
    ['node', 'node'],
    ['validatingWebhook', 'validatingwebhookconfiguration'],
    ['mutatingWebhook', 'mutatingwebhookconfiguration'],
  ] as const
  for (const [field, json] of refs) {
    const r = ref(structField(k, json), `${f}.${json}`)
    if (!r.ok) return r
    if (r.value) base[field] = r.value
  }
  const warn = numericDate(structField(k, 'warnafter'))
  if (!warn.ok) return { ok: false, error: ERR_NUMERIC_DATE }
  if (warn.value) base.warnafter = warn.value
  const att = structField(k, 'attestations')
  if (isJsonObject(att)) {
    const groups = att.admissionReviewAPIGroups
    if (Array.isArray(groups)) base.attestationGroups = groups.filter((g): g is string => typeof g === 'string')
  }
  return { ok: true, value: base }
}

interface LegacyClaims {
  namespace: string
  secretName: string
  serviceAccountName: string
  serviceAccountUID: string
}

/** legacy.go legacyPrivateClaims: the flat `kubernetes.io/serviceaccount/*` strings. */
export function legacyClaims(claims: JsonObject): Decoded<LegacyClaims> {
  const f = (name: string) =>
    stringField(
      claims,
      `kubernetes.io/serviceaccount/${name}`,
      `legacyPrivateClaims.kubernetes.io/serviceaccount/${name}`,
    )
  const sa = f('service-account.name')
  if (!sa.ok) return sa
  const uid = f('service-account.uid')
  if (!uid.ok) return uid
  const secret = f('secret.name')
  if (!secret.ok) return secret
  const ns = f('namespace')
  if (!ns.ok) return ns
  return {
    ok: true,
    value: {
      namespace: ns.value,
      secretName: secret.value,
      serviceAccountName: sa.value,
      serviceAccountUID: uid.value,
    },
  }
}

/** apiserver serviceaccount.SplitUsername. */
export function splitServiceAccountUsername(username: string): { namespace: string; name: string } | undefined {
  const prefix = 'system:serviceaccount:'
  if (!username.startsWith(prefix)) return undefined
  const parts = username.slice(prefix.length).split(':')
  if (parts.length !== 2) return undefined
  const [namespace = '', name = ''] = parts
  if (!isNamespaceName(namespace)) return undefined
  if (!isObjectName(name)) return undefined
  return { namespace, name }
}

/** `authenticator.Audiences(a).Intersect(b)`: the members of a that b has, in a's order. */
export function intersect(a: readonly string[], b: readonly string[]): string[] {
  return a.filter((x) => b.includes(x))
}

const UID_AND_DELETION = '{.metadata.uid}{" "}{.metadata.deletionTimestamp}'

function live(id: string, what: string, get: KubectlGet): LiveCheck {
  const c = kubectlGet(get)
  return c.ok ? { id, what, command: c.command } : { id, what, refused: c.reason }
}

/** The checks only the cluster can make for a bound token (claims.go validator.Validate). */
export function boundLiveChecks(b: BoundClaims): LiveCheck[] {
  const ns = b.namespace
  const checks: LiveCheck[] = [
    live(
      'serviceaccount',
      `The ServiceAccount ${ns}/${b.serviceaccount.name} exists, its uid is ${b.serviceaccount.uid || '(empty)'}, and it was not deleted more than 60 s ago.`,
      { kind: 'serviceaccount', namespace: ns, name: b.serviceaccount.name, jsonpath: UID_AND_DELETION },
    ),
  ]
  if (b.secret)
    checks.push(
      live(
        'secret',
        `The bound Secret ${ns}/${b.secret.name} exists with uid ${b.secret.uid || '(empty)'} and is not being deleted.`,
        {
          kind: 'secret',
          namespace: ns,
          name: b.secret.name,
          jsonpath: UID_AND_DELETION,
        },
      ),
    )
  if (b.pod)
    checks.push(
      live(
        'pod',
        `The bound Pod ${ns}/${b.pod.name} exists with uid ${b.pod.uid || '(empty)'} and is not being deleted.`,
        {
          kind: 'pod',
          namespace: ns,
          name: b.pod.name,
          jsonpath: UID_AND_DELETION,
        },
      ),
    )
  if (b.node && !b.pod)
    checks.push(
      live(
        'node',
        `The bound Node ${b.node.name} exists with uid ${b.node.uid || '(empty)'} and is not being deleted.`,
        {
          kind: 'node',
          name: b.node.name,
          jsonpath: UID_AND_DELETION,
        },
      ),
    )
  return checks
}

/** The checks only the cluster can make for a legacy Secret token with --service-account-lookup. */
export function legacyLiveChecks(l: LegacyClaims): LiveCheck[] {
  const ns = l.namespace
  return [
    live(
      'legacy-secret',
      `The Secret ${ns}/${l.secretName} exists, is not being deleted, and its data.token is exactly this token.`,
      {
        kind: 'secret',
        namespace: ns,
        name: l.secretName,
        jsonpath: '{.metadata.deletionTimestamp}{"\\n"}{.data.token}',
      },
    ),
    live(
      'legacy-invalid-since',
      `The Secret ${ns}/${l.secretName} has no kubernetes.io/legacy-token-invalid-since label (the cleaner sets it on unused tokens).`,
      {
        kind: 'secret',
        namespace: ns,
        name: l.secretName,
        jsonpath: '{.metadata.labels.kubernetes\\.io/legacy-token-invalid-since}',
      },
    ),
    live(
      'serviceaccount',
      `The ServiceAccount ${ns}/${l.serviceAccountName} exists, is not being deleted, and its uid is ${l.serviceAccountUID}.`,
      { kind: 'serviceaccount', namespace: ns, name: l.serviceAccountName, jsonpath: UID_AND_DELETION },
    ),
  ]
}

/** util.go ServiceAccountInfo.UserInfo: username, uid, the two groups, and the extras in upstream's order. */
export function boundUserInfo(b: BoundClaims, jti: string) {
  const extra: ExtraValue[] = []
  if (b.pod?.name && b.pod.uid)
    extra.push(
      { key: `${EXTRA_PREFIX}pod-name`, values: [b.pod.name] },
      { key: `${EXTRA_PREFIX}pod-uid`, values: [b.pod.uid] },
    )
  if (jti) extra.push({ key: CREDENTIAL_ID_KEY, values: [`JTI=${jti}`] })
  // A node ref on a pod token is only read; on its own it is the bound object (looked up live).
  if (b.node?.name) {
    extra.push({ key: `${EXTRA_PREFIX}node-name`, values: [b.node.name] })
    if (b.node.uid) extra.push({ key: `${EXTRA_PREFIX}node-uid`, values: [b.node.uid] })
  }
  for (const [w, name] of [
    [b.validatingWebhook, 'validatingwebhookconfiguration'],
    [b.mutatingWebhook, 'mutatingwebhookconfiguration'],
  ] as const)
    if (w?.name && w.uid)
      extra.push(
        { key: `${EXTRA_PREFIX}${name}-name`, values: [w.name] },
        { key: `${EXTRA_PREFIX}${name}-uid`, values: [w.uid] },
      )
  if (b.attestationGroups.length)
    extra.push({
      key: 'attestation.authentication.kubernetes.io/admissionReviewAPIGroups',
      values: b.attestationGroups,
    })
  return {
    username: `system:serviceaccount:${b.namespace}:${b.serviceaccount.name}`,
    uid: b.serviceaccount.uid,
    groups: ['system:serviceaccounts', `system:serviceaccounts:${b.namespace}`],
    extra,
  }
}

/** go-jose ValidateWithLeeway in claims.go's order: nbf, exp, iat, each with 60 s. */
function boundTimes(p: PublicClaims, nowSeconds: number, t: Trace): AuthnOutcome | undefined {
  const L = SA_LEEWAY_SECONDS
  const fail = (reason: VerdictReason, error: string, explanation: string): AuthnOutcome => ({
    kind: 'error',
    error,
    reason,
    explanation,
    trace: t.steps,
    signatureVerified: false,
  })
  // nbf and iat fail the same way: more than the leeway after now.
  const notAfterNow = (
    claim: 'nbf' | 'iat',
    reason: VerdictReason,
    error: string,
    absent: string,
  ): AuthnOutcome | undefined => {
    const v = p[claim]
    if (v !== undefined && nowSeconds + L < v) {
      t.add(claim, 'fail', `now + 60 s is before ${claim} ${v}`)
      return fail(reason, error, `${claim} (${v}) is more than 60 s after now.`)
    }
    t.add(claim, v === undefined ? 'not-checked' : 'pass', v === undefined ? absent : `${claim} ${v} ≤ now + 60 s`)
    return undefined
  }
  const notExpired = (): AuthnOutcome | undefined => {
    if (p.exp !== undefined && nowSeconds - L > p.exp) {
      t.add('exp', 'fail', `now − 60 s is after exp ${p.exp}`)
      return fail('SA_EXPIRED', 'service account token has expired', `exp (${p.exp}) passed more than 60 s ago.`)
    }
    t.add(
      'exp',
      p.exp === undefined ? 'not-checked' : 'pass',
      p.exp === undefined ? 'no exp: claims.go does not require one' : `exp ${p.exp} ≥ now − 60 s`,
    )
    return undefined
  }
  return (
    notAfterNow('nbf', 'SA_NOT_YET_VALID', 'service account token is not valid yet', 'no nbf') ??
    notExpired() ??
    notAfterNow('iat', 'SA_ISSUED_IN_FUTURE', 'service account token is issued in the future', 'no iat')
  )
}

/**
 * One run of jwt.go's JWTTokenAuthenticator with the legacy or the bound validator. Never throws.
 * @param nowMs the instant the check is made at, in milliseconds.
 */
export async function authenticateServiceAccount(
  mode: 'legacy' | 'bound',
  view: CompactView,
  decoded: DecodedToken,
  material: KeyMaterial,
  ctx: ServiceAccountContext,
  nowMs: number,
): Promise<AuthnOutcome> {
  const name = mode === 'legacy' ? 'service-account (legacy)' : 'service-account'
  const t = new Trace(name)
  const issuers = ctx.issuers
  if (!view.ok) {
    t.add('form', 'skip', `The token is passed on: ${view.why}.`)
    return { kind: 'skip', trace: t.steps }
  }
  if (!issuers.includes(view.untrustedIssuer)) {
    t.add(
      'issuer',
      'skip',
      `iss ${JSON.stringify(view.untrustedIssuer)} is not among ${issuers.length ? issuers.map((i) => JSON.stringify(i)).join(', ') : '(no issuers)'}: passed on.`,
    )
    return { kind: 'skip', trace: t.steps }
  }
  t.add('issuer', 'pass', `iss ${JSON.stringify(view.untrustedIssuer)} is handled by this authenticator.`)
  if (!view.header) {
    t.add('form', 'skip', 'The header is not a base64url JSON object, so go-jose cannot parse the token: passed on.')
    return { kind: 'skip', trace: t.steps }
  }
  const error = (reason: VerdictReason, err: string, explanation: string, signatureVerified = false): AuthnOutcome => ({
    kind: 'error',
    error: err,
    reason,
    explanation,
    trace: t.steps,
    signatureVerified,
  })

  const { alg, kid } = headerAlgKid(view.header)
  const pub = publicClaims(view.claims)
  const priv = mode === 'legacy' ? legacyClaims(view.claims) : boundClaims(view.claims)
  // tok.Claims verifies the signature and then decodes the claims; a decoding error counts as that key failing.
  const claimsError = !pub.ok ? pub.error : !priv.ok ? priv.error : undefined
  let verified = false
  const { ignored } = serviceAccountKeys(material)
  if (ignored.length)
    t.add(
      'keys',
      'info',
      `${ignored.length} pasted key(s) ignored: --service-account-key-file holds only RSA and ECDSA keys.`,
    )
  const sig = await checkServiceAccountSignature(decoded, material, alg, kid)
  if (sig.state === 'no-keys') {
    // Whatever the cluster's keys are, they are RSA or ECDSA, and go-jose checks nothing else with them.
    if (!/^(RS|PS|ES)(256|384|512)$/.test(alg)) {
      t.add(
        'signature',
        'fail',
        `alg ${JSON.stringify(alg)}: the API server's RSA and ECDSA keys can only check RS, PS and ES signatures.`,
      )
      return error(
        'SA_ALGORITHM',
        kid ? 'invalid signature, no keys found' : GO_JOSE_CRYPTO_FAILURE,
        `No service account key can check ${alg || 'a token without alg'}${kid ? ' (if a configured key had this kid, the message would be go-jose’s “error in cryptographic primitive”)' : ''}.`,
      )
    }
    t.add('signature', 'not-checked', 'No RSA or ECDSA key was pasted, so the signature was not checked.')
  } else if (sig.state === 'failed') {
    const tried = sig.tries.map((x) => `key ${x.index}: ${x.reason}`).join('; ')
    t.add('signature', 'fail', `${kid ? `kid ${JSON.stringify(kid)}` : 'no kid, every key tried'}. ${tried}`)
    return error(
      sig.error === 'invalid signature, no keys found' ? 'SA_NO_KEY_FOR_KID' : 'SA_SIGNATURE_INVALID',
      sig.error,
      sig.error === 'invalid signature, no keys found'
        ? `The token's kid ${JSON.stringify(kid)} is not the key id of any pasted key (ids are derived from the keys), so no key is tried, even one that would verify it.`
        : 'No pasted key verifies the signature.',
    )
  } else {
    verified = true
    t.add(
      'signature',
      'pass',
      `${alg} signature verified with key ${sig.keyIndex}${kid ? ` (its key id is the token's kid)` : ' (no kid: every key tried)'}.`,
    )
  }
  if (claimsError !== undefined) {
    t.add('claims', 'fail', `The claims cannot be decoded: ${claimsError}`)
    return error('SA_CLAIMS_UNREADABLE', claimsError, 'A claim has a type the API server cannot decode.', verified)
  }
  const p = (pub as { ok: true; value: PublicClaims }).value
  const implicit = ctx.apiAudiences
  let tokenAuds = p.aud
  if (tokenAuds.length === 0) {
    t.add(
      'audience',
      'info',
      'The token has no aud: it is taken as meant for the API audiences (audit annotation authentication.k8s.io/legacy-token).',
    )
    tokenAuds = implicit
  }
  const auds = intersect(tokenAuds, implicit)
  if (auds.length === 0 && implicit.length !== 0) {
    t.add(
      'audience',
      'fail',
      `aud ${goQuoteList(tokenAuds)} has nothing in common with the API audiences ${goQuoteList(implicit)}.`,
    )
    return error(
      'SA_AUDIENCE',
      `token audiences ${goQuoteList(tokenAuds)} is invalid for the target audiences ${goQuoteList(implicit)}`,
      `The token's aud does not include any of the API audiences (--api-audiences, or the service account issuers when it is not set).`,
      verified,
    )
  }
  t.add(
    'audience',
    'pass',
    implicit.length
      ? `aud ∩ API audiences = ${goQuoteList(auds)}.`
      : 'No API audiences are configured, so any aud is accepted.',
  )

  const nowSeconds = nowMs / 1000
  const notes: string[] = []
  if (mode === 'legacy') {
    const l = (priv as { ok: true; value: LegacyClaims }).value
    const legacyError = (msg: string) => {
      t.add('legacy-claims', 'fail', msg)
      return error(
        'SA_LEGACY_CLAIMS',
        msg,
        'A legacy Secret token must carry sub and all four kubernetes.io/serviceaccount/* claims.',
        verified,
      )
    }
    if (!p.sub) return legacyError('sub claim is missing')
    if (!l.namespace) return legacyError('namespace claim is missing')
    if (!l.secretName) return legacyError('secretName claim is missing')
    if (!l.serviceAccountName) return legacyError('serviceAccountName claim is missing')
    if (!l.serviceAccountUID) return legacyError('serviceAccountUID claim is missing')
    const split = splitServiceAccountUsername(p.sub)
    if (!split || split.namespace !== l.namespace || split.name !== l.serviceAccountName)
      return legacyError('sub claim is invalid')
    t.add('legacy-claims', 'pass', `sub ${JSON.stringify(p.sub)} matches the namespace and service account claims.`)
    t.add('times', 'info', 'Legacy Secret tokens are not checked for exp, nbf or iat.')
    if (!ctx.lookup) notes.push('--service-account-lookup=false: the Secret and ServiceAccount are not looked up.')
    return {
      kind: 'ok',
      user: {
        username: `system:serviceaccount:${l.namespace}:${l.serviceAccountName}`,
        uid: l.serviceAccountUID,
        groups: ['system:serviceaccounts', `system:serviceaccounts:${l.namespace}`],
        extra: [],
      },
      audiences: auds,
      trace: t.steps,
      liveChecks: ctx.lookup ? legacyLiveChecks(l) : [],
      signatureVerified: verified,
      notes,
    }
  }
  const b = (priv as { ok: true; value: BoundClaims }).value
  const timeFailure = boundTimes(p, nowSeconds, t)
  if (timeFailure) return timeFailure.kind === 'error' ? { ...timeFailure, signatureVerified: verified } : timeFailure
  if (!b.namespace || !b.serviceaccount.name) {
    t.add('serviceaccount', 'fail', 'The kubernetes.io claims name no namespace or service account.')
    return error(
      'SA_CLAIMS_MISSING',
      `serviceaccounts ${JSON.stringify(b.serviceaccount.name)} not found`,
      'A bound token names its service account in kubernetes.io.namespace and kubernetes.io.serviceaccount.name; the lookup of an empty name fails.',
      verified,
    )
  }
  if (b.warnafter !== undefined && nowSeconds > b.warnafter)
    notes.push(
      `Past warnafter by ${Math.floor(nowSeconds) - b.warnafter} s: still accepted, with the audit annotation authentication.k8s.io/stale-token.`,
    )
  const user = boundUserInfo(b, p.jti)
  t.add('user', 'pass', `Username ${user.username} from the kubernetes.io claims (not from sub).`)
  return {
    kind: 'ok',
    user,
    audiences: auds,
    trace: t.steps,
    liveChecks: boundLiveChecks(b),
    signatureVerified: verified,
    notes,
  }
}

// One JWT authenticator of an AuthenticationConfiguration (or of the legacy --oidc-* flags), as
// apiserver plugin/pkg/authenticator/token/oidc/oidc.go AuthenticateToken runs it, with go-oidc
// v2's IDTokenVerifier.Verify inside: issuer, claims decoding, audience, exp (no leeway), nbf
// (one minute), algorithm, signature; then username, groups, uid, extra, required claims, claim
// validation rules and user validation rules, each with upstream's message.
import type { DecodedToken } from '../decode/decodeToken.ts'
import { isJsonObject, type JsonObject, type JsonValue } from '../encoding/json.ts'
import type { KeyMaterial } from '../verify/keyMaterial.ts'
import type { CelEngine, CelProgram, CelResultValue, CelUserInput } from './cel.ts'
import { compactView, headerAlgKid } from './compact.ts'
import {
  decodeBool,
  decodeString,
  decodeStringOrArray,
  GO_ZERO_TIME,
  goQuote,
  goQuoteList,
  goTime,
  jsonTypeName,
  structField,
} from './go.ts'
import { checkJwtSignature } from './keys.ts'
import { Trace, type AuthnOutcome } from './outcome.ts'
import type { VerdictReason } from './reasons.ts'
import type { ExtraValue, JwtAuthenticator, UserInfo } from './types.ts'
import type { CompiledMappings } from './validate.ts'

export const CREDENTIAL_ID_KEY = 'authentication.kubernetes.io/credential-id'
/** go-oidc v2 verify.go: nbf gets one minute; exp gets none; iat is not checked. */
export const JWT_NBF_LEEWAY_SECONDS = 60

export interface JwtContext {
  authenticator: JwtAuthenticator
  compiled: CompiledMappings
  /** Accepted algorithms: all nine with a config file, --oidc-signing-algs with the flags. */
  signingAlgs: string[]
  cel?: CelEngine
  /** True when the configuration holds CEL and no evaluator was given. */
  celPending: boolean
}

/** oidc.go untrustedIssuer: the payload's iss, with Google's legacy issuer coalesced. */
export function untrustedIssuer(token: string): string | undefined {
  const v = compactView(token)
  if (!v.ok) return undefined
  return v.untrustedIssuer === 'accounts.google.com' ? 'https://accounts.google.com' : v.untrustedIssuer
}

type Fail = { ok: false; error: string }

/** go-oidc's idToken struct decoding (case-insensitive struct fields, json.Number times). */
function idTokenFields(
  claims: JsonObject,
): { ok: true; iss: string; aud: string[]; exp?: number; nbf?: number; claimNames: Record<string, string> } | Fail {
  const fail = (e: string): Fail => ({ ok: false, error: `oidc: failed to unmarshal claims: ${e}` })
  const iss = decodeString(structField(claims, 'iss') ?? null)
  if (!iss.ok) return fail(iss.error.replace('Go value', 'Go struct field idToken.iss'))
  const audRaw = structField(claims, 'aud')
  let aud: string[] = []
  if (audRaw !== undefined && audRaw !== null) {
    const a = decodeStringOrArray(audRaw)
    if (!a.ok) return fail(a.error)
    aud = a.value
  }
  const time = (name: string): { ok: true; value?: number } | Fail => {
    const v = structField(claims, name)
    if (v === undefined || v === null) return { ok: true }
    // jsonTime reads a json.Number, which also accepts a string holding a number.
    const n =
      typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(v) ? Number(v) : NaN
    if (Number.isNaN(n))
      return fail(
        typeof v === 'string'
          ? `json: invalid number literal, trying to unmarshal ${goQuote(JSON.stringify(v))} into Number`
          : `json: cannot unmarshal ${jsonTypeName(v)} into Go value of type json.Number`,
      )
    return { ok: true, value: Math.trunc(n) }
  }
  const exp = time('exp')
  if (!exp.ok) return exp
  const nbf = time('nbf')
  if (!nbf.ok) return nbf
  const namesRaw = structField(claims, '_claim_names')
  const claimNames: Record<string, string> = {}
  if (namesRaw !== undefined && namesRaw !== null) {
    if (!isJsonObject(namesRaw))
      return fail(
        `json: cannot unmarshal ${jsonTypeName(namesRaw)} into Go struct field idToken._claim_names of type map[string]string`,
      )
    for (const [k, v] of Object.entries(namesRaw)) {
      const s = decodeString(v)
      if (!s.ok) return fail(s.error)
      claimNames[k] = s.value
    }
  }
  return { ok: true, iss: iss.value, aud, exp: exp.value, nbf: nbf.value, claimNames }
}

/** oidc.go convertCELValueToStringList: "", [] and null are absent; empty strings in a list are dropped. */
export function celStringList(v: CelResultValue): { ok: true; value: string[] } | Fail {
  if (v.type === 'string') return { ok: true, value: v.value ? [v.value] : [] }
  if (v.type === 'null') return { ok: true, value: [] }
  if (v.type === 'list') {
    const out: string[] = []
    for (const item of v.items) {
      if (item.type !== 'string') return { ok: false, error: 'expression must return a string or a list of strings' }
      if (item.value) out.push(item.value)
    }
    return { ok: true, value: out }
  }
  return { ok: false, error: 'expression must return a string or a list of strings' }
}

class Undetermined {
  constructor(
    readonly reason: VerdictReason,
    readonly explanation: string,
  ) {}
}

class Rejection {
  constructor(
    readonly reason: VerdictReason,
    readonly error: string,
    readonly explanation: string,
  ) {}
}

/**
 * A claim a claim mapping names, as upstream's `claims.String` reads it: missing and non-string
 * values reject. `parsing` is upstream's own wording, which differs between username ("claims")
 * and uid ("claim").
 */
function requiredStringClaim(
  claims: JsonObject,
  claim: string,
  reason: VerdictReason,
  parsing: string,
  what: string,
): string {
  const raw = claimValue(claims, claim)
  if (raw === undefined)
    throw new Rejection(
      reason,
      `oidc: ${parsing} ${goQuote(claim)}: claim not present`,
      `The token has no ${JSON.stringify(claim)} claim.`,
    )
  const s = decodeString(raw)
  if (!s.ok)
    throw new Rejection(reason, `oidc: ${parsing} ${goQuote(claim)}: ${s.error}`, `The ${what} claim is not a string.`)
  return s.value
}

function evaluate(
  program: CelProgram | undefined,
  expression: string,
  vars: { claims?: JsonObject; user?: CelUserInput },
  ctx: JwtContext,
  wrap: (celError: string) => string,
  reason: VerdictReason,
  what: string,
): CelResultValue {
  if (!program) {
    throw ctx.celPending
      ? new Undetermined('CEL_ENGINE_NEEDED', `The ${what} is a CEL expression; the CEL evaluator has not been loaded.`)
      : new Undetermined(
          'CEL_NOT_EVALUABLE_OFFLINE',
          `The ${what} ${JSON.stringify(expression)} cannot be compiled offline.`,
        )
  }
  const r = program.evaluate(vars)
  if (!r.ok) {
    if (r.offline)
      throw new Undetermined(
        'CEL_NOT_EVALUABLE_OFFLINE',
        `The ${what} ${JSON.stringify(expression)} cannot be evaluated offline: ${r.error}`,
      )
    throw new Rejection(
      reason,
      wrap(`expression '${expression}' resulted in error: ${r.error}`),
      `The ${what} failed to evaluate.`,
    )
  }
  return r.value
}

const claimValue = (c: JsonObject, name: string): JsonValue | undefined =>
  Object.prototype.hasOwnProperty.call(c, name) ? c[name] : undefined

/**
 * Runs one JWT authenticator. Never throws.
 * @param nowMs the instant of the check, in milliseconds.
 */
export async function authenticateJwt(
  token: string,
  decoded: DecodedToken,
  material: KeyMaterial,
  ctx: JwtContext,
  nowMs: number,
): Promise<AuthnOutcome> {
  const a = ctx.authenticator
  const t = new Trace(`jwt:${a.issuer.url}`)
  const iss = untrustedIssuer(token)
  if (iss === undefined || iss !== a.issuer.url) {
    t.add(
      'issuer',
      'skip',
      iss === undefined
        ? 'Not a compact JWT with a JSON payload: passed on.'
        : `iss ${JSON.stringify(iss)} is not ${JSON.stringify(a.issuer.url)}: passed on.`,
    )
    return { kind: 'skip', trace: t.steps }
  }
  t.add('issuer', 'pass', `iss ${JSON.stringify(iss)} is this authenticator's issuer.url.`)
  let verified = false
  const reject = (reason: VerdictReason, error: string, explanation: string): AuthnOutcome => ({
    kind: 'error',
    error,
    reason,
    explanation,
    trace: t.steps,
    signatureVerified: verified,
  })
  const verifyFail = (reason: VerdictReason, message: string, explanation: string) =>
    reject(reason, `oidc: verify token: ${message}`, explanation)
  const view = compactView(token)
  if (!view.ok)
    return verifyFail('JWT_MALFORMED', `oidc: malformed jwt: ${view.why}`, 'The token is not a well-formed JWS.')
  if (!view.header)
    return verifyFail(
      'JWT_MALFORMED',
      'oidc: malformed jwt: go-jose/go-jose: invalid protected header',
      'The header is not a base64url JSON object.',
    )
  const claims = view.claims
  const id = idTokenFields(claims)
  if (!id.ok) {
    t.add('claims', 'fail', id.error)
    return verifyFail('JWT_CLAIMS_UNREADABLE', id.error, 'A registered claim has a type go-oidc cannot decode.')
  }
  for (const src of Object.values(id.claimNames)) {
    const sources = structField(claims, '_claim_sources')
    if (src === '')
      return verifyFail(
        'JWT_DISTRIBUTED_CLAIMS',
        'oidc: failed to obtain source from claim name',
        'A _claim_names entry names no source.',
      )
    if (!isJsonObject(sources) || !(src in sources))
      return verifyFail(
        'JWT_DISTRIBUTED_CLAIMS',
        'oidc: source does not exist',
        `_claim_sources has no source ${JSON.stringify(src)}.`,
      )
  }
  const audiences = a.issuer.audiences
  if (audiences.length === 1 && !id.aud.includes(audiences[0]!)) {
    t.add('audience', 'fail', `aud ${goQuoteList(id.aud)} does not contain ${goQuote(audiences[0]!)}.`)
    return verifyFail(
      'JWT_AUDIENCE',
      `oidc: expected audience ${goQuote(audiences[0]!)} got ${goQuoteList(id.aud)}`,
      'The token is not issued to the audience in issuer.audiences.',
    )
  }
  const nowSeconds = nowMs / 1000
  if ((id.exp ?? Number.NEGATIVE_INFINITY) < nowSeconds) {
    const when = id.exp === undefined ? GO_ZERO_TIME : goTime(id.exp * 1000)
    t.add(
      'exp',
      'fail',
      id.exp === undefined
        ? 'No exp: go-oidc treats it as expired long ago.'
        : `exp ${id.exp} is before now (no leeway for exp).`,
    )
    return verifyFail(
      'JWT_EXPIRED',
      `oidc: token is expired (Token Expiry: ${when})`,
      'JWT authenticators give exp no leeway.',
    )
  }
  t.add('exp', 'pass', `exp ${id.exp} is not before now (no leeway).`)
  if (id.nbf !== undefined && nowSeconds + JWT_NBF_LEEWAY_SECONDS < id.nbf) {
    t.add('nbf', 'fail', `now + 60 s is before nbf ${id.nbf}.`)
    return verifyFail(
      'JWT_NOT_YET_VALID',
      `oidc: current time ${goTime(nowMs)} before the nbf (not before) time: ${goTime(id.nbf * 1000)}`,
      'nbf is more than a minute ahead.',
    )
  }
  t.add(
    'nbf',
    id.nbf === undefined ? 'not-checked' : 'pass',
    id.nbf === undefined ? 'No nbf.' : `nbf ${id.nbf} ≤ now + 60 s.`,
  )
  t.add('iat', 'not-checked', 'JWT authenticators do not check iat.')
  const { alg, kid } = headerAlgKid(view.header)
  if (!ctx.signingAlgs.includes(alg)) {
    t.add('algorithm', 'fail', `${JSON.stringify(alg)} is not among ${ctx.signingAlgs.join(', ')}.`)
    return verifyFail(
      'JWT_ALGORITHM',
      `oidc: id token signed with unsupported algorithm, expected ${goQuoteList(ctx.signingAlgs)} got ${goQuote(alg)}`,
      'JWT authenticators accept only RS, ES and PS at 256/384/512 (the --oidc-* flags: RS256 unless --oidc-signing-algs says otherwise).',
    )
  }
  t.add('algorithm', 'pass', `${alg} is accepted.`)
  const sig = await checkJwtSignature(decoded, material, kid)
  if (sig.state === 'no-keys') t.add('signature', 'not-checked', 'No key was pasted, so the signature was not checked.')
  else if (sig.state === 'failed') {
    t.add('signature', 'fail', sig.tries.map((x) => `key ${x.index}: ${x.reason}`).join('; ') || 'no key fits')
    return verifyFail(
      'JWT_SIGNATURE_INVALID',
      `failed to verify signature: ${sig.error}`,
      'No pasted key verifies the signature.',
    )
  } else {
    verified = true
    const how = sig.tries.find((x) => x.outcome === 'verified')?.reason ?? 'the signature matches'
    t.add('signature', 'pass', `key ${sig.keyIndex}: ${how}.`)
  }
  if (audiences.length > 1 && !audiences.some((x) => id.aud.includes(x))) {
    t.add('audience', 'fail', `aud ${goQuoteList(id.aud)} has none of ${goQuoteList(audiences)} (MatchAny).`)
    return verifyFail(
      'JWT_AUDIENCE',
      `oidc: expected audience in ${goQuoteList([...audiences].sort())} got ${goQuoteList(id.aud)}`,
      'The token is issued to none of issuer.audiences.',
    )
  }
  t.add('audience', 'pass', `aud ${goQuoteList(id.aud)} matches issuer.audiences ${goQuoteList(audiences)}.`)

  try {
    const user = mapUser(claims, ctx, t)
    return { kind: 'ok', user, audiences: [], trace: t.steps, liveChecks: [], signatureVerified: verified, notes: [] }
  } catch (e) {
    if (e instanceof Rejection) {
      t.add('mapping', 'fail', e.error)
      return reject(e.reason, e.error, e.explanation)
    }
    if (e instanceof Undetermined) {
      t.add('mapping', 'not-checked', e.explanation)
      return { kind: 'undetermined', reason: e.reason, explanation: e.explanation, trace: t.steps }
    }
    const message = e instanceof Error ? e.message : String(e)
    return { kind: 'undetermined', reason: 'INTERNAL', explanation: `Unexpected failure: ${message}`, trace: t.steps }
  }
}

function distributedGroups(claims: JsonObject, groupsClaim: string): void {
  if (claimValue(claims, groupsClaim) !== undefined) return
  const names = claimValue(claims, '_claim_names')
  if (names === undefined) return
  const prefix = 'oidc: could not expand distributed claims: '
  if (!isJsonObject(names) || Object.values(names).some((v) => typeof v !== 'string'))
    throw new Rejection(
      'JWT_DISTRIBUTED_CLAIMS',
      `${prefix}oidc: error parsing distributed claim names: json: cannot unmarshal into map[string]string`,
      'The _claim_names claim is malformed.',
    )
  const sources = claimValue(claims, '_claim_sources')
  if (sources === undefined)
    throw new Rejection(
      'JWT_DISTRIBUTED_CLAIMS',
      `${prefix}oidc: no claim sources`,
      '_claim_names without _claim_sources.',
    )
  const src = names[groupsClaim]
  if (typeof src !== 'string') return
  const ep = isJsonObject(sources) ? sources[src] : undefined
  if (!isJsonObject(ep))
    throw new Rejection(
      'JWT_DISTRIBUTED_CLAIMS',
      `${prefix}id token _claim_names contained a source ${src} missing in _claims_sources`,
      'The distributed groups claim names a missing source.',
    )
  if (typeof ep.endpoint === 'string' && ep.endpoint !== '')
    throw new Undetermined(
      'JWT_DISTRIBUTED_CLAIMS_FETCH',
      `The groups claim is distributed: the API server fetches it from ${ep.endpoint}, which this page never does.`,
    )
}

function mapUser(claims: JsonObject, ctx: JwtContext, t: Trace): UserInfo {
  const a = ctx.authenticator
  const m = a.claimMappings
  const c = ctx.compiled
  if (m.groups.claim) distributedGroups(claims, m.groups.claim)
  const vars = { claims }

  // Username
  let username: string
  if (m.username.expression) {
    const v = evaluate(
      c.username,
      m.username.expression,
      vars,
      ctx,
      (e) => `oidc: error evaluating username claim expression: ${e}`,
      'JWT_USERNAME',
      'username expression',
    )
    if (v.type !== 'string')
      throw new Rejection(
        'JWT_USERNAME',
        'oidc: error evaluating username claim expression: username claim expression must return a string',
        'The username expression must give a string.',
      )
    if (v.value === '')
      throw new Rejection(
        'JWT_USERNAME',
        'oidc: empty username via CEL expression is not allowed',
        'The username expression gave "".',
      )
    username = v.value
    t.add('username', 'pass', `${m.username.expression} → ${JSON.stringify(username)}.`)
  } else {
    const value = requiredStringClaim(claims, m.username.claim, 'JWT_USERNAME', 'parse username claims', 'username')
    if (m.username.claim === 'email') {
      const ev = claimValue(claims, 'email_verified')
      if (ev !== undefined) {
        const b = decodeBool(ev)
        if (!b.ok)
          throw new Rejection(
            'JWT_EMAIL_NOT_VERIFIED',
            `oidc: parse 'email_verified' claim: ${b.error}`,
            'email_verified is not a boolean.',
          )
        if (!b.value)
          throw new Rejection(
            'JWT_EMAIL_NOT_VERIFIED',
            'oidc: email not verified',
            'The username claim is email and email_verified is false.',
          )
        t.add('email_verified', 'pass', 'email_verified is true.')
      } else t.add('email_verified', 'info', 'No email_verified claim: the email is taken as verified.')
    }
    username = (m.username.prefix ?? '') + value
    t.add(
      'username',
      'pass',
      `claim ${JSON.stringify(m.username.claim)}${m.username.prefix ? ` with prefix ${JSON.stringify(m.username.prefix)}` : ''} → ${JSON.stringify(username)}.`,
    )
  }

  // Groups
  let groups: string[] = []
  const groupsRaw = m.groups.claim ? claimValue(claims, m.groups.claim) : undefined
  if (m.groups.claim && groupsRaw !== undefined) {
    const g = decodeStringOrArray(groupsRaw)
    if (!g.ok)
      throw new Rejection(
        'JWT_GROUPS',
        `oidc: parse groups claim ${goQuote(m.groups.claim)}: ${g.error}`,
        'The groups claim is neither a string nor a list of strings.',
      )
    groups = m.groups.prefix ? g.value.map((x) => m.groups.prefix + x) : g.value
    t.add('groups', 'pass', `claim ${JSON.stringify(m.groups.claim)} → ${JSON.stringify(groups)}.`)
  } else if (m.groups.expression) {
    const v = evaluate(
      c.groups,
      m.groups.expression,
      vars,
      ctx,
      (e) => `oidc: error evaluating group claim expression: ${e}`,
      'JWT_GROUPS',
      'groups expression',
    )
    const list = celStringList(v)
    if (!list.ok)
      throw new Rejection(
        'JWT_GROUPS',
        `oidc: error evaluating group claim expression: ${list.error}`,
        'The groups expression must give a string or a list of strings.',
      )
    groups = list.value
    t.add('groups', 'pass', `${m.groups.expression} → ${JSON.stringify(groups)}.`)
  } else if (m.groups.claim) t.add('groups', 'info', `No ${JSON.stringify(m.groups.claim)} claim: no groups.`)

  // UID
  let uid = ''
  if (m.uid.claim) {
    uid = requiredStringClaim(claims, m.uid.claim, 'JWT_UID', 'parse uid claim', 'uid')
  } else if (m.uid.expression) {
    const v = evaluate(
      c.uid,
      m.uid.expression,
      vars,
      ctx,
      (e) => `oidc: error evaluating uid claim expression: ${e}`,
      'JWT_UID',
      'uid expression',
    )
    if (v.type !== 'string')
      throw new Rejection(
        'JWT_UID',
        'oidc: error evaluating uid claim expression: uid claim expression must return a string',
        'The uid expression must give a string.',
      )
    uid = v.value
  }
  if (uid) t.add('uid', 'pass', `uid ${JSON.stringify(uid)}.`)

  // Extra, with the credential id first (oidc.go getExtra)
  const extra: ExtraValue[] = []
  const jti = claimValue(claims, 'jti')
  if (jti !== undefined) {
    const s = decodeString(jti)
    if (s.ok && s.value) extra.push({ key: CREDENTIAL_ID_KEY, values: [`JTI=${s.value}`] })
  }
  if (m.extra.length) {
    const results: [string, string, CelResultValue][] = []
    for (const e of m.extra) {
      const program = c.extra.find((x) => x.key === e.key)?.program
      results.push([
        e.key,
        e.valueExpression,
        evaluate(program, e.valueExpression, vars, ctx, (err) => err, 'JWT_EXTRA', `extra ${e.key} expression`),
      ])
    }
    for (const [key, expression, v] of results) {
      const list = celStringList(v)
      if (!list.ok)
        throw new Rejection(
          'JWT_EXTRA',
          `oidc: error evaluating extra claim expression: ${expression}: ${list.error}`,
          `The extra ${key} expression must give a string or a list of strings.`,
        )
      if (list.value.length) {
        const existing = extra.find((x) => x.key === key)
        if (existing) existing.values = list.value
        else extra.push({ key, values: list.value })
      }
    }
  }
  if (extra.length) t.add('extra', 'pass', extra.map((x) => `${x.key}=${JSON.stringify(x.values)}`).join(', '))

  // Required claims (claim + requiredValue rules); upstream keeps them in a map, so the last rule for a claim counts.
  const required = new Map<string, string>()
  for (const r of a.claimValidationRules) if (r.claim) required.set(r.claim, r.requiredValue)
  for (const [claim, want] of required) {
    const raw = claimValue(claims, claim)
    if (raw === undefined)
      throw new Rejection(
        'JWT_REQUIRED_CLAIM',
        `oidc: required claim ${claim} not present in ID token`,
        `claimValidationRules requires ${claim}.`,
      )
    const s = decodeString(raw)
    if (!s.ok)
      throw new Rejection(
        'JWT_REQUIRED_CLAIM',
        `oidc: parse claim ${claim}: ${s.error}`,
        'Only string values can match a requiredValue.',
      )
    if (s.value !== want)
      throw new Rejection(
        'JWT_REQUIRED_CLAIM',
        `oidc: required claim ${claim} value does not match. Got = ${s.value}, want = ${want}`,
        `${claim} must be ${JSON.stringify(want)}.`,
      )
    t.add('required-claim', 'pass', `${claim} = ${JSON.stringify(want)}.`)
  }

  // Claim validation rules (CEL): all are evaluated first, then checked in order.
  const claimRules = a.claimValidationRules.filter((r) => r.expression)
  const ruleValues = claimRules.map((r) =>
    evaluate(
      c.claimRules.find((x) => x.expression === r.expression)?.program,
      r.expression,
      vars,
      ctx,
      (e) => `oidc: error evaluating claim validation expression: ${e}`,
      'JWT_CLAIM_RULE',
      'claim validation rule',
    ),
  )
  claimRules.forEach((r, i) => {
    const v = ruleValues[i]!
    if (v.type !== 'bool')
      throw new Rejection(
        'JWT_CLAIM_RULE',
        'oidc: error evaluating claim validation expression: validation expression must return a boolean',
        'A claim validation rule must give a boolean.',
      )
    if (!v.value)
      throw new Rejection(
        'JWT_CLAIM_RULE',
        `oidc: error evaluating claim validation expression: validation expression '${r.expression}' failed: ${r.message}`,
        `The claim validation rule ${r.expression} is false.`,
      )
    t.add('claim-rule', 'pass', `${r.expression} is true.`)
  })

  const info: UserInfo = { username, uid, groups, extra }
  // User validation rules see the user before system:authenticated is added.
  if (a.userValidationRules.length) {
    const user: CelUserInput = { username, uid, groups, extra: Object.fromEntries(extra.map((x) => [x.key, x.values])) }
    const values = a.userValidationRules.map((r) =>
      evaluate(
        c.userRules.find((x) => x.expression === r.expression)?.program,
        r.expression,
        { user },
        ctx,
        (e) => `oidc: error evaluating user info validation rule: ${e}`,
        'JWT_USER_RULE',
        'user validation rule',
      ),
    )
    a.userValidationRules.forEach((r, i) => {
      const v = values[i]!
      if (v.type !== 'bool')
        throw new Rejection(
          'JWT_USER_RULE',
          'oidc: error evaluating user info validation rule: validation expression must return a boolean',
          'A user validation rule must give a boolean.',
        )
      if (!v.value)
        throw new Rejection(
          'JWT_USER_RULE',
          `oidc: error evaluating user info validation rule: validation expression '${r.expression}' failed: ${r.message}`,
          `The user validation rule ${r.expression} is false (it sees the user without system:authenticated).`,
        )
      t.add('user-rule', 'pass', `${r.expression} is true.`)
    })
  }
  return info
}

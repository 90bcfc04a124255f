// apiserver pkg/apis/apiserver/validation/validation.go, ValidateAuthenticationConfiguration and
// validateJWTAuthenticator: the checks the API server makes on an AuthenticationConfiguration at
// start-up, with its field paths and messages. CEL expressions are compiled with the injected
// evaluator when there is one; without it the CEL checks are reported as pending.
import type { CelEngine, CelEnvKind, CelProgram } from './cel.ts'
import { child, duplicate, forbidden, index, invalid, required, tooMany, type FieldError } from './fieldErrors.ts'
import { parseGoUrl } from './goUrl.ts'
import type { JwtAuthenticator, PrefixedClaimOrExpression } from './types.ts'

export const MAX_JWT_AUTHENTICATORS = 64

/** The compiled CEL of one authenticator (authenticationcel.CELMapper). */
export interface CompiledMappings {
  username?: CelProgram
  groups?: CelProgram
  uid?: CelProgram
  extra: { key: string; expression: string; program: CelProgram }[]
  claimRules: { expression: string; message: string; program: CelProgram }[]
  userRules: { expression: string; message: string; program: CelProgram }[]
}

export interface JwtValidation {
  errors: FieldError[]
  /** Expressions the evaluator here could not compile although the API server may: no verdict on them. */
  offline: { field: string; expression: string; error: string }[]
  /** True when the configuration holds CEL and no evaluator was given. */
  celPending: boolean
  compiled: CompiledMappings
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
const HTTP_PATH = /^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/
const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"

/** apimachinery utilvalidation.IsDomainPrefixedPath. */
function domainPrefixedPath(field: string, key: string): FieldError[] {
  if (key === '') return [required(field)]
  const slash = key.indexOf('/')
  const host = slash < 0 ? key : key.slice(0, slash)
  const path = slash < 0 ? '' : key.slice(slash + 1)
  if (slash < 0 || host === '' || path === '')
    return [invalid(field, key, 'must be a domain-prefixed path (such as "acme.io/foo")')]
  const errs: FieldError[] = []
  if (host.length > 253) errs.push(invalid(field, host, 'must be no more than 253 characters'))
  if (!DNS1123_SUBDOMAIN.test(host)) errs.push(invalid(field, host, DNS1123_SUBDOMAIN_MSG))
  if (!HTTP_PATH.test(path))
    errs.push(invalid(field, path, "Invalid path (regex used for validation is '[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+')"))
  return errs
}

function isKubernetesDomainPrefix(key: string): boolean {
  const slash = key.indexOf('/')
  const domain = slash < 0 ? '' : key.slice(0, slash)
  return (
    domain === 'kubernetes.io' || domain.endsWith('.kubernetes.io') || domain === 'k8s.io' || domain.endsWith('.k8s.io')
  )
}

function validateUrl(field: string, url: string, disallowed: readonly string[]): FieldError[] {
  const errs: FieldError[] = []
  if (disallowed.includes(url)) {
    const sorted = [...new Set(disallowed)].sort()
    errs.push(invalid(field, url, `URL must not overlap with disallowed issuers: [${sorted.join(' ')}]`))
  }
  const parsed = parseGoUrl(url)
  if (!parsed.ok) return [...errs, invalid(field, url, parsed.error)]
  const u = parsed.url
  if (u.scheme !== 'https') errs.push(invalid(field, url, 'URL scheme must be https'))
  if (u.hasUser) errs.push(invalid(field, url, 'URL must not contain a username or password'))
  if (u.rawQuery) errs.push(invalid(field, url, 'URL must not contain a query'))
  if (u.fragment) errs.push(invalid(field, url, 'URL must not contain a fragment'))
  return errs
}

const trimSlash = (s: string) => s.replace(/\/+$/, '')

function validateIssuer(a: JwtAuthenticator, p: string, disallowed: readonly string[]): FieldError[] {
  const errs: FieldError[] = []
  const iss = a.issuer
  const url = child(p, 'url')
  if (iss.url === '') errs.push(required(url))
  else errs.push(...validateUrl(url, iss.url, disallowed))
  if (iss.discoveryURL) {
    const f = child(p, 'discoveryURL')
    if (iss.url && trimSlash(iss.url) === trimSlash(iss.discoveryURL))
      errs.push(invalid(f, iss.discoveryURL, 'discoveryURL must be different from URL'))
    errs.push(...validateUrl(f, iss.discoveryURL, []))
  }
  const auds = child(p, 'audiences')
  const policy = child(p, 'audienceMatchPolicy')
  if (iss.audiences.length === 0) errs.push(required(auds, `at least one ${auds} is required`))
  else {
    const seen = new Set<string>()
    iss.audiences.forEach((aud, i) => {
      if (aud === '') errs.push(required(index(auds, i)))
      if (seen.has(aud)) errs.push(duplicate(index(auds, i), aud))
      seen.add(aud)
    })
    if (iss.audiences.length > 1 && iss.audienceMatchPolicy !== 'MatchAny')
      errs.push(invalid(policy, iss.audienceMatchPolicy, 'audienceMatchPolicy must be MatchAny for multiple audiences'))
    if (iss.audiences.length === 1 && iss.audienceMatchPolicy !== '' && iss.audienceMatchPolicy !== 'MatchAny')
      errs.push(
        invalid(policy, iss.audienceMatchPolicy, 'audienceMatchPolicy must be empty or MatchAny for single audience'),
      )
  }
  if (iss.certificateAuthority && !/-----BEGIN CERTIFICATE-----/.test(iss.certificateAuthority))
    errs.push({
      field: child(p, 'certificateAuthority'),
      type: 'Invalid value',
      value: '"<omitted>"',
      detail: 'data does not contain any valid RSA or ECDSA certificates',
    })
  if (iss.egressSelectorType && iss.egressSelectorType !== 'controlplane' && iss.egressSelectorType !== 'cluster')
    errs.push(
      invalid(
        child(p, 'egressSelectorType'),
        iss.egressSelectorType,
        'egress selector must be either controlplane or cluster',
      ),
    )
  return errs
}

interface CompileContext {
  cel?: CelEngine
  errors: FieldError[]
  offline: JwtValidation['offline']
  pending: boolean
}

/** compileClaimsCELExpression / compileUserCELExpression, with the return-type check of compile.go. */
function compile(
  ctx: CompileContext,
  field: string,
  expression: string,
  env: CelEnvKind,
  mustBeBool: boolean,
): CelProgram | undefined {
  if (!ctx.cel) {
    ctx.pending = true
    return undefined
  }
  const r = ctx.cel.compile(expression, env)
  if (!r.ok) {
    if (r.offline) ctx.offline.push({ field, expression, error: r.error })
    else ctx.errors.push(invalid(field, expression, `compilation failed: ${r.error}`))
    return undefined
  }
  // 'unknown': the evaluator cannot tell the type cel-go infers; the result is checked when it runs.
  if (mustBeBool && r.program.outputType !== 'bool' && r.program.outputType !== 'unknown') {
    ctx.errors.push(invalid(field, expression, 'must evaluate to bool'))
    return undefined
  }
  return r.program
}

function prefixedClaimOrExpression(
  ctx: CompileContext,
  m: PrefixedClaimOrExpression,
  field: string,
  claimOrExpressionRequired: boolean,
): CelProgram | undefined {
  if (m.expression && m.claim) ctx.errors.push(invalid(field, '', "claim and expression can't both be set"))
  else if (!m.expression && !m.claim && claimOrExpressionRequired)
    ctx.errors.push(required(field, 'claim or expression is required'))
  else if (m.expression) {
    if (m.prefix !== undefined)
      ctx.errors.push(invalid(child(field, 'prefix'), m.prefix, 'may not be specified when expression is set'))
    return compile(ctx, child(field, 'expression'), m.expression, 'claims', false)
  } else if (m.claim && m.prefix === undefined)
    ctx.errors.push(
      required(
        child(field, 'prefix'),
        'prefix is required when claim is set. It can be set to an empty string to disable prefixing',
      ),
    )
  return undefined
}

/**
 * validateJWTAuthenticator: issuer, claim validation rules, claim mappings (with the rule that
 * `claims.email` needs `claims.email_verified` somewhere), and user validation rules.
 * @param path `jwt[i]`, or "" for the short paths oidc.New reports.
 */
export function validateJwtAuthenticator(
  a: JwtAuthenticator,
  path: string,
  disallowedIssuers: readonly string[],
  cel?: CelEngine,
): JwtValidation {
  const ctx: CompileContext = { cel, errors: [], offline: [], pending: false }
  ctx.errors.push(...validateIssuer(a, child(path, 'issuer'), disallowedIssuers))
  const compiled: CompiledMappings = { extra: [], claimRules: [], userRules: [] }
  let usesEmail = false
  let usesEmailVerified = false

  const rulesPath = child(path, 'claimValidationRules')
  const seenClaims = new Set<string>()
  const seenExpressions = new Set<string>()
  a.claimValidationRules.forEach((rule, i) => {
    const p = index(rulesPath, i)
    if (rule.claim && rule.expression) ctx.errors.push(invalid(p, rule.claim, "claim and expression can't both be set"))
    else if (!rule.claim && !rule.expression) ctx.errors.push(required(p, 'claim or expression is required'))
    else if (rule.claim) {
      if (rule.message)
        ctx.errors.push(invalid(child(p, 'message'), rule.message, 'may not be specified when claim is set'))
      if (seenClaims.has(rule.claim)) ctx.errors.push(duplicate(child(p, 'claim'), rule.claim))
      seenClaims.add(rule.claim)
    } else {
      if (rule.requiredValue)
        ctx.errors.push(
          invalid(child(p, 'requiredValue'), rule.requiredValue, 'may not be specified when expression is set'),
        )
      if (seenExpressions.has(rule.expression)) {
        ctx.errors.push(duplicate(child(p, 'expression'), rule.expression))
        return
      }
      seenExpressions.add(rule.expression)
      const program = compile(ctx, child(p, 'expression'), rule.expression, 'claims', true)
      if (program) {
        compiled.claimRules.push({ expression: rule.expression, message: rule.message, program })
        usesEmailVerified ||= program.selectsClaim('email_verified')
      }
    }
  })

  const cm = child(path, 'claimMappings')
  const m = a.claimMappings
  const username = prefixedClaimOrExpression(ctx, m.username, child(cm, 'username'), true)
  if (username) {
    compiled.username = username
    usesEmail ||= username.selectsClaim('email')
    usesEmailVerified ||= username.selectsClaim('email_verified')
  }
  compiled.groups = prefixedClaimOrExpression(ctx, m.groups, child(cm, 'groups'), false)
  if (m.uid.claim && m.uid.expression)
    ctx.errors.push(invalid(child(cm, 'uid'), '', "claim and expression can't both be set"))
  else if (m.uid.expression)
    compiled.uid = compile(ctx, child(child(cm, 'uid'), 'expression'), m.uid.expression, 'claims', false)

  const seenKeys = new Set<string>()
  m.extra.forEach((mapping, i) => {
    const p = index(child(cm, 'extra'), i)
    const keyField = child(p, 'key')
    ctx.errors.push(...domainPrefixedPath(keyField, mapping.key))
    if (mapping.key !== mapping.key.toLowerCase()) ctx.errors.push(invalid(keyField, mapping.key, 'must be lowercase'))
    if (isKubernetesDomainPrefix(mapping.key))
      ctx.errors.push(
        invalid(keyField, mapping.key, 'k8s.io, kubernetes.io and their subdomains are reserved for Kubernetes use'),
      )
    if (seenKeys.has(mapping.key)) {
      ctx.errors.push(duplicate(keyField, mapping.key))
      return
    }
    seenKeys.add(mapping.key)
    if (!mapping.valueExpression) {
      ctx.errors.push(required(child(p, 'valueExpression')))
      return
    }
    const program = compile(ctx, child(p, 'valueExpression'), mapping.valueExpression, 'claims', false)
    if (program) {
      compiled.extra.push({ key: mapping.key, expression: mapping.valueExpression, program })
      usesEmailVerified ||= program.selectsClaim('email_verified')
    }
  })
  if (usesEmail && !usesEmailVerified)
    ctx.errors.push(
      invalid(
        child(child(cm, 'username'), 'expression'),
        m.username.expression,
        'claims.email_verified must be used in claimMappings.username.expression or claimMappings.extra[*].valueExpression or claimValidationRules[*].expression when claims.email is used in claimMappings.username.expression',
      ),
    )

  const userPath = child(path, 'userValidationRules')
  const seenUser = new Set<string>()
  a.userValidationRules.forEach((rule, i) => {
    const p = index(userPath, i)
    if (!rule.expression) {
      ctx.errors.push(required(child(p, 'expression')))
      return
    }
    if (seenUser.has(rule.expression)) {
      ctx.errors.push(duplicate(child(p, 'expression'), rule.expression))
      return
    }
    seenUser.add(rule.expression)
    const program = compile(ctx, child(p, 'expression'), rule.expression, 'user', true)
    if (program) compiled.userRules.push({ expression: rule.expression, message: rule.message, program })
  })
  return { errors: ctx.errors, offline: ctx.offline, celPending: ctx.pending, compiled }
}

/** ValidateAuthenticationConfiguration: the authenticator count, each authenticator, unique issuer and discovery URLs. */
export function validateAuthenticationConfiguration(
  jwt: readonly JwtAuthenticator[],
  anonymous: { enabled: boolean; conditions: { path: string }[] } | undefined,
  disallowedIssuers: readonly string[],
  cel?: CelEngine,
): { errors: FieldError[]; authenticators: JwtValidation[] } {
  if (jwt.length > MAX_JWT_AUTHENTICATORS)
    return { errors: [tooMany('jwt', jwt.length, MAX_JWT_AUTHENTICATORS)], authenticators: [] }
  const errors: FieldError[] = []
  const authenticators: JwtValidation[] = []
  const seenIssuers = new Set<string>()
  const seenDiscovery = new Set<string>()
  jwt.forEach((a, i) => {
    const p = index('jwt', i)
    const v = validateJwtAuthenticator(a, p, disallowedIssuers, cel)
    authenticators.push(v)
    errors.push(...v.errors)
    if (seenIssuers.has(a.issuer.url)) errors.push(duplicate(`${p}.issuer.url`, a.issuer.url))
    seenIssuers.add(a.issuer.url)
    if (a.issuer.discoveryURL) {
      if (seenDiscovery.has(a.issuer.discoveryURL))
        errors.push(duplicate(`${p}.issuer.discoveryURL`, a.issuer.discoveryURL))
      seenDiscovery.add(a.issuer.discoveryURL)
    }
  })
  if (anonymous && !anonymous.enabled && anonymous.conditions.length > 0)
    errors.push({
      field: 'anonymous.conditions',
      type: 'Invalid value',
      value: `[${anonymous.conditions.map((c) => `{Path:${c.path}}`).join(' ')}]`,
      detail: 'enabled should be set to true when conditions are defined',
    })
  return { errors, authenticators }
}

/** Returned for the `--anonymous-auth` / `anonymous:` conflict (authentication.go ToAuthenticationConfig). */
export const ANONYMOUS_CONFLICT = forbidden(
  'anonymous',
  '--anonymous-auth flag cannot be set when anonymous field is configured in authentication configuration file',
)

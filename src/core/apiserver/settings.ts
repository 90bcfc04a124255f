// The cluster settings box: recognises by itself an AuthenticationConfiguration (YAML or JSON),
// kube-apiserver flags, a kube-apiserver static Pod manifest, or nothing, and turns what it finds
// into the settings the authenticators use, with the API server's start-up errors.
import { parseJson } from '../encoding/json.ts'
import type { YamlParser } from '../extract/types.ts'
import { decodeAuthConfig, isAuthenticationConfiguration } from './authConfig.ts'
import type { CelEngine } from './cel.ts'
import { fieldErrorMessage, type FieldError } from './fieldErrors.ts'
import { looksLikeFlags, parseFlagText, parseFlagWords, type ParsedFlags } from './flags.ts'
import { parseGoUrl } from './goUrl.ts'
import type { ClusterSettings, JwtAuthenticator, SettingsError } from './types.ts'
import { validateAuthenticationConfiguration } from './validate.ts'
import { diagnostic, type ApiServerCode } from './codes.ts'

/** oidc.go allowedSigningAlgs, sorted as AllValidSigningAlgorithms returns them. */
export const ALL_JWT_SIGNING_ALGS = ['ES256', 'ES384', 'ES512', 'PS256', 'PS384', 'PS512', 'RS256', 'RS384', 'RS512']

const OIDC_FLAGS = [
  'oidc-issuer-url',
  'oidc-client-id',
  'oidc-ca-file',
  'oidc-username-claim',
  'oidc-username-prefix',
  'oidc-groups-claim',
  'oidc-groups-prefix',
  'oidc-signing-algs',
  'oidc-required-claim',
]

export interface ParseSettingsOptions {
  /** The page's lazily loaded YAML parser; without it YAML input comes back `pending`. */
  parseYaml?: YamlParser
  /** The CEL evaluator; without it CEL expressions are checked later, when it is given. */
  cel?: CelEngine
}

export type SettingsResult =
  { pending: 'yaml'; settings?: undefined } | { pending?: undefined; settings: ClusterSettings }

function emptySettings(source: ClusterSettings['source']): ClusterSettings {
  return {
    source,
    found: [],
    serviceAccount: { issuers: [], keyFiles: [], lookup: true },
    jwt: [],
    jwtSource: 'none',
    signingAlgs: ALL_JWT_SIGNING_ALGS,
    celExpressionCount: 0,
    errors: [],
    diagnostics: [],
  }
}

const fieldError = (e: FieldError, code = 'SETTINGS_INVALID_FIELD'): SettingsError => ({
  code,
  message: fieldErrorMessage(e),
  where: e.field,
  field: e,
})

function countCel(jwt: readonly JwtAuthenticator[]): number {
  let n = 0
  for (const a of jwt) {
    const m = a.claimMappings
    n += [m.username.expression, m.groups.expression, m.uid.expression].filter(Boolean).length
    n += m.extra.filter((e) => e.valueExpression).length
    n += a.claimValidationRules.filter((r) => r.expression).length
    n += a.userValidationRules.filter((r) => r.expression).length
  }
  return n
}

/**
 * authentication.go ToAuthenticationConfig: the legacy `--oidc-*` flags become one JWT
 * authenticator. The username prefix defaults to `<issuer>#` unless the claim is `email`, and `-`
 * turns prefixing off; groups are mapped only when a groups claim is given.
 */
export function jwtFromOidcFlags(f: ParsedFlags): JwtAuthenticator {
  const issuerUrl = f.strings['oidc-issuer-url'] ?? ''
  const usernameClaim = f.strings['oidc-username-claim'] ?? 'sub'
  const givenPrefix = f.strings['oidc-username-prefix'] ?? ''
  let prefix = givenPrefix
  if (givenPrefix === '' && usernameClaim !== 'email') prefix = `${issuerUrl}#`
  if (givenPrefix === '-') prefix = ''
  const groupsClaim = f.strings['oidc-groups-claim'] ?? ''
  const required = new Map<string, string>(f.requiredClaims)
  return {
    issuer: {
      url: issuerUrl,
      discoveryURL: '',
      certificateAuthority: '',
      audiences: [f.strings['oidc-client-id'] ?? ''],
      audienceMatchPolicy: '',
      egressSelectorType: '',
    },
    claimValidationRules: [...required].map(([claim, requiredValue]) => ({
      claim,
      requiredValue,
      expression: '',
      message: '',
    })),
    claimMappings: {
      username: { claim: usernameClaim, prefix, expression: '' },
      groups: groupsClaim
        ? { claim: groupsClaim, prefix: f.strings['oidc-groups-prefix'] ?? '', expression: '' }
        : { claim: '', expression: '' },
      uid: { claim: '', expression: '' },
      extra: [],
    },
    userValidationRules: [],
  }
}

/** authentication.go Validate for the service account flags. */
function serviceAccountFlagErrors(issuers: readonly string[], complete: boolean, f: ParsedFlags): SettingsError[] {
  const errs: SettingsError[] = []
  const flag = '--service-account-issuer'
  const seen = new Set<string>()
  for (const issuer of issuers) {
    if (issuer.includes(':')) {
      const u = parseGoUrl(issuer)
      if (!u.ok) {
        errs.push({
          code: 'SETTINGS_SA_ISSUER_INVALID',
          where: flag,
          message: `service-account-issuer ${JSON.stringify(issuer)} contained a ':' but was not a valid URL: ${u.error}`,
        })
        continue
      }
    }
    if (issuer === '') {
      errs.push({
        code: 'SETTINGS_SA_ISSUER_EMPTY',
        where: flag,
        message: 'service-account-issuer should not be an empty string',
      })
      continue
    }
    if (seen.has(issuer)) {
      errs.push({
        code: 'SETTINGS_SA_ISSUER_DUPLICATE',
        where: flag,
        message: `service-account-issuer ${JSON.stringify(issuer)} is already specified`,
      })
      continue
    }
    seen.add(issuer)
  }
  if (complete && issuers.length === 0)
    errs.push({
      code: 'SETTINGS_SA_ISSUER_REQUIRED',
      where: flag,
      message: 'service-account-issuer is a required flag',
    })
  if (complete && !f.arrays['service-account-key-file']?.length && !f.strings['service-account-signing-endpoint'])
    errs.push({
      code: 'SETTINGS_SA_KEY_FILE_REQUIRED',
      where: '--service-account-key-file',
      message: 'either `--service-account-key-file` or `--service-account-signing-endpoint` must be set',
    })
  return errs
}

/** Settings from flags; `complete` when they are a whole command (a manifest), not a few pasted lines. */
function fromFlags(f: ParsedFlags, source: 'flags' | 'static-pod', opts: ParseSettingsOptions): ClusterSettings {
  const s = emptySettings(source)
  const issuers = f.arrays['service-account-issuer'] ?? []
  const complete = source === 'static-pod'
  s.serviceAccount.issuers = issuers
  s.serviceAccount.keyFiles = f.arrays['service-account-key-file'] ?? []
  s.serviceAccount.lookup = f.bools['service-account-lookup'] ?? true
  const audiences = f.arrays['api-audiences'] ?? f.arrays['service-account-api-audiences']
  if (audiences) s.serviceAccount.apiAudiences = audiences
  for (const e of f.errors) s.errors.push({ code: 'SETTINGS_FLAG_PARSE', where: `--${e.flag}`, message: e.message })
  s.errors.push(...serviceAccountFlagErrors(issuers, complete, f))

  s.found.push(
    source === 'static-pod'
      ? 'A kube-apiserver static Pod manifest; its flags were read.'
      : `kube-apiserver flags (${f.set.length} about authentication${f.others.length ? `, ${f.others.length} others ignored` : ''}).`,
  )
  if (issuers.length)
    s.found.push(`Service account issuers: ${issuers.join(', ')} (the first signs new tokens; all are accepted).`)
  else s.found.push('No --service-account-issuer: the token’s own issuer is taken as the service account issuer.')
  if (audiences)
    s.found.push(
      `--api-audiences: ${audiences.join(', ')}. The issuers are no longer accepted audiences by themselves.`,
    )
  else s.found.push('No --api-audiences: the API audiences are the service account issuers, as kubeadm sets them.')
  if (s.serviceAccount.keyFiles.length)
    s.found.push(
      `--service-account-key-file: ${s.serviceAccount.keyFiles.join(', ')}. Paste those keys (or the cluster’s JWKS) into the key box.`,
    )

  const oidcSet = f.set.filter((n) => OIDC_FLAGS.includes(n))
  const configPath = f.strings['authentication-config']
  if (configPath) {
    s.authenticationConfigPath = configPath
    s.found.push(
      `--authentication-config ${configPath}: paste that file to check its JWT authenticators; without it they are unknown.`,
    )
    if (oidcSet.length)
      s.errors.push({
        code: 'SETTINGS_OIDC_FLAGS_WITH_CONFIG',
        where: '--authentication-config',
        message: 'authentication-config file and oidc-* flags are mutually exclusive',
      })
  } else if (oidcSet.length) {
    const issuer = f.strings['oidc-issuer-url'] ?? ''
    const client = f.strings['oidc-client-id'] ?? ''
    if (!issuer || !client)
      s.errors.push({
        code: 'SETTINGS_OIDC_ISSUER_CLIENT',
        where: '--oidc-issuer-url',
        message: 'oidc-issuer-url and oidc-client-id must be specified together when any oidc-* flags are set',
      })
    else {
      s.jwt = [jwtFromOidcFlags(f)]
      s.jwtSource = 'oidc-flags'
      const algs = f.arrays['oidc-signing-algs'] ?? ['RS256']
      s.signingAlgs = algs
      for (const alg of algs)
        if (!ALL_JWT_SIGNING_ALGS.includes(alg))
          s.errors.push({
            code: 'SETTINGS_OIDC_SIGNING_ALG',
            where: '--oidc-signing-algs',
            message: `oidc: unsupported signing alg: ${JSON.stringify(alg)}`,
          })
      s.found.push(`Legacy --oidc-* flags: one JWT authenticator for ${issuer}, accepting ${algs.join(', ')}.`)
    }
  }
  if (s.jwt.length) {
    const v = validateAuthenticationConfiguration(s.jwt, undefined, issuers, opts.cel)
    s.errors.push(
      ...v.errors.map((e) => ({
        ...fieldError(e),
        message: `invalid authentication configuration: ${fieldErrorMessage(e)}`,
      })),
    )
  }
  return s
}

function fromAuthConfig(doc: unknown, format: 'YAML' | 'JSON', opts: ParseSettingsOptions): ClusterSettings {
  const s = emptySettings('authentication-configuration')
  const decoded = decodeAuthConfig(doc)
  for (const message of decoded.errors)
    s.errors.push({ code: 'SETTINGS_DECODE', where: 'the configuration file', message })
  s.jwt = decoded.jwt
  s.jwtSource = 'authentication-configuration'
  s.celExpressionCount = countCel(decoded.jwt)
  s.found.push(
    `An AuthenticationConfiguration (${decoded.apiVersion || 'no apiVersion'}, ${format}) with ${decoded.jwt.length} JWT authenticator${decoded.jwt.length === 1 ? '' : 's'}${s.celExpressionCount ? ` and ${s.celExpressionCount} CEL expression${s.celExpressionCount === 1 ? '' : 's'}` : ''}.`,
    'The file holds no service account settings: the token’s own issuer is taken as the service account issuer, and the API audiences default to it.',
  )
  if (!decoded.errors.length) {
    const v = validateAuthenticationConfiguration(decoded.jwt, decoded.anonymous, [], opts.cel)
    s.errors.push(...v.errors.map((e) => fieldError(e)))
  }
  return s
}

type KubeContainer = { name?: unknown; command?: unknown; args?: unknown }

/** The kube-apiserver container's command and args, from a Pod manifest. */
function apiServerWords(pod: Record<string, unknown>): string[] | undefined {
  const spec = pod.spec as { containers?: unknown } | undefined
  const containers = Array.isArray(spec?.containers) ? (spec.containers as KubeContainer[]) : []
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])
  const c =
    containers.find((x) => x?.name === 'kube-apiserver') ??
    containers.find((x) => strings(x?.command).some((w) => w.includes('kube-apiserver')))
  if (!c) return undefined
  return [...strings(c.command), ...strings(c.args)]
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function fromDocument(doc: unknown, format: 'YAML' | 'JSON', opts: ParseSettingsOptions): ClusterSettings | undefined {
  if (isAuthenticationConfiguration(doc)) return fromAuthConfig(doc, format, opts)
  if (isRecord(doc) && doc.kind === 'Pod') {
    const words = apiServerWords(doc)
    if (words) return fromFlags(parseFlagWords(words), 'static-pod', opts)
    const s = emptySettings('static-pod')
    s.errors.push({
      code: 'SETTINGS_NO_APISERVER_CONTAINER',
      where: 'spec.containers',
      message: 'This Pod has no kube-apiserver container, so it says nothing about the API server’s authentication.',
    })
    return s
  }
  return undefined
}

function unrecognised(message: string, code: ApiServerCode = 'SETTINGS_UNRECOGNISED'): ClusterSettings {
  const s = emptySettings('none')
  s.found.push(message)
  s.diagnostics.push(diagnostic(code, message))
  s.errors.push({ code, where: 'the settings box', message })
  return s
}

/**
 * Reads the cluster settings box. Never throws. With nothing pasted, the defaults apply (the
 * token's issuer as service account issuer, API audiences equal to it). YAML needs the page's
 * YAML parser; without one the result is `{ pending: 'yaml' }`.
 */
export function parseClusterSettings(text: string, opts: ParseSettingsOptions = {}): SettingsResult {
  const trimmed = text.trim()
  if (trimmed === '') {
    const s = emptySettings('none')
    s.found.push(
      'No cluster settings: the defaults apply. The token’s own issuer is taken as the service account issuer, and the API audiences default to it, as kubeadm sets them.',
    )
    return { settings: s }
  }
  if (trimmed.startsWith('{')) {
    const parsed = parseJson(trimmed)
    if (parsed.error)
      return {
        settings: unrecognised(
          `The settings start like JSON but are not valid JSON: ${parsed.error.message}.`,
          'SETTINGS_JSON_INVALID',
        ),
      }
    return {
      settings:
        fromDocument(parsed.value, 'JSON', opts) ??
        unrecognised('This JSON is neither an AuthenticationConfiguration nor a Pod manifest.'),
    }
  }
  if (/^\s*(apiVersion|kind)\s*:/m.test(trimmed)) {
    if (!opts.parseYaml) return { pending: 'yaml' }
    let docs: unknown[]
    try {
      docs = opts.parseYaml(trimmed)
    } catch (e) {
      return {
        settings: unrecognised(
          `The settings look like YAML but could not be read: ${e instanceof Error ? e.message : String(e)}`,
          'SETTINGS_YAML_INVALID',
        ),
      }
    }
    for (const doc of docs) {
      const s = fromDocument(doc, 'YAML', opts)
      if (s) return { settings: s }
    }
    return { settings: unrecognised('This YAML holds neither an AuthenticationConfiguration nor a Pod manifest.') }
  }
  if (looksLikeFlags(trimmed)) return { settings: fromFlags(parseFlagText(trimmed), 'flags', opts) }
  return {
    settings: unrecognised(
      'Not recognised: paste an AuthenticationConfiguration (YAML or JSON), kube-apiserver flags (--service-account-issuer=…), or the kube-apiserver static Pod manifest.',
    ),
  }
}

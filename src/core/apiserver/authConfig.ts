// Decoding an AuthenticationConfiguration the way the API server loads --authentication-config:
// a strict decoder (unknown or mistyped fields stop the server) into the internal structure. The
// three served versions, v1alpha1, v1beta1 and v1, have the same JWT fields
// (apiserver pkg/apis/apiserver/v1*/types.go), so one decoder serves them all.
import type { JwtAuthenticator } from './types.ts'

export const AUTH_CONFIG_GROUP = 'apiserver.config.k8s.io'
export const AUTH_CONFIG_VERSIONS = ['v1', 'v1beta1', 'v1alpha1'] as const

export interface DecodedAuthConfig {
  apiVersion: string
  jwt: JwtAuthenticator[]
  anonymous?: { enabled: boolean; conditions: { path: string }[] }
  /** Decoding errors (the API server's "strict decoding error" and type errors). */
  errors: string[]
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map)

const jsonType = (v: unknown) =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'array'
      : typeof v === 'object'
        ? 'object'
        : typeof v === 'number'
          ? 'number'
          : typeof v === 'boolean'
            ? 'bool'
            : 'string'

class Decoder {
  readonly errors: string[] = []
  private unknown: string[] = []

  typeError(v: unknown, goField: string, goType: string) {
    this.errors.push(`json: cannot unmarshal ${jsonType(v)} into Go struct field ${goField} of type ${goType}`)
  }

  object(v: unknown, path: string, goField: string, goType: string, known: readonly string[]): Obj | undefined {
    if (v === undefined || v === null) return undefined
    if (!isObj(v)) {
      this.typeError(v, goField, goType)
      return undefined
    }
    for (const key of Object.keys(v)) if (!known.includes(key)) this.unknown.push(path ? `${path}.${key}` : key)
    return v
  }

  string(v: unknown, goField: string): string {
    if (v === undefined || v === null) return ''
    if (typeof v !== 'string') {
      this.typeError(v, goField, 'string')
      return ''
    }
    return v
  }

  optionalString(v: unknown, goField: string): string | undefined {
    if (v === undefined || v === null) return undefined
    return this.string(v, goField)
  }

  bool(v: unknown, goField: string): boolean {
    if (v === undefined || v === null) return false
    if (typeof v !== 'boolean') {
      this.typeError(v, goField, 'bool')
      return false
    }
    return v
  }

  list<T>(v: unknown, goField: string, goType: string, item: (x: unknown, i: number) => T): T[] {
    if (v === undefined || v === null) return []
    if (!Array.isArray(v)) {
      this.typeError(v, goField, goType)
      return []
    }
    return v.map(item)
  }

  finish(): string[] {
    // sigs.k8s.io/json reports every unknown field in one strict decoding error.
    if (this.unknown.length)
      this.errors.push(
        `strict decoding error: ${this.unknown.map((u) => `unknown field ${JSON.stringify(u)}`).join(', ')}`,
      )
    return this.errors
  }
}

function decodeJwt(d: Decoder, v: unknown, i: number): JwtAuthenticator {
  const p = `jwt[${i}]`
  const o = d.object(v, p, 'AuthenticationConfiguration.jwt', 'v1.JWTAuthenticator', [
    'issuer',
    'claimValidationRules',
    'claimMappings',
    'userValidationRules',
  ])
  const iss = d.object(o?.issuer, `${p}.issuer`, 'JWTAuthenticator.issuer', 'v1.Issuer', [
    'url',
    'discoveryURL',
    'certificateAuthority',
    'audiences',
    'audienceMatchPolicy',
    'egressSelectorType',
  ])
  const cm = d.object(o?.claimMappings, `${p}.claimMappings`, 'JWTAuthenticator.claimMappings', 'v1.ClaimMappings', [
    'username',
    'groups',
    'uid',
    'extra',
  ])
  const prefixed = (x: unknown, name: string) => {
    const m = d.object(x, `${p}.claimMappings.${name}`, `ClaimMappings.${name}`, 'v1.PrefixedClaimOrExpression', [
      'claim',
      'prefix',
      'expression',
    ])
    return {
      claim: d.string(m?.claim, `PrefixedClaimOrExpression.claimMappings.${name}.claim`),
      prefix: d.optionalString(m?.prefix, `PrefixedClaimOrExpression.claimMappings.${name}.prefix`),
      expression: d.string(m?.expression, `PrefixedClaimOrExpression.claimMappings.${name}.expression`),
    }
  }
  const uid = d.object(cm?.uid, `${p}.claimMappings.uid`, 'ClaimMappings.uid', 'v1.ClaimOrExpression', [
    'claim',
    'expression',
  ])
  return {
    issuer: {
      url: d.string(iss?.url, 'Issuer.jwt.issuer.url'),
      discoveryURL: d.string(iss?.discoveryURL, 'Issuer.jwt.issuer.discoveryURL'),
      certificateAuthority: d.string(iss?.certificateAuthority, 'Issuer.jwt.issuer.certificateAuthority'),
      audiences: d.list(iss?.audiences, 'Issuer.jwt.issuer.audiences', '[]string', (a) =>
        d.string(a, 'Issuer.jwt.issuer.audiences'),
      ),
      audienceMatchPolicy: d.string(iss?.audienceMatchPolicy, 'Issuer.jwt.issuer.audienceMatchPolicy'),
      egressSelectorType: d.string(iss?.egressSelectorType, 'Issuer.jwt.issuer.egressSelectorType'),
    },
    claimValidationRules: d.list(
      o?.claimValidationRules,
      'JWTAuthenticator.jwt.claimValidationRules',
      '[]v1.ClaimValidationRule',
      (r, j) => {
        const rule = d.object(r, `${p}.claimValidationRules[${j}]`, 'claimValidationRules', 'v1.ClaimValidationRule', [
          'claim',
          'requiredValue',
          'expression',
          'message',
        ])
        return {
          claim: d.string(rule?.claim, 'ClaimValidationRule.claim'),
          requiredValue: d.string(rule?.requiredValue, 'ClaimValidationRule.requiredValue'),
          expression: d.string(rule?.expression, 'ClaimValidationRule.expression'),
          message: d.string(rule?.message, 'ClaimValidationRule.message'),
        }
      },
    ),
    claimMappings: {
      username: prefixed(cm?.username, 'username'),
      groups: prefixed(cm?.groups, 'groups'),
      uid: {
        claim: d.string(uid?.claim, 'ClaimOrExpression.claimMappings.uid.claim'),
        expression: d.string(uid?.expression, 'ClaimOrExpression.claimMappings.uid.expression'),
      },
      extra: d.list(cm?.extra, 'ClaimMappings.jwt.claimMappings.extra', '[]v1.ExtraMapping', (x, j) => {
        const m = d.object(x, `${p}.claimMappings.extra[${j}]`, 'extra', 'v1.ExtraMapping', ['key', 'valueExpression'])
        return {
          key: d.string(m?.key, 'ExtraMapping.key'),
          valueExpression: d.string(m?.valueExpression, 'ExtraMapping.valueExpression'),
        }
      }),
    },
    userValidationRules: d.list(
      o?.userValidationRules,
      'JWTAuthenticator.jwt.userValidationRules',
      '[]v1.UserValidationRule',
      (r, j) => {
        const rule = d.object(r, `${p}.userValidationRules[${j}]`, 'userValidationRules', 'v1.UserValidationRule', [
          'expression',
          'message',
        ])
        return {
          expression: d.string(rule?.expression, 'UserValidationRule.expression'),
          message: d.string(rule?.message, 'UserValidationRule.message'),
        }
      },
    ),
  }
}

/** True when a decoded document declares itself an AuthenticationConfiguration of a served version. */
export function isAuthenticationConfiguration(doc: unknown): boolean {
  return isObj(doc) && doc.kind === 'AuthenticationConfiguration'
}

/**
 * Decodes an AuthenticationConfiguration document (already parsed from YAML or JSON). Never
 * throws: unknown fields, wrong types and unserved versions come back as errors, which the API
 * server would report at start-up.
 */
export function decodeAuthConfig(doc: unknown): DecodedAuthConfig {
  const d = new Decoder()
  const o = d.object(doc, '', 'AuthenticationConfiguration', 'v1.AuthenticationConfiguration', [
    'apiVersion',
    'kind',
    'jwt',
    'anonymous',
  ])
  const apiVersion = typeof o?.apiVersion === 'string' ? o.apiVersion : ''
  const [group, version] = apiVersion.split('/')
  if (!o) return { apiVersion, jwt: [], errors: ['the document is not an object'] }
  if (group !== AUTH_CONFIG_GROUP || !(AUTH_CONFIG_VERSIONS as readonly string[]).includes(version ?? '')) {
    return {
      apiVersion,
      jwt: [],
      errors: [
        apiVersion
          ? `no kind "AuthenticationConfiguration" is registered for version ${JSON.stringify(apiVersion)} in scheme "pkg/runtime/scheme.go:100"`
          : "Object 'apiVersion' is missing in the configuration",
      ],
    }
  }
  const jwt = d.list(o.jwt, 'AuthenticationConfiguration.jwt', '[]v1.JWTAuthenticator', (v, i) => decodeJwt(d, v, i))
  let anonymous: DecodedAuthConfig['anonymous']
  const anon = d.object(o.anonymous, 'anonymous', 'AuthenticationConfiguration.anonymous', 'v1.AnonymousAuthConfig', [
    'enabled',
    'conditions',
  ])
  if (anon) {
    anonymous = {
      enabled: d.bool(anon.enabled, 'AnonymousAuthConfig.anonymous.enabled'),
      conditions: d.list(
        anon.conditions,
        'AnonymousAuthConfig.anonymous.conditions',
        '[]v1.AnonymousAuthCondition',
        (c, i) => {
          const cond = d.object(c, `anonymous.conditions[${i}]`, 'conditions', 'v1.AnonymousAuthCondition', ['path'])
          return { path: d.string(cond?.path, 'AnonymousAuthCondition.path') }
        },
      ),
    }
  }
  return { apiVersion, jwt, anonymous, errors: d.finish() }
}

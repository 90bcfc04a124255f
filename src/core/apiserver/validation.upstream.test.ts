// Cases ported from kubernetes/apiserver pkg/apis/apiserver/validation/validation_test.go at commit
// 24a394e516bfda066d7e2221d7d92c052de27c54 (TestValidateAuthenticationConfiguration,
// TestValidateIssuerURL, TestValidateIssuerDiscoveryURL, TestValidateAudiences,
// TestValidateClaimValidationRules, TestValidateClaimMappings, TestValidateUserValidationRules).
// Expected messages are upstream's, except that cel-go's compiler text after "compilation failed: "
// is not reproduced by the CEL library here; those cases check the message up to that point.
import { describe, expect, it } from 'vitest'
import { createCelEngine } from '../cel/index.ts'
import { jwtAuthenticator, type JwtSpec } from '../../test/apiserverKit.ts'
import { fieldErrorsMessage } from './fieldErrors.ts'
import { validateAuthenticationConfiguration, validateJwtAuthenticator } from './validate.ts'

const cel = createCelEngine()
const valid = (s: JwtSpec = {}): JwtSpec => ({
  url: 'https://issuer-url',
  audiences: ['audience'],
  claimRules: [{ claim: 'foo', requiredValue: 'bar' }],
  username: { claim: 'sub', prefix: 'prefix' },
  ...s,
})
const VERIFIED_RULE =
  'claims.email_verified must be used in claimMappings.username.expression or claimMappings.extra[*].valueExpression or claimValidationRules[*].expression when claims.email is used in claimMappings.username.expression'

interface ConfigCase {
  name: string
  jwt: JwtSpec[]
  disallowed?: string[]
  want: string
}

const configCases: ConfigCase[] = [
  {
    name: 'jwt authenticator has duplicate issuer url',
    jwt: [valid(), valid()],
    want: 'jwt[1].issuer.url: Duplicate value: "https://issuer-url"',
  },
  {
    name: 'jwt authenticator has duplicate discovery url',
    jwt: [
      valid({ discoveryURL: 'https://discovery-url/.well-known/openid-configuration' }),
      valid({
        url: 'https://different-issuer-url',
        discoveryURL: 'https://discovery-url/.well-known/openid-configuration',
      }),
    ],
    want: 'jwt[1].issuer.discoveryURL: Duplicate value: "https://discovery-url/.well-known/openid-configuration"',
  },
  {
    name: 'failed issuer validation',
    jwt: [valid({ url: 'invalid-url' })],
    want: 'jwt[0].issuer.url: Invalid value: "invalid-url": URL scheme must be https',
  },
  {
    name: 'failed claimValidationRule validation',
    jwt: [
      valid({
        claimRules: [
          { claim: 'foo', requiredValue: 'bar' },
          { claim: 'foo', requiredValue: 'baz' },
        ],
      }),
    ],
    want: 'jwt[0].claimValidationRules[1].claim: Duplicate value: "foo"',
  },
  {
    name: 'failed claimMapping validation',
    jwt: [valid({ username: { prefix: 'prefix' } })],
    want: 'jwt[0].claimMappings.username: Required value: claim or expression is required',
  },
  {
    name: 'failed userValidationRule validation',
    jwt: [valid({ userRules: [{ expression: "user.username == 'foo'" }, { expression: "user.username == 'foo'" }] })],
    want: 'jwt[0].userValidationRules[1].expression: Duplicate value: "user.username == \'foo\'"',
  },
  {
    name: 'valid authentication configuration with disallowed issuer',
    jwt: [valid()],
    disallowed: ['a', 'b', 'https://issuer-url', 'c'],
    want: 'jwt[0].issuer.url: Invalid value: "https://issuer-url": URL must not overlap with disallowed issuers: [a b c https://issuer-url]',
  },
  {
    name: 'failed egressSelectorType validation',
    jwt: [valid({ egressSelectorType: 'panda' })],
    want: 'jwt[0].issuer.egressSelectorType: Invalid value: "panda": egress selector must be either controlplane or cluster',
  },
  { name: 'valid egressSelectorType', jwt: [valid({ egressSelectorType: 'controlplane' })], want: '' },
  {
    name: 'valid authentication configuration that uses unverified email',
    jwt: [valid({ username: { expression: 'claims.email' } })],
    want: `jwt[0].claimMappings.username.expression: Invalid value: "claims.email": ${VERIFIED_RULE}`,
  },
  {
    name: 'valid authentication configuration that almost uses unverified email',
    jwt: [valid({ username: { expression: 'claims.email_' } })],
    want: '',
  },
  {
    name: 'valid authentication configuration that uses unverified email join',
    jwt: [valid({ username: { expression: "['yay', string(claims.email), 'panda'].join(' ')" } })],
    want: `jwt[0].claimMappings.username.expression: Invalid value: "['yay', string(claims.email), 'panda'].join(' ')": ${VERIFIED_RULE}`,
  },
  {
    name: 'valid authentication configuration that uses unverified optional email',
    jwt: [valid({ username: { expression: 'claims.?email' } })],
    want: `jwt[0].claimMappings.username.expression: Invalid value: "claims.?email": ${VERIFIED_RULE}`,
  },
  {
    name: 'valid authentication configuration that uses unverified email value in list iteration',
    jwt: [valid({ username: { expression: '["a"].map(i, i + claims.email)' } })],
    want: `jwt[0].claimMappings.username.expression: Invalid value: "[\\"a\\"].map(i, i + claims.email)": ${VERIFIED_RULE}`,
  },
  {
    name: 'valid authentication configuration that uses unverified optional map email value',
    jwt: [valid({ username: { expression: '{"fancy": claims.?email}' } })],
    want: `jwt[0].claimMappings.username.expression: Invalid value: "{\\"fancy\\": claims.?email}": ${VERIFIED_RULE}`,
  },
  {
    name: 'valid authentication configuration that uses verified email join via rule',
    jwt: [
      valid({
        claimRules: [{ expression: 'string(claims.email_verified) == "panda"' }],
        username: { expression: "['yay', string(claims.email), 'panda'].join(' ')" },
      }),
    ],
    want: '',
  },
  {
    name: 'valid authentication configuration that uses verified email join via extra',
    jwt: [
      valid({
        username: { expression: "['yay', string(claims.email), 'panda'].join(' ')" },
        extra: [{ key: 'panda.io/foo', valueExpression: 'claims.email_verified.upperAscii()' }],
      }),
    ],
    want: '',
  },
  {
    name: 'valid authentication configuration that uses verified email join via extra optional',
    jwt: [
      valid({
        username: { expression: "['yay', string(claims.email), 'panda'].join(' ')" },
        extra: [{ key: 'panda.io/foo', valueExpression: 'claims.?email_verified' }],
      }),
    ],
    want: '',
  },
  {
    name: 'valid authentication configuration that uses email and email_verified || true via username',
    jwt: [valid({ username: { expression: 'claims.?email_verified.orValue(true) ? claims.email : claims.sub' } })],
    want: '',
  },
  {
    name: 'valid authentication configuration that uses email and email_verified || false via username',
    jwt: [valid({ username: { expression: 'claims.?email_verified.orValue(false) ? claims.email : claims.sub' } })],
    want: '',
  },
  { name: 'valid authentication configuration', jwt: [valid()], want: '' },
]

describe('validation_test.go TestValidateAuthenticationConfiguration, ported', () => {
  for (const c of configCases)
    it(c.name, () => {
      const { errors } = validateAuthenticationConfiguration(
        c.jwt.map(jwtAuthenticator),
        undefined,
        c.disallowed ?? [],
        cel,
      )
      expect(errors.length ? fieldErrorsMessage(errors) : '').toBe(c.want)
    })
  it('more than 64 authenticators', () => {
    const jwt = Array.from({ length: 65 }, (_, i) => jwtAuthenticator(valid({ url: `https://issuer-${i}` })))
    expect(fieldErrorsMessage(validateAuthenticationConfiguration(jwt, undefined, [], cel).errors)).toBe(
      'jwt: Too many: 65: must have at most 64 items',
    )
  })
  it('anonymous conditions without enabled', () => {
    const { errors } = validateAuthenticationConfiguration(
      [],
      { enabled: false, conditions: [{ path: '/livez' }] },
      [],
      cel,
    )
    expect(errors.map((e) => e.detail)).toEqual(['enabled should be set to true when conditions are defined'])
  })
})

interface PartCase {
  name: string
  jwt: JwtSpec
  /** Path given to the validator; upstream's unit tests root their paths at "issuer" for the rule and mapping tests. */
  path?: string
  disallowed?: string[]
  want: string
  /** Compare only the start: cel-go's compiler text is not reproduced. */
  prefix?: boolean
}

const issuerUrl = (name: string, url: string, want: string, disallowed?: string[]): PartCase => ({
  name,
  jwt: valid({ url }),
  want,
  disallowed,
})
const discovery = (name: string, discoveryURL: string, want: string, url = 'https://issuer-url'): PartCase => ({
  name,
  jwt: valid({ url, discoveryURL }),
  want,
})
const audiences = (name: string, auds: string[], want: string, audienceMatchPolicy?: string): PartCase => ({
  name,
  jwt: valid({ audiences: auds, audienceMatchPolicy }),
  want,
})
const rules = (name: string, claimRules: JwtSpec['claimRules'], want: string, prefix = false): PartCase => ({
  name,
  path: 'issuer',
  jwt: valid({ claimRules }),
  want,
  prefix,
})
const mappings = (name: string, m: Partial<JwtSpec>, want: string, prefix = false): PartCase => ({
  name,
  path: 'issuer',
  jwt: valid({ claimRules: [], ...m }),
  want,
  prefix,
})
const userRules = (name: string, r: JwtSpec['userRules'], want: string, prefix = false): PartCase => ({
  name,
  path: 'issuer',
  jwt: valid({ userRules: r }),
  want,
  prefix,
})

const partCases: PartCase[] = [
  issuerUrl('url is empty', '', 'issuer.url: Required value'),
  issuerUrl(
    'url parse error',
    'https://issuer-url:invalid-port',
    'issuer.url: Invalid value: "https://issuer-url:invalid-port": parse "https://issuer-url:invalid-port": invalid port ":invalid-port" after host',
  ),
  issuerUrl(
    'url is not https',
    'http://issuer-url',
    'issuer.url: Invalid value: "http://issuer-url": URL scheme must be https',
  ),
  issuerUrl(
    'url user info is not allowed',
    'https://user:pass@issuer-url',
    'issuer.url: Invalid value: "https://user:pass@issuer-url": URL must not contain a username or password',
  ),
  issuerUrl(
    'url raw query is not allowed',
    'https://issuer-url?query',
    'issuer.url: Invalid value: "https://issuer-url?query": URL must not contain a query',
  ),
  issuerUrl(
    'url fragment is not allowed',
    'https://issuer-url#fragment',
    'issuer.url: Invalid value: "https://issuer-url#fragment": URL must not contain a fragment',
  ),
  issuerUrl(
    'url is in disallowed list',
    'https://issuer-url',
    'issuer.url: Invalid value: "https://issuer-url": URL must not overlap with disallowed issuers: [https://issuer-url]',
    ['https://issuer-url'],
  ),
  issuerUrl('valid url', 'https://issuer-url', ''),
  issuerUrl('valid url that is disallowed', 'https://issuer-url', '', ['https://other-issuer-url']),
  discovery(
    'url parse error',
    'https://oidc.oidc-namespace.svc:invalid-port',
    'issuer.discoveryURL: Invalid value: "https://oidc.oidc-namespace.svc:invalid-port": parse "https://oidc.oidc-namespace.svc:invalid-port": invalid port ":invalid-port" after host',
  ),
  discovery(
    'url is not https',
    'http://oidc.oidc-namespace.svc',
    'issuer.discoveryURL: Invalid value: "http://oidc.oidc-namespace.svc": URL scheme must be https',
  ),
  discovery(
    'url user info is not allowed',
    'https://user:pass@oidc.oidc-namespace.svc',
    'issuer.discoveryURL: Invalid value: "https://user:pass@oidc.oidc-namespace.svc": URL must not contain a username or password',
  ),
  discovery(
    'url raw query is not allowed',
    'https://oidc.oidc-namespace.svc?query',
    'issuer.discoveryURL: Invalid value: "https://oidc.oidc-namespace.svc?query": URL must not contain a query',
  ),
  discovery(
    'url fragment is not allowed',
    'https://oidc.oidc-namespace.svc#fragment',
    'issuer.discoveryURL: Invalid value: "https://oidc.oidc-namespace.svc#fragment": URL must not contain a fragment',
  ),
  discovery('valid url', 'https://oidc.oidc-namespace.svc', ''),
  discovery('valid url with path', 'https://oidc.oidc-namespace.svc/path', ''),
  discovery(
    'discovery url same as issuer url',
    'https://issuer-url',
    'issuer.discoveryURL: Invalid value: "https://issuer-url": discoveryURL must be different from URL',
  ),
  discovery(
    'discovery url same as issuer url, with trailing slash',
    'https://issuer-url/',
    'issuer.discoveryURL: Invalid value: "https://issuer-url/": discoveryURL must be different from URL',
  ),
  discovery(
    'discovery url same as issuer url, with multiple trailing slashes',
    'https://issuer-url///',
    'issuer.discoveryURL: Invalid value: "https://issuer-url///": discoveryURL must be different from URL',
  ),
  discovery(
    'discovery url same as issuer url, issuer url with trailing slash',
    'https://issuer-url',
    'issuer.discoveryURL: Invalid value: "https://issuer-url": discoveryURL must be different from URL',
    'https://issuer-url/',
  ),
  audiences('audiences is empty', [], 'issuer.audiences: Required value: at least one issuer.audiences is required'),
  audiences('audience is empty', [''], 'issuer.audiences[0]: Required value'),
  audiences(
    'invalid match policy with single audience',
    ['audience'],
    'issuer.audienceMatchPolicy: Invalid value: "MatchExact": audienceMatchPolicy must be empty or MatchAny for single audience',
    'MatchExact',
  ),
  audiences('valid audience', ['audience'], ''),
  audiences('valid audience with MatchAny policy', ['audience'], '', 'MatchAny'),
  audiences(
    'duplicate audience',
    ['audience', 'audience'],
    'issuer.audiences[1]: Duplicate value: "audience"',
    'MatchAny',
  ),
  audiences(
    'match policy not set with multiple audiences',
    ['audience1', 'audience2'],
    'issuer.audienceMatchPolicy: Invalid value: "": audienceMatchPolicy must be MatchAny for multiple audiences',
  ),
  audiences('valid multiple audiences', ['audience1', 'audience2'], '', 'MatchAny'),
  rules(
    'claim and expression are empty',
    [{}],
    'issuer.claimValidationRules[0]: Required value: claim or expression is required',
  ),
  rules(
    'claim and expression are set',
    [{ claim: 'claim', expression: 'expression' }],
    'issuer.claimValidationRules[0]: Invalid value: "claim": claim and expression can\'t both be set',
  ),
  rules(
    'message set when claim is set',
    [{ claim: 'claim', message: 'message' }],
    'issuer.claimValidationRules[0].message: Invalid value: "message": may not be specified when claim is set',
  ),
  rules(
    'requiredValue set when expression is set',
    [{ expression: "claims.foo == 'bar'", requiredValue: 'value' }],
    'issuer.claimValidationRules[0].requiredValue: Invalid value: "value": may not be specified when expression is set',
  ),
  rules(
    'duplicate claim',
    [{ claim: 'claim' }, { claim: 'claim' }],
    'issuer.claimValidationRules[1].claim: Duplicate value: "claim"',
  ),
  rules(
    'duplicate expression',
    [{ expression: "claims.foo == 'bar'" }, { expression: "claims.foo == 'bar'" }],
    'issuer.claimValidationRules[1].expression: Duplicate value: "claims.foo == \'bar\'"',
  ),
  rules(
    'CEL expression compilation error',
    [{ expression: 'foo.bar' }],
    'issuer.claimValidationRules[0].expression: Invalid value: "foo.bar": compilation failed: ',
    true,
  ),
  rules(
    'expression does not evaluate to bool',
    [{ expression: 'claims.foo' }],
    'issuer.claimValidationRules[0].expression: Invalid value: "claims.foo": must evaluate to bool',
  ),
  rules('valid claim validation rule with expression', [{ expression: "claims.foo == 'bar'" }], ''),
  rules(
    'valid claim validation rule with multiple rules and email_verified check',
    [
      { claim: 'claim1', requiredValue: 'value1' },
      { claim: 'claim2', requiredValue: 'value2' },
      { expression: 'has(claims.email_verified)' },
    ],
    '',
  ),
  mappings(
    'username expression and claim are set',
    { username: { claim: 'claim', expression: 'claims.username' } },
    'issuer.claimMappings.username: Invalid value: "": claim and expression can\'t both be set',
  ),
  mappings(
    'username expression and claim are empty',
    { username: {} },
    'issuer.claimMappings.username: Required value: claim or expression is required',
  ),
  mappings(
    'username prefix set when expression is set',
    { username: { expression: 'claims.username', prefix: 'prefix' } },
    'issuer.claimMappings.username.prefix: Invalid value: "prefix": may not be specified when expression is set',
  ),
  mappings(
    'username prefix is nil when claim is set',
    { username: { claim: 'claim' } },
    'issuer.claimMappings.username.prefix: Required value: prefix is required when claim is set. It can be set to an empty string to disable prefixing',
  ),
  mappings(
    'username expression is invalid',
    { username: { expression: 'foo.bar' } },
    'issuer.claimMappings.username.expression: Invalid value: "foo.bar": compilation failed: ',
    true,
  ),
  mappings(
    'groups expression and claim are set',
    { groups: { claim: 'claim', expression: 'claims.groups' } },
    'issuer.claimMappings.groups: Invalid value: "": claim and expression can\'t both be set',
  ),
  mappings(
    'groups prefix set when expression is set',
    { groups: { expression: 'claims.groups', prefix: 'prefix' } },
    'issuer.claimMappings.groups.prefix: Invalid value: "prefix": may not be specified when expression is set',
  ),
  mappings(
    'groups prefix is nil when claim is set',
    { groups: { claim: 'claim' } },
    'issuer.claimMappings.groups.prefix: Required value: prefix is required when claim is set. It can be set to an empty string to disable prefixing',
  ),
  mappings(
    'uid expression and claim are set',
    { uid: { claim: 'claim', expression: 'claims.uid' } },
    'issuer.claimMappings.uid: Invalid value: "": claim and expression can\'t both be set',
  ),
  mappings(
    'uid expression is invalid',
    { uid: { expression: 'foo.bar' } },
    'issuer.claimMappings.uid.expression: Invalid value: "foo.bar": compilation failed: ',
    true,
  ),
  mappings(
    'extra mapping key is empty',
    { extra: [{ key: '', valueExpression: 'claims.extra' }] },
    'issuer.claimMappings.extra[0].key: Required value',
  ),
  mappings(
    'extra mapping value expression is empty',
    { extra: [{ key: 'example.org/foo', valueExpression: '' }] },
    'issuer.claimMappings.extra[0].valueExpression: Required value',
  ),
  mappings(
    'extra mapping value expression is invalid',
    { extra: [{ key: 'example.org/foo', valueExpression: 'foo.bar' }] },
    'issuer.claimMappings.extra[0].valueExpression: Invalid value: "foo.bar": compilation failed: ',
    true,
  ),
  mappings(
    'extra mapping key is duplicated',
    {
      extra: [
        { key: 'example.org/foo', valueExpression: 'claims.extra' },
        { key: 'example.org/foo', valueExpression: 'claims.extras' },
      ],
    },
    'issuer.claimMappings.extra[1].key: Duplicate value: "example.org/foo"',
  ),
  mappings(
    'extra mapping key is not domain prefix path',
    { extra: [{ key: 'foo', valueExpression: 'claims.extra' }] },
    'issuer.claimMappings.extra[0].key: Invalid value: "foo": must be a domain-prefixed path (such as "acme.io/foo")',
  ),
  mappings(
    'extra mapping key is not lower case',
    { extra: [{ key: 'example.org/Foo', valueExpression: 'claims.extra' }] },
    'issuer.claimMappings.extra[0].key: Invalid value: "example.org/Foo": must be lowercase',
  ),
  mappings(
    'extra mapping key prefix is k8.io',
    { extra: [{ key: 'k8s.io/foo', valueExpression: 'claims.extra' }] },
    'issuer.claimMappings.extra[0].key: Invalid value: "k8s.io/foo": k8s.io, kubernetes.io and their subdomains are reserved for Kubernetes use',
  ),
  mappings(
    'extra mapping key prefix contains k8.io',
    { extra: [{ key: 'example.k8s.io/foo', valueExpression: 'claims.extra' }] },
    'issuer.claimMappings.extra[0].key: Invalid value: "example.k8s.io/foo": k8s.io, kubernetes.io and their subdomains are reserved for Kubernetes use',
  ),
  mappings(
    'extra mapping key prefix is kubernetes.io',
    { extra: [{ key: 'kubernetes.io/foo', valueExpression: 'claims.extra' }] },
    'issuer.claimMappings.extra[0].key: Invalid value: "kubernetes.io/foo": k8s.io, kubernetes.io and their subdomains are reserved for Kubernetes use',
  ),
  mappings(
    'extra mapping key prefix contains kubernetes.io',
    { extra: [{ key: 'example.kubernetes.io/foo', valueExpression: 'claims.extra' }] },
    'issuer.claimMappings.extra[0].key: Invalid value: "example.kubernetes.io/foo": k8s.io, kubernetes.io and their subdomains are reserved for Kubernetes use',
  ),
  mappings(
    'valid claim mappings',
    {
      username: { expression: 'claims.username' },
      groups: { expression: 'claims.groups' },
      uid: { expression: 'claims.uid' },
      extra: [{ key: 'example.org/foo', valueExpression: 'claims.extra' }],
    },
    '',
  ),
  mappings(
    'username and email used via claims.email',
    { username: { expression: 'claims.email' } },
    `issuer.claimMappings.username.expression: Invalid value: "claims.email": ${VERIFIED_RULE}`,
  ),
  mappings(
    'username has(claims.email) counts as using it',
    { username: { expression: 'has(claims.email) ? claims.email : claims.sub' } },
    `issuer.claimMappings.username.expression: Invalid value: "has(claims.email) ? claims.email : claims.sub": ${VERIFIED_RULE}`,
  ),
  mappings(
    'username and email used via method call',
    { username: { expression: 'claims.email.trim()' } },
    `issuer.claimMappings.username.expression: Invalid value: "claims.email.trim()": ${VERIFIED_RULE}`,
  ),
  mappings(
    'username uses email and email_verified via extra',
    {
      username: { expression: 'claims.email' },
      extra: [{ key: 'example.org/foo', valueExpression: 'claims.email_verified' }],
    },
    '',
  ),
  mappings(
    'username via claims["email"] does not count as a select',
    { username: { expression: 'claims["email"]' } },
    '',
  ),
  userRules(
    'user validation rule is empty',
    [{ expression: '' }],
    'issuer.userValidationRules[0].expression: Required value',
  ),
  userRules(
    'duplicate expression',
    [{ expression: "user.username == 'foo'" }, { expression: "user.username == 'foo'" }],
    'issuer.userValidationRules[1].expression: Duplicate value: "user.username == \'foo\'"',
  ),
  userRules(
    'user validation rule is invalid',
    [{ expression: 'foo.bar' }],
    'issuer.userValidationRules[0].expression: Invalid value: "foo.bar": compilation failed: ',
    true,
  ),
  userRules(
    'expression does not return bool',
    [{ expression: 'user.username' }],
    'issuer.userValidationRules[0].expression: Invalid value: "user.username": must evaluate to bool',
  ),
  userRules('valid user info validation rule', [{ expression: "user.username == 'foo'" }], ''),
]

describe('validation_test.go issuer, audiences, rules and mappings, ported', () => {
  for (const c of partCases)
    it(`${c.name} (${c.want ? c.want.split(':')[0] : 'valid'})`, () => {
      const got = validateJwtAuthenticator(jwtAuthenticator(c.jwt), c.path ?? '', c.disallowed ?? [], cel).errors
      const text = got.length ? fieldErrorsMessage(got) : ''
      if (c.prefix) expect(text.startsWith(c.want)).toBe(true)
      else expect(text).toBe(c.want)
    })
})

import { describe, expect, it } from 'vitest'
import { parseYamlDocuments } from '../../test/yaml.ts'
import { parseClusterSettings } from './settings.ts'
import { shellWords } from './flags.ts'

const parse = (text: string) => {
  const r = parseClusterSettings(text, { parseYaml: parseYamlDocuments })
  if (!r.settings) throw new Error('pending')
  return r.settings
}

const MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver
  namespace: kube-system
spec:
  containers:
  - command:
    - kube-apiserver
    - --advertise-address=172.18.0.2
    - --service-account-issuer=https://kubernetes.default.svc.cluster.local
    - --service-account-key-file=/etc/kubernetes/pki/sa.pub
    - --service-account-signing-key-file=/etc/kubernetes/pki/sa.key
    name: kube-apiserver
`

describe('parseClusterSettings recognises what was pasted', () => {
  it('nothing: the defaults, said in words', () => {
    const s = parse('  ')
    expect(s.source).toBe('none')
    expect(s.found[0]).toContain('The token’s own issuer is taken as the service account issuer')
    expect(s.errors).toEqual([])
  })
  it('a kind static Pod manifest: its command is read as flags', () => {
    const s = parse(MANIFEST)
    expect(s.source).toBe('static-pod')
    expect(s.serviceAccount).toEqual({
      issuers: ['https://kubernetes.default.svc.cluster.local'],
      keyFiles: ['/etc/kubernetes/pki/sa.pub'],
      lookup: true,
    })
    expect(s.errors).toEqual([])
  })
  it('a manifest without --service-account-issuer fails as the API server does at start-up', () => {
    const s = parse(
      MANIFEST.replace('    - --service-account-issuer=https://kubernetes.default.svc.cluster.local\n', ''),
    )
    expect(s.errors.map((e) => e.message)).toEqual(['service-account-issuer is a required flag'])
  })
  it('a command line with continuations, quotes and repeated issuers', () => {
    const s = parse(
      `kube-apiserver \\\n  --service-account-issuer=https://new \\\n  --service-account-issuer "https://old" \\\n  --api-audiences='a,b' --other-flag=1`,
    )
    expect(s.serviceAccount.issuers).toEqual(['https://new', 'https://old'])
    expect(s.serviceAccount.apiAudiences).toEqual(['a', 'b'])
    expect(s.found[0]).toContain('1 others ignored')
  })
  it('one flag per line, with a duplicate issuer', () => {
    const s = parse('--service-account-issuer=https://a\n--service-account-issuer=https://a')
    expect(s.errors.map((e) => e.message)).toEqual(['service-account-issuer "https://a" is already specified'])
  })
  it('the legacy --oidc-* flags become one JWT authenticator, with upstream’s prefix rules', () => {
    const s = parse(
      '--oidc-issuer-url=https://idp --oidc-client-id=k8s --oidc-groups-claim=groups --oidc-required-claim=hd=example.com',
    )
    expect(s.jwtSource).toBe('oidc-flags')
    expect(s.signingAlgs).toEqual(['RS256'])
    const a = s.jwt[0]!
    expect(a.issuer.audiences).toEqual(['k8s'])
    expect(a.claimMappings.username).toEqual({ claim: 'sub', prefix: 'https://idp#', expression: '' })
    expect(a.claimMappings.groups).toEqual({ claim: 'groups', prefix: '', expression: '' })
    expect(a.claimValidationRules).toEqual([{ claim: 'hd', requiredValue: 'example.com', expression: '', message: '' }])
    expect(
      parse('--oidc-issuer-url=https://idp --oidc-client-id=k8s --oidc-username-claim=email').jwt[0]!.claimMappings
        .username.prefix,
    ).toBe('')
    expect(
      parse('--oidc-issuer-url=https://idp --oidc-client-id=k8s --oidc-username-prefix=-').jwt[0]!.claimMappings
        .username.prefix,
    ).toBe('')
  })
  it('oidc flag errors are start-up errors', () => {
    expect(parse('--oidc-issuer-url=https://idp').errors[0]?.message).toBe(
      'oidc-issuer-url and oidc-client-id must be specified together when any oidc-* flags are set',
    )
    expect(parse('--oidc-issuer-url=https://idp --oidc-client-id=k --oidc-signing-algs=HS256').errors[0]?.message).toBe(
      'oidc: unsupported signing alg: "HS256"',
    )
    expect(parse('--oidc-issuer-url=http://idp --oidc-client-id=k').errors[0]?.message).toBe(
      'invalid authentication configuration: jwt[0].issuer.url: Invalid value: "http://idp": URL scheme must be https',
    )
    expect(parse('--authentication-config=/etc/authn.yaml --oidc-client-id=k').errors[0]?.message).toBe(
      'authentication-config file and oidc-* flags are mutually exclusive',
    )
  })
  it('an AuthenticationConfiguration in JSON, any served version', () => {
    for (const v of ['v1', 'v1beta1', 'v1alpha1']) {
      const s = parse(
        JSON.stringify({
          apiVersion: `apiserver.config.k8s.io/${v}`,
          kind: 'AuthenticationConfiguration',
          jwt: [
            {
              issuer: { url: 'https://idp', audiences: ['a'] },
              claimMappings: { username: { claim: 'sub', prefix: '' } },
            },
          ],
        }),
      )
      expect(s.source).toBe('authentication-configuration')
      expect(s.errors).toEqual([])
      expect(s.signingAlgs).toHaveLength(9)
    }
  })
  it('strict decoding: unknown fields and wrong types stop the server', () => {
    const s = parse(`apiVersion: apiserver.config.k8s.io/v1
kind: AuthenticationConfiguration
jwt:
- issuer:
    url: https://idp
    audience: a
  claimMappings:
    username: {claim: sub, prefix: ""}
`)
    expect(s.errors.map((e) => e.message)).toEqual(['strict decoding error: unknown field "jwt[0].issuer.audience"'])
    const t = parse(
      '{"apiVersion":"apiserver.config.k8s.io/v1","kind":"AuthenticationConfiguration","jwt":[{"issuer":{"url":"https://idp","audiences":"a"}}]}',
    )
    expect(t.errors[0]?.message).toBe(
      'json: cannot unmarshal string into Go struct field Issuer.jwt.issuer.audiences of type []string',
    )
  })
  it('validation errors carry upstream’s field paths', () => {
    const s = parse(`apiVersion: apiserver.config.k8s.io/v1beta1
kind: AuthenticationConfiguration
jwt:
- issuer: {url: "http://idp", audiences: [a]}
  claimMappings:
    username: {claim: sub}
    extra:
    - {key: kubernetes.io/x, valueExpression: "'a'"}
`)
    expect(s.errors.map((e) => e.where)).toEqual([
      'jwt[0].issuer.url',
      'jwt[0].claimMappings.username.prefix',
      'jwt[0].claimMappings.extra[0].key',
    ])
  })
  it('YAML waits for the YAML parser', () => {
    expect(parseClusterSettings('apiVersion: v1\nkind: Pod')).toEqual({ pending: 'yaml' })
  })
  it('anything else is said to be unrecognised', () => {
    const s = parse('hello world')
    expect(s.errors[0]?.code).toBe('SETTINGS_UNRECOGNISED')
  })
})

describe('shellWords', () => {
  it('splits like a shell', () => {
    expect(shellWords(`a 'b c' "d \\"e\\"" f\\ g # comment\nh`)).toEqual(['a', 'b c', 'd "e"', 'f g', 'h'])
  })
})

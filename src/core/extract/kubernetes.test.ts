import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { b64u, fixture } from '../../test/tokens.ts'
import { parseYamlDocuments } from '../../test/yaml.ts'
import { extractToken } from './index.ts'
import { MAX_YAML_LINES } from './extractToken.ts'

const legacy = fixture('seed-legacy-explicit-secret-v1.24').token
const pod = fixture('seed-bound-pod-v1.24').token
const hs256 = fixture('rfc7515-a1-hs256').token
const secretYaml = readFileSync(new URL('../../test/secret-explicit-sa-token.yaml', import.meta.url), 'utf8')
const opts = { parseYaml: parseYamlDocuments }
const codes = (e: { diagnostics: { code: string }[] }) => e.diagnostics.map((d) => d.code)
const b64 = (s: string) => Buffer.from(s).toString('base64')

function secret(name: string, token: string, annotations: Record<string, string> = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'kubernetes.io/service-account-token',
    metadata: { name, namespace: 'default', annotations },
    data: { token: b64(token), 'ca.crt': b64('-----BEGIN CERTIFICATE-----\n') },
  }
}

describe('Kubernetes Secrets', () => {
  it('extracts the legacy token of the shared Secret fixture, with its context', () => {
    const e = extractToken(secretYaml, opts)
    expect(e).toMatchObject({ token: legacy, source: 'secret', repaired: false })
    expect(e.explanation).toBe('Found in Secret default/explicit-sa-token, data.token, base64-decoded.')
    expect(e.context).toEqual({
      kind: 'secret',
      name: 'explicit-sa-token',
      namespace: 'default',
      type: 'kubernetes.io/service-account-token',
      field: 'data.token',
      annotations: {
        'kubernetes.io/service-account.name': 'sa-token-demo',
        'kubernetes.io/service-account.uid': 'b62bc32e-b502-4654-921d-94a742e273a8',
      },
      serviceAccountName: 'sa-token-demo',
      serviceAccountUid: 'b62bc32e-b502-4654-921d-94a742e273a8',
      hasCaCrt: true,
    })
    expect(codes(e)).toEqual(['SECRET_CLAIMS_MATCH'])
    expect(e.diagnostics[0]?.message).toMatch(
      /kubernetes.io\/service-account.name, annotation kubernetes.io\/service-account.uid, name, namespace match/,
    )
  })

  it('needs a YAML parser for the fixture and says so', () => {
    expect(extractToken(secretYaml)).toMatchObject({ pending: 'yaml', token: '' })
  })

  it('flags annotations that do not match the token claims, on the claim row', () => {
    const wrong = secretYaml.replace('sa-token-demo', 'someone-else')
    const e = extractToken(wrong, opts)
    expect(e.token).toBe(legacy)
    expect(e.diagnostics).toEqual([
      expect.objectContaining({
        code: 'SECRET_CLAIM_MISMATCH',
        severity: 'warning',
        pointer: '/kubernetes.io~1serviceaccount~1service-account.name',
        location: 'payload',
      }),
    ])
    expect(e.diagnostics[0]?.message).toMatch(/"someone-else".*"sa-token-demo"/)
  })

  it('reads a JSON Secret without any YAML parser, and stringData', () => {
    const json = JSON.stringify(
      secret('explicit-sa-token', legacy, { 'kubernetes.io/service-account.name': 'sa-token-demo' }),
      null,
      2,
    )
    expect(extractToken(json)).toMatchObject({ token: legacy, source: 'secret' })
    const plain = {
      kind: 'Secret',
      type: 'kubernetes.io/service-account-token',
      metadata: { name: 's' },
      stringData: { token: pod },
    }
    const e = extractToken(JSON.stringify(plain))
    expect(e).toMatchObject({
      token: pod,
      source: 'secret',
      explanation: 'Found in Secret s, stringData.token, as plain text.',
    })
  })

  it('offers every Secret of a List, and skips those without tokens quietly', () => {
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      items: [
        {
          kind: 'Secret',
          type: 'Opaque',
          metadata: { name: 'db-password', namespace: 'default' },
          data: { password: b64('hunter2') },
        },
        secret('first', legacy),
        secret('second', pod),
      ],
    }
    const e = extractToken(JSON.stringify(list), { pick: 1 })
    expect(e.candidates.map((c) => c.label)).toEqual(['Secret default/first', 'Secret default/second'])
    expect(e).toMatchObject({ token: pod, selected: 1, source: 'secret' })
    // Only the chosen Secret's cross-check, none about the Opaque Secret.
    expect(codes(e)).toEqual(['SECRET_CLAIMS_MATCH'])
  })

  it('reads a YAML List and multi-document YAML the same way', () => {
    const yaml = `apiVersion: v1\nkind: Secret\nmetadata: {name: a}\ntype: kubernetes.io/service-account-token\ndata:\n  token: ${b64(legacy)}\n---\nkind: Secret\nmetadata: {name: b}\ntype: kubernetes.io/service-account-token\ndata:\n  token: ${b64(pod)}\n`
    expect(extractToken(yaml, opts).candidates.map((c) => c.token)).toEqual([legacy, pod])
  })

  it('explains a Secret without a token, and one that is not a service-account Secret', () => {
    const empty = extractToken(
      'kind: Secret\ntype: kubernetes.io/service-account-token\nmetadata:\n  name: pending\n',
      opts,
    )
    expect(empty.token).toBe('')
    expect(codes(empty)).toEqual(['NO_TOKEN_FOUND'])
    expect(empty.diagnostics[0]?.message).toMatch(/token controller fills it in/)
    const opaque = extractToken(JSON.stringify({ ...secret('o', pod), type: 'Opaque' }))
    expect(opaque.token).toBe(pod)
    expect(codes(opaque)).toContain('SECRET_NOT_SA_TOKEN_TYPE')
  })

  it('rejects a data.token that is base64 of something else', () => {
    const e = extractToken(
      JSON.stringify({
        kind: 'Secret',
        metadata: { name: 'x' },
        type: 'kubernetes.io/service-account-token',
        data: { token: b64('this is not a token at all') },
      }),
    )
    expect(e.token).toBe('')
    expect(codes(e)).toEqual(['BASE64_NOT_JWT'])
    expect(e.diagnostics[0]?.message).toMatch(
      /^data.token of Secret x is valid base64, but it decodes to the text "this is not a token at a…"/,
    )
  })
})

const kubeconfig = `apiVersion: v1
kind: Config
current-context: prod
clusters:
- name: kind-kind
  cluster: {server: https://127.0.0.1:6443}
- name: prod-cluster
  cluster: {server: https://prod.example:6443}
contexts:
- name: kind-kind
  context: {cluster: kind-kind, user: alice}
- name: prod
  context: {cluster: prod-cluster, user: bob, namespace: payments}
users:
- name: alice
  user:
    token: ${legacy}
- name: carol
  user:
    token: ${hs256}
- name: bob
  user:
    token: ${pod}
- name: dave
  user:
    exec: {command: aws, apiVersion: client.authentication.k8s.io/v1beta1}
`

describe('kubeconfigs', () => {
  it('lists the three token users, the current context user first', () => {
    const e = extractToken(kubeconfig, opts)
    expect(e.candidates.map((c) => c.label)).toEqual(['user "bob" (current context)', 'user "alice"', 'user "carol"'])
    expect(e).toMatchObject({ token: pod, source: 'kubeconfig', selected: 0 })
    expect(e.explanation).toBe(
      'Found in kubeconfig user "bob", used by context "prod" (current) on cluster "prod-cluster". (1 of 3 tokens found)',
    )
    expect(e.context).toEqual({
      kind: 'kubeconfig',
      user: 'bob',
      contexts: [{ name: 'prod', cluster: 'prod-cluster', namespace: 'payments' }],
      currentContext: 'prod',
      isCurrentUser: true,
    })
    expect(codes(e)).toEqual(['KUBECONFIG_USER_WITHOUT_TOKEN'])
    expect(e.diagnostics[0]?.message).toMatch(/"dave" gets its token from the exec plugin aws/)
  })

  it('picks another user', () => {
    const e = extractToken(kubeconfig, { ...opts, pick: 2 })
    expect(e).toMatchObject({ token: hs256, label: 'user "carol"' })
    expect(e.explanation).toMatch(/used by no context/)
  })

  it('reads `kubectl config view -o json` output', () => {
    const json = JSON.stringify(parseYamlDocuments(kubeconfig)[0])
    expect(extractToken(json).candidates).toHaveLength(3)
  })

  it('names users whose token is redacted or not a JWT', () => {
    const e = extractToken(
      'kind: Config\nclusters: []\nusers:\n- name: r\n  user: {token: REDACTED}\n- name: b\n  user: {token: 31ada4fd-adec-460c-809a-9e56ceb75269}\n',
      opts,
    )
    expect(codes(e)).toEqual(['KUBECONFIG_USER_WITHOUT_TOKEN', 'NO_TOKEN_FOUND'])
    expect(e.diagnostics[0]?.message).toMatch(
      /"r" has its token redacted, as kubectl config view does without --raw; user "b" has a token that is not a JWT/,
    )
  })

  it('explains a kubeconfig without token users', () => {
    const e = extractToken(
      'kind: Config\nusers:\n- name: x\n  user:\n    client-certificate-data: AAAA\nclusters: []\n',
      opts,
    )
    expect(e.token).toBe('')
    expect(codes(e)).toEqual(['KUBECONFIG_USER_WITHOUT_TOKEN', 'NO_TOKEN_FOUND'])
  })
})

describe('TokenRequest responses', () => {
  // The seed pod token was extended: iat 1660909741, exp one year later, status says 3607 s.
  const iat = 1660909741
  const stamp = new Date((iat + 3607) * 1000).toISOString().replace('.000Z', 'Z')
  const tokenRequest = {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name: 'default', namespace: 'default' },
    spec: {
      audiences: ['https://kubernetes.default.svc.cluster.local'],
      expirationSeconds: 3607,
      boundObjectRef: { kind: 'Pod', name: 'busybox' },
    },
    status: { token: pod, expirationTimestamp: stamp },
  }

  it('extracts status.token and explains why the expiry differs from exp', () => {
    const e = extractToken(JSON.stringify(tokenRequest))
    expect(e).toMatchObject({
      token: pod,
      source: 'token-request',
      explanation: 'Found in the status.token of a TokenRequest for service account default/default.',
    })
    expect(e.context).toMatchObject({
      kind: 'token-request',
      expirationTimestamp: stamp,
      expirationSeconds: 3607,
      boundObject: { kind: 'Pod', name: 'busybox' },
    })
    expect(e.diagnostics).toEqual([
      expect.objectContaining({ code: 'TOKEN_REQUEST_EXPIRY_DIFFERS', pointer: '/exp', location: 'payload' }),
    ])
    expect(e.diagnostics[0]?.message).toMatch(/differ by 31,532,393 s.*3607 s to a year/)
  })

  it('says nothing when the status matches exp', () => {
    const exact = { ...tokenRequest, status: { token: pod, expirationTimestamp: '2023-08-19T11:49:01Z' } }
    expect(codes(extractToken(JSON.stringify(exact)))).toEqual([])
  })

  it('explains a TokenRequest that was never answered', () => {
    const e = extractToken('kind: TokenRequest\napiVersion: authentication.k8s.io/v1\nspec:\n  audiences: [x]\n', opts)
    expect(codes(e)).toEqual(['NO_TOKEN_FOUND'])
  })
})

describe('other YAML', () => {
  it('reports YAML that is not Kubernetes and holds no token', () => {
    const e = extractToken('name: my-app\nversion: 1.2.3\ndependencies:\n  - left-pad\n', opts)
    expect(e.token).toBe('')
    expect(codes(e)).toEqual(['NO_TOKEN_FOUND'])
  })

  it('finds token fields in YAML that is not Kubernetes', () => {
    expect(extractToken(`auth:\n  access_token: ${hs256}\n`, opts)).toMatchObject({
      token: hs256,
      source: 'json-field',
      label: 'auth.access_token',
    })
  })

  it('falls back to plain text when YAML does not parse', () => {
    const e = extractToken(`key: [unclosed\nnote: ${hs256}`, opts)
    expect(e.token).toBe(hs256)
    expect(codes(e)).toEqual(['YAML_INVALID'])
  })

  it('searches YAML of more than MAX_YAML_LINES lines as plain text, without parsing it', () => {
    const kubeconfig = (users: number) =>
      [
        'apiVersion: v1',
        'kind: Config',
        'users:',
        ...Array.from({ length: users }, (_, i) => `- name: u${i}\n  user:\n    token: ${hs256}`),
      ].join('\n')
    let parsed = 0
    const counting = { ...opts, parseYaml: (t: string) => (parsed++, opts.parseYaml(t)) }
    const under = extractToken(kubeconfig((MAX_YAML_LINES - 3) / 3), counting)
    expect(under).toMatchObject({ token: hs256, source: 'kubeconfig' })
    expect(parsed).toBe(1)
    const over = extractToken(kubeconfig(MAX_YAML_LINES / 3), counting)
    expect(parsed).toBe(1)
    expect(over.token).toBe(hs256)
    expect(over.source).not.toBe('kubeconfig')
    expect(codes(over)).toContain('YAML_TOO_LONG')
    // Without the YAML module loaded, a long paste is searched at once rather than waiting for it.
    expect(codes(extractToken(kubeconfig(MAX_YAML_LINES / 3), { ...opts, parseYaml: undefined }))).toContain(
      'YAML_TOO_LONG',
    )
  })

  it('builds claims of a bound token checked against a Secret', () => {
    const boundInSecret = `${b64u('{"alg":"none"}')}.${b64u(JSON.stringify({ 'kubernetes.io': { namespace: 'kube-system', serviceaccount: { name: 'sa', uid: 'u1' } } }))}.`
    const e = extractToken(JSON.stringify(secret('s', boundInSecret, { 'kubernetes.io/service-account.name': 'sa' })))
    expect(e.diagnostics).toEqual([
      expect.objectContaining({ code: 'SECRET_CLAIM_MISMATCH', pointer: '/kubernetes.io/namespace' }),
    ])
  })
})

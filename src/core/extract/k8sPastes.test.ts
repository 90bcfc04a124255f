// Kubernetes pastes other than tokens and Secrets: reviews, CSI token maps, credential provider
// requests, and bearer tokens that are not JWTs. Upstream vectors are in src/test/upstreamFixtures.ts.
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { boundClaims, sign } from '../../test/k8sTokens.ts'
import { fixture } from '../../test/tokens.ts'
import {
  BOOTSTRAP_TOKEN_TABLE,
  DPOP_ACCESS_TOKEN,
  DPOP_JKT,
  DPOP_PROOF_FIG13,
  DPOP_PROOF_FIG3,
  CSI_EMPTY_AUDIENCE,
  EKS_PRE_STS_CASES,
  EKS_PRE_STS_VALID,
  EKS_VALID_URL,
  eksToken,
  STATIC_TOKEN_ROWS,
  WHOAMI_JSON,
  WHOAMI_TABLE,
} from '../../test/upstreamFixtures.ts'
import { parseYamlDocuments } from '../../test/yaml.ts'
import { analyze } from '../analysis/analyze.ts'
import { extractSimple } from './simple.ts'
import { extractToken } from './index.ts'

const opts = { parseYaml: parseYamlDocuments }
const codes = (e: { diagnostics: { code: string }[] }) => e.diagnostics.map((d) => d.code)
const pod = fixture('seed-bound-pod-v1.24').token
const NOW = '20261201T120000Z'

describe('TokenReview and SelfSubjectReview (kubectl auth whoami)', () => {
  it('reads kubectl’s own whoami JSON: the user, no token, and says how to compare', () => {
    const e = extractToken(WHOAMI_JSON, opts)
    expect(e).toMatchObject({ token: '', source: 'self-subject-review' })
    expect(e.context).toEqual({
      kind: 'review',
      review: 'SelfSubjectReview',
      format: 'object',
      apiVersion: 'authentication.k8s.io/v1',
      user: {
        username: 'jane.doe',
        uid: 'uniq-id',
        groups: ['students', 'teachers'],
        extra: [
          { key: 'skills', values: ['reading', 'learning'] },
          { key: 'subjects', values: ['math', 'sports'] },
        ],
      },
    })
    expect(codes(e)).toEqual(['REVIEW_WITHOUT_TOKEN'])
    // The page shows the review, not "paste a token" or broken-JWT findings.
    expect(analyze(WHOAMI_JSON, { ...opts, extract: extractToken }).diagnostics.map((d) => d.code)).toEqual([
      'REVIEW_WITHOUT_TOKEN',
    ])
  })

  it('reads the same review as YAML (-o yaml), and the table kubectl prints by default', () => {
    const yaml = `apiVersion: authentication.k8s.io/v1\nkind: SelfSubjectReview\nmetadata:\n  creationTimestamp: null\nstatus:\n  userInfo:\n    groups:\n    - students\n    - teachers\n    uid: uniq-id\n    username: jane.doe\n`
    expect(extractToken(yaml, opts).context).toMatchObject({
      review: 'SelfSubjectReview',
      user: { username: 'jane.doe' },
    })
    const table = extractToken(WHOAMI_TABLE, opts)
    expect(table.context).toMatchObject({
      review: 'SelfSubjectReview',
      format: 'table',
      user: {
        username: 'jane.doe',
        uid: 'uniq-id',
        groups: ['students', 'teachers'],
        extra: [
          { key: 'skills', values: ['reading', 'learning'] },
          { key: 'subjects', values: ['math', 'sports'] },
        ],
      },
    })
  })

  it('offers a token pasted after the review, carrying the review for the comparison', () => {
    const e = extractToken(`${WHOAMI_JSON.replace(/\n/g, ' ')}`.trim(), opts)
    expect(e.token).toBe('')
    const yaml = `kind: SelfSubjectReview\napiVersion: authentication.k8s.io/v1\nstatus:\n  userInfo:\n    username: system:serviceaccount:default:default\n---\n${pod}\n`
    const withToken = extractToken(yaml, opts)
    expect(withToken).toMatchObject({ token: pod, source: 'self-subject-review', context: { kind: 'review' } })
    const table = extractToken(`${WHOAMI_TABLE}\n${pod}\n`, opts)
    expect(table).toMatchObject({ token: pod, source: 'self-subject-review', context: { format: 'table' } })
  })

  it('a TokenReview response: the reviewed token, the user, the audiences and the error', () => {
    const review = {
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenReview',
      spec: { token: pod, audiences: ['vault'] },
      status: {
        authenticated: false,
        error:
          '[invalid bearer token, token audiences ["https://kubernetes.default.svc.cluster.local"] is invalid for the target audiences ["vault"]]',
      },
    }
    const e = extractToken(JSON.stringify(review), opts)
    expect(e).toMatchObject({ token: pod, source: 'token-review' })
    expect(e.context).toMatchObject({ review: 'TokenReview', authenticated: false, specAudiences: ['vault'] })
    expect(e.context?.kind === 'review' && e.context.error).toContain('is invalid for the target audiences')
  })
})

describe('CSI service account tokens (csi.storage.k8s.io/serviceAccount.tokens)', () => {
  it('offers one candidate per audience, under the key or as the bare map, as object or JSON string', async () => {
    const vault = await sign(boundClaims({ aud: ['vault'], pod: { name: 'p', uid: 'u' } }))
    const api = await sign(boundClaims({ pod: { name: 'p', uid: 'u' } }))
    const map = {
      vault: { token: vault, expirationTimestamp: '2025-12-29T10:20:00Z' },
      '': { token: api, expirationTimestamp: '2025-12-29T10:20:00Z' },
    }
    for (const paste of [
      JSON.stringify(map),
      JSON.stringify({ 'csi.storage.k8s.io/serviceAccount.tokens': JSON.stringify(map) }),
      JSON.stringify({ 'csi.storage.k8s.io/serviceAccount.tokens': map }),
    ]) {
      const e = extractToken(paste, opts)
      expect(e.candidates.map((c) => [c.source, c.label])).toEqual([
        ['csi-tokens', 'audience "vault"'],
        ['csi-tokens', 'the API server’s audiences (empty key)'],
      ])
      expect(e.context).toEqual({
        kind: 'csi',
        audience: 'vault',
        audiences: ['vault', ''],
        expirationTimestamp: '2025-12-29T10:20:00Z',
      })
      expect(codes(e)).toEqual([])
    }
  })

  it('flags an entry whose token was not made for its audience', async () => {
    const token = await sign(boundClaims({ aud: ['other'] }))
    const e = extractToken(JSON.stringify({ vault: { token, expirationTimestamp: '2025-12-29T10:20:00Z' } }), opts)
    expect(codes(e)).toContain('CSI_AUDIENCE_MISMATCH')
  })

  it('the kubelet test’s placeholder token is named, not decoded (k/k csi_mounter_test.go)', () => {
    const e = extractToken(CSI_EMPTY_AUDIENCE, opts)
    expect(e.token).toBe('')
    expect(e.diagnostics.map((d) => d.message).join(' ')).toContain('for (the empty audience) is not a JWT')
  })
})

describe('CredentialProviderRequest (KEP-4412)', () => {
  it('offers serviceAccountToken with the image and the annotations', () => {
    const request = {
      apiVersion: 'credentialprovider.kubelet.k8s.io/v1',
      kind: 'CredentialProviderRequest',
      image: '123456789123.dkr.ecr.us-west-2.amazonaws.com/app:tag',
      serviceAccountToken: pod,
      serviceAccountAnnotations: { 'eks.amazonaws.com/ecr-role-arn': 'arn:aws:iam::123456789123:role/puller' },
    }
    const e = extractToken(JSON.stringify(request), opts)
    expect(e).toMatchObject({ token: pod, source: 'credential-provider' })
    expect(e.context).toEqual({
      kind: 'credential-provider',
      apiVersion: 'credentialprovider.kubelet.k8s.io/v1',
      image: '123456789123.dkr.ecr.us-west-2.amazonaws.com/app:tag',
      annotations: { 'eks.amazonaws.com/ecr-role-arn': 'arn:aws:iam::123456789123:role/puller' },
    })
  })

  it('says why there is no token when the provider asks for none', () => {
    const e = extractToken(JSON.stringify({ kind: 'CredentialProviderRequest', image: 'x' }), opts)
    expect(e.diagnostics[0]?.message).toContain('serviceAccountTokenAudience')
  })
})

describe('bearer tokens that are not JWTs', () => {
  it.each(BOOTSTRAP_TOKEN_TABLE)(
    'bootstrap token %j is recognised: %s (cluster-bootstrap helpers_test.go)',
    (token, valid) => {
      const e = extractToken(token, opts)
      expect(e.context?.kind === 'bearer' && e.context.bearer === 'bootstrap').toBe(valid)
    },
  )

  it('a bootstrap token names its Secret, user and group, and is not decoded', () => {
    const e = extractToken('abcdef.0123456789abcdef', opts)
    expect(e).toMatchObject({ token: '', source: 'raw', context: { bearer: 'bootstrap' } })
    const facts = e.context?.kind === 'bearer' ? e.context.facts.map((f) => f.value).join(' | ') : ''
    expect(facts).toContain('kube-system/bootstrap-token-abcdef')
    expect(facts).toContain('system:bootstrap:abcdef')
    // The start-up extractor leaves it to the full one instead of decoding it as a broken JWT.
    expect(extractSimple('abcdef.0123456789abcdef').pending).toBe('extractor')
    expect(analyze('abcdef.0123456789abcdef', { extract: extractToken }).diagnostics.map((d) => d.code)).toEqual([
      'BEARER_NOT_JWT',
    ])
  })

  it('an OpenShift sha256~ token names its OAuthAccessToken object (the hash of its secret part)', () => {
    const token = 'sha256~' + 'A'.repeat(43)
    const e = extractToken(`Authorization: Bearer ${token}`, opts)
    expect(e).toMatchObject({ token: '', source: 'authorization-header', context: { bearer: 'openshift-oauth' } })
    const object = e.context?.kind === 'bearer' ? e.context.facts[0]?.value : ''
    // oauth-server registrystorage: SHA256Token(TrimSHA256Prefix(token)).
    const hash = createHash('sha256').update('A'.repeat(43)).digest('base64url')
    expect(object).toBe(`sha256~${hash}`)
    expect(extractToken(`Bearer ${token}`, opts).source).toBe('bearer')
  })

  it('an EKS token: region, access key id, signing time, the 15-minute expiry and the signed cluster header', () => {
    const token = eksToken(EKS_VALID_URL(NOW))
    const e = extractToken(token, opts)
    expect(e.context).toMatchObject({ bearer: 'eks', expiresAt: Date.UTC(2026, 11, 1, 12, 15) / 1000 })
    const facts = Object.fromEntries(e.context?.kind === 'bearer' ? e.context.facts.map((f) => [f.label, f.value]) : [])
    expect(facts).toMatchObject({
      'STS region': 'global',
      'Access key id': 'ASIABCDEFGHIJKLMNOPQ (temporary STS credentials, such as a role session)',
      'Signed at (X-Amz-Date)': '2026-12-01T12:00:00Z',
      'Expires at': '2026-12-01T12:15:00Z (X-Amz-Date + 15 min)',
      'Signed headers': 'x-k8s-aws-id',
    })
    expect(facts.Cluster).toContain('x-k8s-aws-id')
    expect(codes(e)).toEqual(['BEARER_NOT_JWT'])
    expect(extractSimple(token).pending).toBe('extractor')
  })

  it('reads the ExecCredential that aws eks get-token prints', () => {
    const token = eksToken(EKS_VALID_URL(NOW))
    const exec = {
      kind: 'ExecCredential',
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      spec: {},
      status: { expirationTimestamp: '2026-12-01T12:14:00Z', token },
    }
    expect(extractToken(JSON.stringify(exec), opts)).toMatchObject({ source: 'json-field', context: { bearer: 'eks' } })
  })

  it.each(EKS_PRE_STS_CASES(NOW))('the authenticator refuses %s: %s (token_test.go)', (token, message) => {
    const e = extractToken(token, opts)
    const refused = e.diagnostics.filter((d) => d.code === 'EKS_TOKEN_INVALID').map((d) => d.message)
    expect(refused.join(' ')).toContain(message)
  })

  it('accepts the regional tokens upstream accepts before STS', () => {
    for (const token of EKS_PRE_STS_VALID(NOW)) expect(codes(extractToken(token, opts))).toEqual(['BEARER_NOT_JWT'])
  })

  it('a kubeconfig user with a bootstrap token is offered as such', () => {
    const e = extractToken(
      'kind: Config\nclusters: []\nusers:\n- name: kubelet\n  user: {token: abcdef.0123456789abcdef}\n',
      opts,
    )
    expect(e).toMatchObject({ source: 'kubeconfig', context: { bearer: 'bootstrap' } })
  })

  it('a static token-file token is only explained, as it has no shape (tokenfile_test.go rows)', () => {
    for (const row of STATIC_TOKEN_ROWS) {
      const token = row.split(',')[0] ?? ''
      const e = extractToken(`${token}-with-more-characters`, opts)
      expect(e.context).toBeUndefined()
      expect(codes(e)).toContain('BEARER_OPAQUE')
    }
  })
})

describe('URL parameters that carry a JWT', () => {
  it.each([
    [
      'https://op.example.com/logout?id_token_hint=TOKEN&post_logout_redirect_uri=https%3A%2F%2Frp',
      'id_token_hint (URL query string)',
      'RP-initiated logout',
    ],
    ['https://op.example.com/authorize?client_id=c&request=TOKEN', 'request (URL query string)', 'RFC 9101'],
    [
      'grant_type=client_credentials&client_assertion_type=urn%3Aietf&client_assertion=TOKEN',
      'client_assertion (form-encoded body)',
      'RFC 7523',
    ],
    ['logout_token=TOKEN', 'logout_token (form-encoded body)', 'Back-Channel Logout'],
    [
      'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=TOKEN',
      'assertion (form-encoded body)',
      'RFC 7523',
    ],
    [
      'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange&subject_token=TOKEN',
      'subject_token (form-encoded body)',
      'RFC 8693',
    ],
    ["curl -d 'actor_token=TOKEN' https://as.example/token", 'actor_token (form-encoded body)', 'RFC 8693'],
    ['https://rp.example/cb#response=TOKEN', 'response (URL fragment)', 'JARM'],
  ])('%s', (template, label, spec) => {
    const e = extractToken(template.replace('TOKEN', pod), opts)
    expect(e).toMatchObject({ token: pod, source: 'url', label })
    expect(e.explanation).toContain(spec)
  })
})

describe('tokens inside prose are labelled by where they were found', () => {
  it('by the name they are assigned to and the line', () => {
    const text = `# deploy notes\nexport TOKEN=${pod}\nand the other one is in config: ${fixture('rfc7515-a2-rs256').token}\n`
    const e = extractToken(text, opts)
    expect(e.candidates.map((c) => c.label.split(':')[0])).toEqual(['1st, TOKEN= (line 2)', '2nd, config'])
    expect(e.explanation).toContain('on line 2, after TOKEN=')
  })
})

describe('a DPoP proof pasted with its request (RFC 9449 §4.3)', () => {
  const request = (method: string, proof: string) =>
    [
      `${method} /protectedresource HTTP/1.1`,
      'Host: resource.example.org',
      `Authorization: DPoP ${DPOP_ACCESS_TOKEN}`,
      `DPoP: ${proof}`,
      '',
    ].join('\n')
  const proofOf = (paste: string) => extractToken(paste, opts).candidates.find((c) => c.label === 'DPoP proof header')

  it('the RFC’s own request (Figures 12 and 13): htm, htu and ath match', () => {
    const proof = proofOf(request('GET', DPOP_PROOF_FIG13))
    expect(proof?.diagnostics.map((d) => d.code)).toEqual(['DPOP_BINDING_MATCHES'])
    expect(proof?.diagnostics[0]?.message).toContain('htm GET, htu, ath match')
  })

  it('another method, and a proof made for a token request, do not fit', () => {
    expect(proofOf(request('POST', DPOP_PROOF_FIG13))?.diagnostics.map((d) => d.message)).toEqual([
      'The DPoP proof does not fit the request it was pasted with: htm is GET, but the request is a POST. A server rejects it.',
    ])
    const codes = proofOf(request('POST', DPOP_PROOF_FIG3))?.diagnostics.map((d) => d.message) ?? []
    expect(codes.join(' ')).toContain(
      'htu is https://server.example.com/token, but the request goes to https://resource.example.org/protectedresource',
    )
    expect(codes.join(' ')).toContain('the proof has no ath')
  })

  it('a JWT access token bound to another key', async () => {
    const at = await sign({ sub: 'alice', cnf: { jkt: 'not-this-key' } })
    const paste = request('GET', DPOP_PROOF_FIG13).replace(DPOP_ACCESS_TOKEN, at)
    const messages = proofOf(paste)
      ?.diagnostics.map((d) => d.message)
      .join(' ')
    expect(messages).toContain(
      `the access token is bound to key not-this-key, but the proof is signed with key ${DPOP_JKT}`,
    )
  })
})

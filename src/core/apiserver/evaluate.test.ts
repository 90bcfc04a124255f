import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseYamlDocuments } from '../../test/yaml.ts'
import { createCelEngine } from '../cel/index.ts'
import { jwksText, keyMaterial, signRaw, testKey } from '../../test/apiserverKit.ts'
import { evaluateToken, parseClusterSettings, tokenReviewFor, tokenReviewYaml, type ClusterSettings } from './index.ts'

const cel = createCelEngine()
const KIND = 'https://kubernetes.default.svc.cluster.local'
const NOW = Date.parse('2026-12-01T12:00:00Z')
const now = NOW / 1000

const settings = (text: string): ClusterSettings => {
  const r = parseClusterSettings(text, { parseYaml: parseYamlDocuments, cel })
  if (!r.settings) throw new Error('pending')
  return r.settings
}

async function kindToken(extra: Record<string, unknown> = {}) {
  const key = await testKey('RS256', 'kind')
  const claims = {
    aud: [KIND],
    exp: now + 3600,
    iat: now - 10,
    iss: KIND,
    jti: '3f2b6f1e-3c7a-4a4a-9d2e-1f4c0d8b9a11',
    'kubernetes.io': {
      namespace: 'default',
      node: { name: 'kind-control-plane', uid: 'c2b2f9a4-8d1e-4f57-9f0b-6f1d2a3b4c5d' },
      pod: { name: 'web-0', uid: '8a1f3b2c-7d6e-4f5a-9b8c-1d2e3f4a5b6c' },
      serviceaccount: { name: 'default', uid: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0' },
    },
    nbf: now - 10,
    sub: 'system:serviceaccount:default:default',
    ...extra,
  }
  const token = await signRaw(JSON.stringify(claims), key, { kid: key.k8sKid })
  return { token, jwks: jwksText([{ key, kid: key.k8sKid, alg: 'RS256' }]) }
}

describe('the service account authenticator through the chain', () => {
  it('a kind bound token with the cluster defaults and its JWKS is authenticated as its service account', async () => {
    const { token, jwks } = await kindToken()
    const v = await evaluateToken({ token, settings: settings(''), keys: keyMaterial(jwks), nowMs: NOW })
    expect(v.state).toBe('authenticated')
    expect(v.authenticator).toBe('service-account')
    expect(v.user).toEqual({
      username: 'system:serviceaccount:default:default',
      uid: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
      groups: ['system:serviceaccounts', 'system:serviceaccounts:default', 'system:authenticated'],
      extra: [
        { key: 'authentication.kubernetes.io/pod-name', values: ['web-0'] },
        { key: 'authentication.kubernetes.io/pod-uid', values: ['8a1f3b2c-7d6e-4f5a-9b8c-1d2e3f4a5b6c'] },
        { key: 'authentication.kubernetes.io/credential-id', values: ['JTI=3f2b6f1e-3c7a-4a4a-9d2e-1f4c0d8b9a11'] },
        { key: 'authentication.kubernetes.io/node-name', values: ['kind-control-plane'] },
        { key: 'authentication.kubernetes.io/node-uid', values: ['c2b2f9a4-8d1e-4f57-9f0b-6f1d2a3b4c5d'] },
      ],
    })
    expect(v.audiences).toEqual([KIND])
    expect(v.liveChecks.map((c) => c.id)).toEqual(['serviceaccount', 'pod'])
    expect(tokenReviewYaml(tokenReviewFor(v, '<token>'))).toBe(`apiVersion: authentication.k8s.io/v1
kind: TokenReview
metadata:
  creationTimestamp: null
spec:
  token: <token>
status:
  audiences:
  - ${KIND}
  authenticated: true
  user:
    extra:
      authentication.kubernetes.io/credential-id:
      - JTI=3f2b6f1e-3c7a-4a4a-9d2e-1f4c0d8b9a11
      authentication.kubernetes.io/node-name:
      - kind-control-plane
      authentication.kubernetes.io/node-uid:
      - c2b2f9a4-8d1e-4f57-9f0b-6f1d2a3b4c5d
      authentication.kubernetes.io/pod-name:
      - web-0
      authentication.kubernetes.io/pod-uid:
      - 8a1f3b2c-7d6e-4f5a-9b8c-1d2e3f4a5b6c
    groups:
    - system:serviceaccounts
    - system:serviceaccounts:default
    - system:authenticated
    uid: 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0
    username: system:serviceaccount:default:default
`)
  })

  it('the same token with --api-audiences=vault is rejected on audience, with the API server’s text', async () => {
    const { token, jwks } = await kindToken()
    const v = await evaluateToken({
      token,
      settings: settings('--api-audiences=vault'),
      keys: keyMaterial(jwks),
      nowMs: NOW,
    })
    expect(v.state).toBe('rejected')
    expect(v.reason).toBe('SA_AUDIENCE')
    expect(v.failedCheck).toBe('audience')
    expect(v.error).toBe(`token audiences ["${KIND}"] is invalid for the target audiences ["vault"]`)
    expect(tokenReviewFor(v, 't').status).toEqual({
      user: {},
      error: `[invalid bearer token, token audiences ["${KIND}"] is invalid for the target audiences ["vault"]]`,
    })
  })

  it('without a key the claim checks run and the verdict is unverified, never authenticated', async () => {
    const { token } = await kindToken()
    const v = await evaluateToken({ token, settings: settings(''), keys: keyMaterial(''), nowMs: NOW })
    expect(v.state).toBe('unverified')
    expect(v.signatureVerified).toBe(false)
  })

  it('a kid that matches no pasted key is rejected even when the key would verify it', async () => {
    const key = await testKey('RS256', 'kind')
    const token = await signRaw(JSON.stringify({ iss: KIND, aud: [KIND], exp: now + 60, sub: 'x' }), key, {
      kid: 'not-the-derived-id',
    })
    const v = await evaluateToken({ token, settings: settings(''), keys: keyMaterial(key.spkiPem), nowMs: NOW })
    expect(v).toMatchObject({
      state: 'rejected',
      reason: 'SA_NO_KEY_FOR_KID',
      error: 'invalid signature, no keys found',
    })
  })

  it('an EdDSA token can never pass the service account authenticator, key or no key', async () => {
    const key = await testKey('EdDSA', 'sa-ed')
    const token = await signRaw(JSON.stringify({ iss: KIND, aud: [KIND], exp: now + 60 }), key)
    for (const keys of [keyMaterial(''), keyMaterial(key.spkiPem)]) {
      const v = await evaluateToken({ token, settings: settings(''), keys, nowMs: NOW })
      expect(v).toMatchObject({
        state: 'rejected',
        reason: 'SA_ALGORITHM',
        error: 'go-jose/go-jose: error in cryptographic primitive',
      })
    }
  })

  it('a legacy Secret token is handled by the legacy authenticator whatever its age', async () => {
    const key = await testKey('RS256', 'kind')
    const claims = {
      iss: 'kubernetes/serviceaccount',
      'kubernetes.io/serviceaccount/namespace': 'default',
      'kubernetes.io/serviceaccount/secret.name': 'build-robot-secret',
      'kubernetes.io/serviceaccount/service-account.name': 'build-robot',
      'kubernetes.io/serviceaccount/service-account.uid': 'uid-1',
      sub: 'system:serviceaccount:default:build-robot',
      exp: 1,
    }
    const token = await signRaw(JSON.stringify(claims), key, { kid: key.k8sKid })
    const v = await evaluateToken({
      token,
      settings: settings(`--service-account-issuer=${KIND}`),
      keys: keyMaterial(key.spkiPem),
      nowMs: NOW,
    })
    expect(v.state).toBe('authenticated')
    expect(v.user?.username).toBe('system:serviceaccount:default:build-robot')
    expect(v.liveChecks.map((c) => c.id)).toContain('legacy-invalid-since')
  })

  it('an issuer no authenticator handles is not-handled, and TokenReview says invalid bearer token', async () => {
    const { token, jwks } = await kindToken()
    const v = await evaluateToken({
      token,
      settings: settings('--service-account-issuer=https://other'),
      keys: keyMaterial(jwks),
      nowMs: NOW,
    })
    expect(v.state).toBe('not-handled')
    expect(tokenReviewFor(v, 't').status).toEqual({ user: {}, error: 'invalid bearer token' })
  })

  it('invalid settings give no verdict', async () => {
    const { token, jwks } = await kindToken()
    const v = await evaluateToken({
      token,
      settings: settings('--service-account-issuer='),
      keys: keyMaterial(jwks),
      nowMs: NOW,
    })
    expect(v.state).toBe('undetermined')
    expect(v.settingsErrors.map((e) => e.message)).toEqual(['service-account-issuer should not be an empty string'])
  })
})

const AUTH_CONFIG = `apiVersion: apiserver.config.k8s.io/v1
kind: AuthenticationConfiguration
jwt:
- issuer:
    url: https://idp.example.com
    audiences: [kubernetes]
  claimMappings:
    username:
      expression: '"oidc:" + claims.preferred_username'
    groups:
      claim: groups
      prefix: "oidc:"
  claimValidationRules:
  - expression: claims.?email_verified.orValue(true) == true
    message: email must be verified
  userValidationRules:
  - expression: "!user.username.startsWith('system:')"
    message: no system names
`

describe('a JWT authenticator from a pasted AuthenticationConfiguration', () => {
  const oidcToken = async (claims: Record<string, unknown>, alg: 'RS256' | 'EdDSA' = 'RS256') => {
    const key = await testKey(alg, 'idp')
    const token = await signRaw(
      JSON.stringify({ iss: 'https://idp.example.com', aud: 'kubernetes', exp: now + 300, ...claims }),
      key,
      {
        kid: 'idp-1',
      },
    )
    return { token, keys: keyMaterial(jwksText([{ key, kid: 'idp-1' }])) }
  }
  it('maps the username with CEL and adds system:authenticated after the user rules', async () => {
    const { token, keys } = await oidcToken({ preferred_username: 'jane', groups: ['dev'], jti: 'j-1' })
    const v = await evaluateToken({ token, settings: settings(AUTH_CONFIG), keys, nowMs: NOW, cel })
    expect(v.state).toBe('authenticated')
    expect(v.authenticator).toBe('jwt:https://idp.example.com')
    expect(v.user).toEqual({
      username: 'oidc:jane',
      uid: '',
      groups: ['oidc:dev', 'system:authenticated'],
      extra: [{ key: 'authentication.kubernetes.io/credential-id', values: ['JTI=j-1'] }],
    })
  })
  it('a CEL runtime error is the API server’s message, naming the expression', async () => {
    const { token, keys } = await oidcToken({ groups: ['dev'] })
    const v = await evaluateToken({ token, settings: settings(AUTH_CONFIG), keys, nowMs: NOW, cel })
    expect(v.state).toBe('rejected')
    expect(v.error).toBe(
      'oidc: error evaluating username claim expression: expression \'"oidc:" + claims.preferred_username\' resulted in error: no such key: preferred_username',
    )
  })
  it('without the CEL evaluator there is no verdict rather than a guess', async () => {
    const { token, keys } = await oidcToken({ preferred_username: 'jane' })
    const v = await evaluateToken({ token, settings: settings(AUTH_CONFIG), keys, nowMs: NOW })
    expect(v).toMatchObject({ state: 'undetermined', reason: 'CEL_ENGINE_NEEDED' })
  })
  it('a function the evaluator lacks gives "cannot be evaluated offline"', async () => {
    const cfg = AUTH_CONFIG.replace(
      `'"oidc:" + claims.preferred_username'`,
      `'claims.preferred_username.replace("a", "b")'`,
    )
    const { token, keys } = await oidcToken({ preferred_username: 'jane' })
    const v = await evaluateToken({ token, settings: settings(cfg), keys, nowMs: NOW, cel })
    expect(v.state).toBe('undetermined')
    expect(v.reason).toBe('CEL_NOT_EVALUABLE_OFFLINE')
    expect(v.explanation).toContain('cannot be compiled offline')
  })
  it('EdDSA is never accepted by a JWT authenticator', async () => {
    const { token, keys } = await oidcToken({ preferred_username: 'jane' }, 'EdDSA')
    const v = await evaluateToken({ token, settings: settings(AUTH_CONFIG), keys, nowMs: NOW, cel })
    expect(v.reason).toBe('JWT_ALGORITHM')
  })
  it('exp gets no leeway, nbf a minute', async () => {
    const late = await oidcToken({ preferred_username: 'jane', exp: now - 1 })
    expect(
      (await evaluateToken({ token: late.token, settings: settings(AUTH_CONFIG), keys: late.keys, nowMs: NOW, cel }))
        .reason,
    ).toBe('JWT_EXPIRED')
    const early = await oidcToken({ preferred_username: 'jane', nbf: now + 59 })
    expect(
      (await evaluateToken({ token: early.token, settings: settings(AUTH_CONFIG), keys: early.keys, nowMs: NOW, cel }))
        .state,
    ).toBe('authenticated')
  })
  it('an issuer that is also a --service-account-issuer is a start-up error', async () => {
    const { token, keys } = await oidcToken({ preferred_username: 'jane' })
    const s = settings(AUTH_CONFIG)
    s.serviceAccount.issuers = ['https://idp.example.com']
    const v = await evaluateToken({ token, settings: s, keys, nowMs: NOW, cel })
    expect(v.state).toBe('undetermined')
    expect(v.settingsErrors[0]?.message).toBe(
      'jwt[0].issuer.url: Invalid value: "https://idp.example.com": URL must not overlap with disallowed issuers: [https://idp.example.com]',
    )
  })
})

describe('evaluation never throws, and is authenticated only with a verified signature', () => {
  const texts = fc.oneof(
    fc.constant(''),
    fc.constant('--api-audiences=a,b'),
    fc.constant(AUTH_CONFIG),
    fc.string({ maxLength: 80 }),
    fc.constantFrom('--service-account-issuer=https://x', '{"kind":"Pod"}', 'apiVersion: v1\nkind: Pod\n'),
  )
  const tokens = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc
      .record({
        iss: fc.oneof(fc.constant(KIND), fc.constant('https://idp.example.com'), fc.string()),
        extra: fc.jsonValue(),
      })
      .map(({ iss, extra }) => {
        const b = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
        return `${b({ alg: 'RS256' })}.${b({ iss, aud: KIND, exp: now + 10, x: extra })}.c2ln`
      }),
  )
  it('for any token and any settings', async () => {
    await fc.assert(
      fc.asyncProperty(tokens, texts, fc.string({ maxLength: 40 }), async (token, text, keyText) => {
        const r = parseClusterSettings(text, { parseYaml: parseYamlDocuments, cel })
        if (!r.settings) return
        const v = await evaluateToken({ token, settings: r.settings, keys: keyMaterial(keyText), nowMs: NOW, cel })
        expect(['authenticated', 'unverified', 'rejected', 'not-handled', 'undetermined']).toContain(v.state)
        if (v.state === 'authenticated') expect(v.signatureVerified).toBe(true)
        expect(() => tokenReviewYaml(tokenReviewFor(v, token))).not.toThrow()
      }),
      { numRuns: 150 },
    )
  })
})

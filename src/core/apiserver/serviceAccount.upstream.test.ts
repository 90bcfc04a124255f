// Cases ported from kubernetes/kubernetes pkg/serviceaccount/jwt_test.go
// (TestTokenGenerateAndValidate, file at commit 0ea83df1135d2477e564f66f5a78d82a7b8633df as the
// search index stores it) and claims_test.go (TestValidatePrivateClaims, the time cases), read
// against jwt.go at 9d38f210ca15c5df4abae15d76261ebbe184606f. Upstream's tokens come from
// JWTTokenGenerator with fixed test keys; here the same claims are signed with keys made for the
// run, and the key ids are derived the same way. What needs a live lookup becomes a live check.
import { describe, expect, it } from 'vitest'
import { decodeToken } from '../decode/decodeToken.ts'
import { keyMaterial, signRaw, testKey, type TestKey } from '../../test/apiserverKit.ts'
import { compactView } from './compact.ts'
import { authenticateServiceAccount, LEGACY_ISSUER, type ServiceAccountContext } from './serviceAccount.ts'

const legacyClaims = (iss: string) =>
  JSON.stringify({
    iss,
    'kubernetes.io/serviceaccount/namespace': 'test',
    'kubernetes.io/serviceaccount/secret.name': 'my-rsa-secret',
    'kubernetes.io/serviceaccount/service-account.name': 'my-service-account',
    'kubernetes.io/serviceaccount/service-account.uid': '12345',
    sub: 'system:serviceaccount:test:my-service-account',
  })

/** JWTTokenGenerator's header: alg and the derived kid, no typ. */
const generate = (key: TestKey, iss: string) => signRaw(legacyClaims(iss), key, { kid: key.k8sKid })
const pems = (...keys: TestKey[]) => keyMaterial(keys.map((k) => k.spkiPem).join('\n'))

// upstream: JWTTokenAuthenticator([]string{serviceaccount.LegacyIssuer, "bar"}, keys, auds{"api"}, legacyValidator)
const ctx = (lookup: boolean): ServiceAccountContext => ({
  issuers: [LEGACY_ISSUER, 'bar'],
  apiAudiences: ['api'],
  lookup,
})
const NOW = Date.parse('2018-01-01T00:00:00Z')

async function authn(token: string, material: ReturnType<typeof pems>, lookup = false) {
  return authenticateServiceAccount('legacy', compactView(token), decodeToken(token), material, ctx(lookup), NOW)
}

const groups = ['system:serviceaccounts', 'system:serviceaccounts:test']

describe('jwt_test.go TestTokenGenerateAndValidate, ported', async () => {
  const rsa = await testKey('RS256', 'sa-rsa')
  const ecdsa = await testKey('ES256', 'sa-ecdsa')
  const other = await testKey('RS256', 'sa-other')
  const rsaToken = await generate(rsa, LEGACY_ISSUER)
  const ecdsaToken = await generate(ecdsa, LEGACY_ISSUER)

  it('no keys: the signature is not checked (offline, "no key pasted" is not "no key configured")', async () => {
    const r = await authn(rsaToken, keyMaterial(''))
    expect(r.kind).toBe('ok')
    expect(r.kind === 'ok' && r.signatureVerified).toBe(false)
  })
  it('invalid keys (rsa): the kid names no configured key', async () => {
    const r = await authn(rsaToken, pems(other, ecdsa))
    expect(r).toMatchObject({ kind: 'error', error: 'invalid signature, no keys found' })
  })
  it('invalid keys (ecdsa)', async () => {
    const r = await authn(ecdsaToken, pems(other, rsa))
    expect(r).toMatchObject({ kind: 'error', error: 'invalid signature, no keys found' })
  })
  for (const [name, token, keys] of [
    ['valid key (rsa)', rsaToken, [rsa]],
    ['valid key (ecdsa)', ecdsaToken, [ecdsa]],
    ['rotated keys (rsa)', rsaToken, [other, ecdsa, rsa]],
    ['rotated keys (ecdsa)', ecdsaToken, [other, rsa, ecdsa]],
  ] as const)
    it(name, async () => {
      const r = await authn(token, pems(...keys))
      expect(r.kind).toBe('ok')
      if (r.kind !== 'ok') return
      expect(r.signatureVerified).toBe(true)
      expect(r.user).toEqual({
        username: 'system:serviceaccount:test:my-service-account',
        uid: '12345',
        groups,
        extra: [],
      })
    })
  it('valid key, invalid issuer (rsa): not this authenticator’s token', async () => {
    expect((await authn(await generate(rsa, 'foo'), pems(rsa))).kind).toBe('skip')
  })
  it('valid key, different issuer (rsa)', async () => {
    const r = await authn(await generate(rsa, 'bar'), pems(rsa))
    expect(r.kind === 'ok' && r.user.username).toBe('system:serviceaccount:test:my-service-account')
  })
  it('valid lookup / invalid secret lookup / invalid serviceaccount lookup / secret is marked as invalid: live checks', async () => {
    const r = await authn(rsaToken, pems(rsa), true)
    expect(r.kind).toBe('ok')
    if (r.kind !== 'ok') return
    expect(r.liveChecks.map((c) => c.id)).toEqual(['legacy-secret', 'legacy-invalid-since', 'serviceaccount'])
    expect(r.liveChecks.map((c) => c.command)).toEqual([
      `kubectl get secret -n test -o 'jsonpath={.metadata.deletionTimestamp}{"\\n"}{.data.token}' -- my-rsa-secret`,
      `kubectl get secret -n test -o 'jsonpath={.metadata.labels.kubernetes\\.io/legacy-token-invalid-since}' -- my-rsa-secret`,
      `kubectl get serviceaccount -n test -o 'jsonpath={.metadata.uid}{" "}{.metadata.deletionTimestamp}' -- my-service-account`,
    ])
  })
  it('malformed iss: JSON serialization is never read', async () => {
    const t = JSON.stringify({ payload: 'x', protected: 'y', signature: 'z', malformed_iss: '.eyJpc3MiOiJiYXIifQ.' })
    expect((await authn(t, pems(ecdsa))).kind).toBe('skip')
  })
  it('an invalid, non-JWT token is passed on', async () => {
    expect((await authn('invalid token', pems(rsa))).kind).toBe('skip')
  })
  it('a token signed with another key under the right kid fails with go-jose’s message', async () => {
    const forged = await signRaw(legacyClaims(LEGACY_ISSUER), other, { kid: rsa.k8sKid })
    expect(await authn(forged, pems(rsa))).toMatchObject({
      kind: 'error',
      error: 'go-jose/go-jose: error in cryptographic primitive',
    })
  })
  it('no kid: every key is tried', async () => {
    const noKid = await signRaw(legacyClaims(LEGACY_ISSUER), rsa)
    const r = await authn(noKid, pems(other, ecdsa, rsa))
    expect(r.kind === 'ok' && r.signatureVerified).toBe(true)
  })
})

describe('claims_test.go TestValidatePrivateClaims, the time cases, ported', async () => {
  const key = await testKey('ES256', 'claims')
  const nowUnix = 1514764800
  const bound = (extra: Record<string, unknown>) =>
    JSON.stringify({
      iss: 'https://issuer',
      aud: ['api'],
      sub: 'system:serviceaccount:ns:saname',
      'kubernetes.io': { namespace: 'ns', serviceaccount: { name: 'saname', uid: 'sauid' } },
      ...extra,
    })
  const run = async (claims: string) => {
    const token = await signRaw(claims, key, { kid: key.k8sKid })
    return authenticateServiceAccount(
      'bound',
      compactView(token),
      decodeToken(token),
      keyMaterial(key.spkiPem),
      { issuers: ['https://issuer'], apiAudiences: ['api'], lookup: true },
      nowUnix * 1000,
    )
  }
  it('valid (exp = now)', async () => expect((await run(bound({ exp: nowUnix, nbf: 0 }))).kind).toBe('ok'))
  it('expired', async () =>
    expect(await run(bound({ exp: nowUnix - 1000 * 3600 }))).toMatchObject({
      kind: 'error',
      error: 'service account token has expired',
    }))
  it('not yet valid', async () =>
    expect(await run(bound({ exp: nowUnix, nbf: nowUnix + 1000 * 3600 }))).toMatchObject({
      kind: 'error',
      error: 'service account token is not valid yet',
    }))
  it('the 60 s leeway applies to exp, nbf and iat alike', async () => {
    expect((await run(bound({ exp: nowUnix - 60, nbf: nowUnix + 60, iat: nowUnix + 60 }))).kind).toBe('ok')
    expect(await run(bound({ exp: nowUnix - 61 }))).toMatchObject({ error: 'service account token has expired' })
    expect(await run(bound({ exp: nowUnix, nbf: nowUnix + 61 }))).toMatchObject({
      error: 'service account token is not valid yet',
    })
    expect(await run(bound({ exp: nowUnix, iat: nowUnix + 61 }))).toMatchObject({
      error: 'service account token is issued in the future',
    })
  })
  it('missing/different-uid/deleted serviceaccount, secret, pod and node become live checks with commands', async () => {
    const r = await run(
      bound({
        exp: nowUnix,
        'kubernetes.io': {
          namespace: 'ns',
          serviceaccount: { name: 'saname', uid: 'sauid' },
          pod: { name: 'podname', uid: 'poduid' },
          node: { name: 'nodename', uid: 'nodeuid' },
        },
      }),
    )
    expect(r.kind).toBe('ok')
    if (r.kind !== 'ok') return
    expect(r.liveChecks.map((c) => c.id)).toEqual(['serviceaccount', 'pod'])
    expect(r.liveChecks[1]!.command).toBe(
      `kubectl get pod -n ns -o 'jsonpath={.metadata.uid}{" "}{.metadata.deletionTimestamp}' -- podname`,
    )
    expect(r.user.extra).toEqual([
      { key: 'authentication.kubernetes.io/pod-name', values: ['podname'] },
      { key: 'authentication.kubernetes.io/pod-uid', values: ['poduid'] },
      { key: 'authentication.kubernetes.io/node-name', values: ['nodename'] },
      { key: 'authentication.kubernetes.io/node-uid', values: ['nodeuid'] },
    ])
  })
})

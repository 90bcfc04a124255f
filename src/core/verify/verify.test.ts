import { CompactSign, SignJWT, exportJWK, exportPKCS8, exportSPKI, generateKeyPair } from 'jose'
import { describe, expect, it } from 'vitest'
import { decodeToken } from '../decode/decodeToken.ts'
import { fixture } from '../../test/tokens.ts'
import {
  K8S_EC_KID,
  K8S_EC_PEM,
  K8S_JWKS,
  K8S_OTHER_RSA_PEM,
  K8S_RSA_KID,
  K8S_RSA_PEM,
} from '../../test/k8s-key-vectors.ts'
import { CERT_PEM, CERT_SIGNED_ES256, PKCS1_PEM, PKCS1_SIGNED_RS256 } from '../../test/generated-keys.ts'
import { recognizeKeyMaterial, type HmacEncoding } from './keyMaterial.ts'
import { verifySignature } from './verify.ts'

async function check(token: string, keyText: string, encoding: HmacEncoding = 'utf8') {
  const decoded = decodeToken(token)
  const alg = decoded.header?.value.alg
  const material = recognizeKeyMaterial(keyText, { encoding, tokenAlg: typeof alg === 'string' ? alg : undefined })
  return verifySignature(decoded, material)
}

const publicJwkText = (name: string) => JSON.stringify((fixture(name) as { publicKey: { jwk: object } }).publicKey.jwk)

describe('published test vectors', () => {
  it('verifies RFC 7515 A.2 (RS256) with its JWK; no kid, so kid-check is not applicable', async () => {
    const r = await check(fixture('rfc7515-a2-rs256').token, publicJwkText('rfc7515-a2-rs256'))
    expect(r.state).toBe('verified')
    expect(r.alg).toBe('RS256')
    expect(r.verifiedBy).toBe(1)
    expect(r.kidCheck.state).toBe('not-applicable')
    expect(r.computedKids).toEqual(['b9E8JDWjYefFiM0X9V9a098Bd6ZsFyemogCEX016uIw'])
  })

  it('verifies RFC 7515 A.3 (ES256, raw R‖S)', async () => {
    const r = await check(fixture('rfc7515-a3-es256').token, publicJwkText('rfc7515-a3-es256'))
    expect(r.state).toBe('verified')
    expect(r.computedKids).toEqual(['K9G7DESol8MKeqCZHN442AYv5EHeUNoPRoJTRPYC6Cc'])
  })

  it('verifies RFC 7515 A.1 (HS256) with its oct JWK, and with the secret as base64url', async () => {
    const t = fixture('rfc7515-a1-hs256')
    expect((await check(t.token, publicJwkText('rfc7515-a1-hs256'))).state).toBe('verified')
    const k = (t as { publicKey: { jwk: { k: string } } }).publicKey.jwk.k
    expect((await check(t.token, k, 'base64url')).state).toBe('verified')
    // The same characters read as UTF-8 are a different secret.
    expect((await check(t.token, k, 'utf8')).state).toBe('invalid')
    // And they are not standard base64 ('-' and '_').
    const wrongEncoding = await check(t.token, k, 'base64')
    expect(wrongEncoding.state).toBe('key-error')
  })

  it('verifies OIDC Core A.2 by kid "1e9gdk7" inside a JWK Set, and reports a kid mismatch (not a Kubernetes kid)', async () => {
    const jwk = JSON.parse(publicJwkText('oidc-core-a2-id-token'))
    const set = JSON.stringify({
      keys: [{ ...jwk, kid: 'other', n: JSON.parse(publicJwkText('rfc7515-a2-rs256')).n }, jwk],
    })
    const r = await check(fixture('oidc-core-a2-id-token').token, set)
    expect(r.state).toBe('verified')
    expect(r.verifiedBy).toBe(2)
    expect(r.attempts[0]).toMatchObject({ index: 1, outcome: 'not-tried' })
    expect(r.kidCheck).toMatchObject({
      state: 'mismatch',
      tokenKid: '1e9gdk7',
      computedKid: 'U3UvZ5H9895wb_CstVgdoeqeabzuXmT00H2nwH4ZIjA',
    })
    expect(r.kidCheck.providerNote).toBeUndefined()
  })

  it('verifies the minikube bound-pod token with its PEM, and its kid recomputes to a match', async () => {
    const t = fixture('vault-minikube-bound-pod-kid') as { token: string; publicKey: { pem: string } }
    const r = await check(t.token, t.publicKey.pem)
    expect(r.state).toBe('verified')
    expect(r.kidCheck).toMatchObject({
      state: 'match',
      tokenKid: 'pJcxkJ4q0O1tOt0Z37VB6-x6Mw8xFZSxM9roPtMQq0A',
      computedKid: 'pJcxkJ4q0O1tOt0Z37VB6-x6Mw8xFZSxM9roPtMQq0A',
      keyIndex: 1,
    })
  })

  it('recomputes the Kubernetes key id test vectors from PEM and from the served JWKS', async () => {
    const pem = await check(fixture('rfc7515-a2-rs256').token, `${K8S_RSA_PEM}\n${K8S_EC_PEM}`)
    expect(pem.computedKids).toEqual([K8S_RSA_KID, K8S_EC_KID])
    const jwks = await check(fixture('rfc7515-a2-rs256').token, K8S_JWKS)
    expect(jwks.computedKids).toEqual([K8S_RSA_KID, K8S_EC_KID])
  })
})

async function k8sLikeToken(alg: 'RS256' | 'ES256', kid: string | undefined, claims: Record<string, unknown> = {}) {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true })
  const jwt = await new SignJWT({
    iss: 'https://kubernetes.default.svc.cluster.local',
    sub: 'system:serviceaccount:default:default',
    ...claims,
  })
    .setProtectedHeader(kid === undefined ? { alg } : { alg, kid })
    .sign(privateKey)
  return { jwt, publicKey, jwk: await exportJWK(publicKey), spki: await exportSPKI(publicKey), privateKey }
}

describe('key selection', { timeout: 30_000 }, () => {
  it('picks the key by kid from a multi-key set and says which one verified', async () => {
    const a = await k8sLikeToken('ES256', 'key-a')
    const b = await k8sLikeToken('RS256', 'key-b')
    const set = JSON.stringify({
      keys: [
        { ...a.jwk, kid: 'key-a', use: 'sig', alg: 'ES256' },
        { ...b.jwk, kid: 'key-b', use: 'sig', alg: 'RS256' },
      ],
    })
    const r = await check(b.jwt, set)
    expect(r).toMatchObject({ state: 'verified', verifiedBy: 2, triedAll: false })
    expect(r.summary).toContain('key 2 of 2')
    expect(r.attempts.find((x) => x.index === 1)?.outcome).toBe('not-tried')
  })

  it('tries every compatible key when the token has no kid, or an empty one, as the API server does', async () => {
    const a = await k8sLikeToken('RS256', undefined)
    const other = await k8sLikeToken('RS256', undefined)
    for (const token of [
      a.jwt,
      await new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: '' }).sign(a.privateKey),
    ]) {
      const r = await check(token, `${other.spki}\n${a.spki}`)
      expect(r).toMatchObject({ state: 'verified', verifiedBy: 2, triedAll: true })
      expect(r.attempts.map((x) => x.outcome)).toEqual(['mismatch', 'verified'])
      expect(r.summary).toContain('every key was tried')
    }
  })

  it('reports no-matching-key when the kid is not in the set', async () => {
    const a = await k8sLikeToken('RS256', 'current')
    const r = await check(a.jwt, JSON.stringify({ keys: [{ ...a.jwk, kid: 'rotated-away' }] }))
    expect(r.state).toBe('no-matching-key')
    expect(r.summary).toContain('"current" is not in the key set')
  })

  it('reports no-matching-key when no key fits the algorithm (an EC key for an RS256 token)', async () => {
    const a = await k8sLikeToken('RS256', undefined)
    const r = await check(a.jwt, K8S_EC_PEM)
    expect(r.state).toBe('no-matching-key')
    expect(r.attempts[0]).toMatchObject({ outcome: 'not-tried', reason: 'RS256 needs an RSA public key' })
  })

  it('respects the alg and use a JWK declares', async () => {
    const a = await k8sLikeToken('RS256', undefined)
    expect((await check(a.jwt, JSON.stringify({ ...a.jwk, alg: 'PS256' }))).state).toBe('no-matching-key')
    expect((await check(a.jwt, JSON.stringify({ ...a.jwk, use: 'enc' }))).state).toBe('no-matching-key')
  })
})

describe('failures are named precisely', { timeout: 30_000 }, () => {
  it('a wrong key is invalid, never verified', async () => {
    const a = await k8sLikeToken('RS256', undefined)
    const r = await check(a.jwt, K8S_OTHER_RSA_PEM)
    expect(r.state).toBe('invalid')
    expect(r.kidCheck.state).toBe('not-applicable')
  })

  it('one changed signature character makes a verified token invalid; editing the payload too', async () => {
    const a = await k8sLikeToken('ES256', undefined)
    expect((await check(a.jwt, a.spki)).state).toBe('verified')
    const sig = a.jwt.slice(a.jwt.lastIndexOf('.') + 1)
    const flipped = a.jwt.slice(0, a.jwt.lastIndexOf('.') + 1) + (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1)
    expect((await check(flipped, a.spki)).state).toBe('invalid')
    const [h, , s] = a.jwt.split('.')
    const edited = `${h}.${Buffer.from('{"sub":"system:serviceaccount:kube-system:admin"}').toString('base64url')}.${s}`
    expect((await check(edited, a.spki)).state).toBe('invalid')
  })

  it('alg confusion: HS256 "signed" with an RSA public key PEM as the secret is never verified', async () => {
    const forged = await new CompactSign(new TextEncoder().encode('{"sub":"attacker"}'))
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(K8S_RSA_PEM))
    for (const encoding of ['utf8', 'base64', 'base64url'] as const) {
      const r = await check(forged, K8S_RSA_PEM, encoding)
      expect(r.state).toBe('no-matching-key')
      expect(r.diagnostics.map((d) => d.code)).toContain('ALG_KEY_CONFUSION')
    }
    // The same public key as a JWK is refused for HS256 just the same.
    const jwkForm = await check(forged, K8S_JWKS)
    expect(jwkForm.state).toBe('no-matching-key')
  })

  it('alg none is never verified, whatever key is given', async () => {
    const t = fixture('rfc7519-6.1-unsecured').token
    const r = await check(t, K8S_RSA_PEM)
    expect(r.state).toBe('unsupported')
    expect(r.diagnostics.map((d) => d.code)).toContain('ALG_NONE_NEVER_VERIFIED')
    // "None" with a signature part and odd casing: still not verified.
    const odd = `${Buffer.from('{"alg":"None"}').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.c2ln`
    expect((await check(odd, K8S_RSA_PEM)).state).toBe('unsupported')
  })

  it('unsupported algorithms and JWE say so', async () => {
    const es256k = `${Buffer.from('{"alg":"ES256K"}').toString('base64url')}.e30.${'A'.repeat(86)}`
    expect((await check(es256k, K8S_EC_PEM)).state).toBe('unsupported')
    expect((await check(fixture('rfc7516-a1-jwe').token, K8S_RSA_PEM)).state).toBe('unsupported')
  })

  it('a critical header extension jose does not know makes the token unsupported, not verified', async () => {
    const { createHmac } = await import('node:crypto')
    const input = `${Buffer.from('{"alg":"HS256","crit":["x-policy"],"x-policy":1}').toString('base64url')}.${Buffer.from('{}').toString('base64url')}`
    const token = `${input}.${createHmac('sha256', 'a-shared-secret-that-is-32-bytes!').update(input).digest('base64url')}`
    const r = await check(token, 'a-shared-secret-that-is-32-bytes!')
    expect(r.state).toBe('unsupported')
    expect(r.summary).toContain('x-policy')
  })

  it('no key: unverified', async () => {
    const r = await check(fixture('rfc7515-a2-rs256').token, '   ')
    expect(r.state).toBe('unverified')
    expect(r.kidCheck.state).toBe('not-applicable')
  })

  it('a pasted private key is refused: key-error, and nothing of it is kept', async () => {
    const a = await k8sLikeToken('RS256', undefined)
    const pkcs8 = await exportPKCS8(a.privateKey)
    const material = recognizeKeyMaterial(pkcs8, { encoding: 'utf8', tokenAlg: 'RS256' })
    expect(material.kind).toBe('private-key')
    expect(material.keys).toEqual([])
    expect(JSON.stringify(material)).not.toContain(pkcs8.split('\n')[1])
    const r = await check(a.jwt, pkcs8)
    expect(r.state).toBe('key-error')
    const privateJwk = await exportJWK(a.privateKey)
    expect((await check(a.jwt, JSON.stringify(privateJwk))).state).toBe('key-error')
    expect((await check(a.jwt, JSON.stringify({ keys: [a.jwk, privateJwk] }))).state).toBe('key-error')
  })

  it('garbage key text is a key-error for an RS256 token', async () => {
    const a = await k8sLikeToken('RS256', undefined)
    for (const garbage of [
      'hello, I am not a key',
      '{"kty":',
      '-----BEGIN PUBLIC KEY-----\nAAAA',
      '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----',
      '{"foo":1}',
    ]) {
      const r = await check(a.jwt, garbage)
      expect(r.state, garbage).toBe('key-error')
    }
  })

  it('a discovery document has no keys: no-matching-key, naming the jwks_uri', async () => {
    const a = await k8sLikeToken('RS256', undefined)
    const doc = JSON.stringify({
      issuer: 'https://kubernetes.default.svc.cluster.local',
      jwks_uri: 'https://172.18.0.2:6443/openid/v1/jwks',
      response_types_supported: ['id_token'],
    })
    const r = await check(a.jwt, doc)
    expect(r.state).toBe('no-matching-key')
    expect(r.summary).toContain('jwks_uri')
  })
})

describe('every key format verifies', { timeout: 60_000 }, () => {
  it('PEM CERTIFICATE', async () => {
    expect((await check(CERT_SIGNED_ES256, CERT_PEM)).state).toBe('verified')
  })
  it('PEM RSA PUBLIC KEY (PKCS#1)', async () => {
    expect((await check(PKCS1_SIGNED_RS256, PKCS1_PEM)).state).toBe('verified')
  })
  it('PEM PUBLIC KEY, single JWK and JWKS for PS256, ES384, ES512 and EdDSA', async () => {
    for (const alg of ['PS256', 'PS384', 'PS512', 'RS384', 'RS512', 'ES384', 'ES512', 'EdDSA', 'Ed25519'] as const) {
      const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true })
      const jwt = await new SignJWT({ sub: alg }).setProtectedHeader({ alg, kid: 'k1' }).sign(privateKey)
      const jwk = await exportJWK(publicKey)
      expect((await check(jwt, await exportSPKI(publicKey))).state, `${alg} PEM`).toBe('verified')
      expect((await check(jwt, JSON.stringify(jwk))).state, `${alg} JWK`).toBe('verified')
      const set = await check(jwt, JSON.stringify({ keys: [{ ...jwk, kid: 'k1' }] }))
      expect(set.state, `${alg} JWKS`).toBe('verified')
      expect(set.kidCheck.state).toBe('mismatch')
    }
  })
  it('a Kubernetes-style token and JWKS: verified, kid match', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true })
    const jwk = await exportJWK(publicKey)
    const material = recognizeKeyMaterial(JSON.stringify(jwk), { encoding: 'utf8' })
    const { kubernetesKeyId } = await import('./kid.ts')
    const kid = (await kubernetesKeyId(material.keys[0]!)) as string
    const jwt = await new SignJWT({ sub: 'system:serviceaccount:default:default' })
      .setProtectedHeader({ alg: 'RS256', kid })
      .sign(privateKey)
    const r = await check(
      jwt,
      JSON.stringify({ keys: [{ use: 'sig', kty: 'RSA', kid, alg: 'RS256', n: jwk.n, e: jwk.e }] }),
    )
    expect(r.state).toBe('verified')
    expect(r.kidCheck).toMatchObject({ state: 'match', computedKid: kid })
  })
  it('an HMAC secret as UTF-8, base64 and base64url', async () => {
    const secret = 'a-shared-secret-that-is-32-bytes!'
    const jwt = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret))
    expect((await check(jwt, secret, 'utf8')).state).toBe('verified')
    expect((await check(jwt, Buffer.from(secret).toString('base64'), 'base64')).state).toBe('verified')
    expect((await check(jwt, Buffer.from(secret).toString('base64url'), 'base64url')).state).toBe('verified')
    const short = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('short'))
    const r = await check(short, 'short')
    expect(r.state).toBe('verified')
    expect(r.diagnostics.map((d) => d.code)).toContain('HMAC_SECRET_SHORT')
    expect(r.kidCheck.state).toBe('not-applicable')
  })
})

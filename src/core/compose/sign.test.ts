import { createHash, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import { analyze } from '../analysis/analyze.ts'
import { decodeToken } from '../decode/decodeToken.ts'
import { recognizeKeyMaterial, verifySignature } from '../verify/index.ts'
import {
  COMPOSE_ALGS,
  generateSigningKey,
  importSigningKey,
  signDraft,
  templateDraft,
  unsignedToken,
  type Draft,
  type SigningAlg,
  type SigningKey,
} from './index.ts'

const NOW = 1_767_000_000
const DRAFT = templateDraft('k8s-bound-pod', { now: NOW })
const SIGNING = COMPOSE_ALGS.filter((a): a is SigningAlg => a !== 'none')

async function keyOf(p: ReturnType<typeof generateSigningKey>) {
  const r = await p
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join(' '))
  return r
}

/** Signs, decodes and verifies with what Compose hands the verifier (the JWKS, or the secret). */
async function roundTrip(key: SigningKey, draft: Draft = DRAFT, verifierKey?: string) {
  const signed = await signDraft(draft, key)
  if (!signed.ok) throw new Error(signed.diagnostics.map((d) => d.message).join(' '))
  const decoded = decodeToken(signed.value.token)
  const material = recognizeKeyMaterial(verifierKey ?? key.public?.jwksText ?? '', {
    encoding: 'base64url',
    tokenAlg: key.alg,
  })
  return { signed: signed.value, decoded, result: await verifySignature(decoded, material) }
}

/** The kid Kubernetes derives, computed independently with node's own SPKI export. */
const nodeKid = (pub: KeyObject) =>
  createHash('sha256')
    .update(pub.export({ type: 'spki', format: 'der' }))
    .digest('base64url')

describe('signing with keys made here', () => {
  it.each(SIGNING)('%s: compose → decode → verify reads verified', async (alg) => {
    const { key } = await keyOf(generateSigningKey(alg))
    const verifier = key.secret // HMAC: the generated secret, as base64url
    const { signed, decoded, result } = await roundTrip(key, DRAFT, verifier)
    expect(decoded.wellFormed).toBe(true)
    expect(decoded.header?.value.alg).toBe(alg)
    expect(result.state).toBe('verified')
    if (key.public) {
      expect(result.kidCheck.state).toBe('match')
      expect(decoded.header?.value.kid).toBe(key.public.kid)
      expect(signed.kid).toBe(key.public.kid)
      // The PEM verifies too, and gives the same kid.
      const viaPem = await verifySignature(decoded, recognizeKeyMaterial(key.public.pem, { encoding: 'utf8' }))
      expect([viaPem.state, viaPem.kidCheck.state]).toEqual(['verified', 'match'])
      expect(nodeKid(createPublicKey(key.public.pem))).toBe(key.public.kid)
    } else {
      expect(decoded.header?.value.kid).toBeUndefined()
      expect(key.secret).toMatch(/^[A-Za-z0-9_-]+$/)
    }
    expect(analyze(signed.token).kind).toBe('k8s-bound-pod')
  })

  it('fails the check against another key of the same kind', async () => {
    const { key } = await keyOf(generateSigningKey('ES256'))
    const { key: other } = await keyOf(generateSigningKey('ES256'))
    const { result } = await roundTrip(key, DRAFT, other.public!.jwksText.replace(other.public!.kid, key.public!.kid))
    expect(result.state).toBe('invalid')
  })

  it('writes the JWKS as Kubernetes serves it', async () => {
    const { key } = await keyOf(generateSigningKey('RS256'))
    const jwk = key.public!.jwk
    expect(Object.keys(jwk)).toEqual(['use', 'kty', 'kid', 'alg', 'n', 'e'])
    expect([jwk.use, jwk.kty, jwk.alg, jwk.e]).toEqual(['sig', 'RSA', 'RS256', 'AQAB'])
    expect(key.public!.jwks).toEqual({ keys: [jwk] })
    expect(key.public!.pem).toMatch(
      /^-----BEGIN PUBLIC KEY-----\n([A-Za-z0-9+/]{64}\n)+[A-Za-z0-9+/=]+\n-----END PUBLIC KEY-----\n$/,
    )
    expect(key.description).toBe('RSA 2048-bit key pair made here')
    const ec = (await keyOf(generateSigningKey('ES384'))).key
    expect(Object.keys(ec.public!.jwk)).toEqual(['use', 'kty', 'kid', 'crv', 'alg', 'x', 'y'])
  })

  it('keeps private keys out of reach: not extractable, and not in any output', async () => {
    for (const alg of ['ES256', 'HS256'] as const) {
      const { key } = await keyOf(generateSigningKey(alg))
      expect(key.signer.extractable).toBe(false)
      await expect(crypto.subtle.exportKey('jwk', key.signer)).rejects.toThrow()
      const signed = await signDraft(DRAFT, key)
      expect(JSON.stringify(signed)).not.toMatch(/"d":/)
    }
  })
})

// One key of each type, written the ways users paste them.
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' })
const ed = generateKeyPairSync('ed25519')
const pem = (k: KeyObject, type: 'pkcs1' | 'pkcs8' | 'sec1') => k.export({ type, format: 'pem' }) as string
const jwk = (k: KeyObject) => JSON.stringify(k.export({ format: 'jwk' }))

const PASTED: [SigningAlg, string, string, KeyObject][] = [
  ['RS256', 'PKCS#8 PEM', pem(rsa.privateKey, 'pkcs8'), rsa.publicKey],
  ['RS256', 'PKCS#1 PEM', pem(rsa.privateKey, 'pkcs1'), rsa.publicKey],
  ['RS256', 'JWK', jwk(rsa.privateKey), rsa.publicKey],
  ['PS256', 'PKCS#1 PEM', pem(rsa.privateKey, 'pkcs1'), rsa.publicKey],
  ['PS256', 'JWK', jwk(rsa.privateKey), rsa.publicKey],
  ['ES256', 'PKCS#8 PEM', pem(p256.privateKey, 'pkcs8'), p256.publicKey],
  ['ES256', 'SEC 1 PEM', pem(p256.privateKey, 'sec1'), p256.publicKey],
  ['ES256', 'JWK', jwk(p256.privateKey), p256.publicKey],
  ['ES384', 'PKCS#8 PEM', pem(p384.privateKey, 'pkcs8'), p384.publicKey],
  ['ES384', 'SEC 1 PEM', pem(p384.privateKey, 'sec1'), p384.publicKey],
  ['ES384', 'JWK', jwk(p384.privateKey), p384.publicKey],
  ['EdDSA', 'PKCS#8 PEM', pem(ed.privateKey, 'pkcs8'), ed.publicKey],
  ['EdDSA', 'JWK', jwk(ed.privateKey), ed.publicKey],
]

describe('signing with pasted keys', () => {
  it.each(PASTED)('%s with a %s key verifies, with the kid of its public key', async (alg, form, text, pub) => {
    const r = await importSigningKey(text, alg)
    if (!r.ok) throw new Error(r.diagnostics[0]?.message)
    expect(r.key.description).toContain(form)
    expect(r.key.public?.kid).toBe(nodeKid(pub))
    const { result } = await roundTrip(r.key)
    expect([result.state, result.kidCheck.state]).toEqual(['verified', 'match'])
    // The PEM written for the verifier is the very public key that was pasted.
    expect(createPublicKey(r.key.public!.pem).equals(pub)).toBe(true)
  })

  it('converts PKCS#1 and SEC 1 keys to the PKCS#8 WebCrypto imports', async () => {
    const fromPkcs1 = await importSigningKey(pem(rsa.privateKey, 'pkcs1'), 'RS256')
    expect(fromPkcs1.ok && fromPkcs1.key.origin).toBe('pkcs1')
    const fromSec1 = await importSigningKey(pem(p256.privateKey, 'sec1'), 'ES256')
    expect(fromSec1.ok && fromSec1.key.origin).toBe('sec1')
  })

  it.each([
    ['utf8', 'a-test-secret-of-thirty-two-bytes!'],
    ['base64', Buffer.from('a-test-secret-of-thirty-two-bytes!').toString('base64')],
    ['base64url', Buffer.from('a-test-secret-of-thirty-two-bytes!').toString('base64url')],
  ] as const)('HS256 with a secret written as %s verifies with the same secret', async (encoding, text) => {
    const r = await importSigningKey(text, 'HS256', { encoding })
    if (!r.ok) throw new Error(r.diagnostics[0]?.message)
    const signed = await signDraft(DRAFT, r.key)
    if (!signed.ok) throw new Error('not signed')
    const material = recognizeKeyMaterial(text, { encoding, tokenAlg: 'HS256' })
    expect((await verifySignature(decodeToken(signed.value.token), material)).state).toBe('verified')
  })

  it('reads a symmetric JWK as an HMAC secret', async () => {
    const k = Buffer.alloc(64, 7).toString('base64url')
    const r = await importSigningKey(JSON.stringify({ kty: 'oct', k }), 'HS512')
    if (!r.ok) throw new Error(r.diagnostics[0]?.message)
    const { result } = await roundTrip(r.key, DRAFT, k)
    expect(result.state).toBe('verified')
  })
})

describe('refusing what cannot sign, with a reason', () => {
  const codeOf = async (text: string, alg: SigningAlg) => {
    const r = await importSigningKey(text, alg)
    return r.ok ? 'ok' : r.diagnostics.map((d) => d.code).join(',')
  }

  it('a public key, as PEM or JWK', async () => {
    expect(await codeOf(rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string, 'RS256')).toBe(
      'COMPOSE_KEY_PUBLIC',
    )
    expect(await codeOf(jwk(p256.publicKey), 'ES256')).toBe('COMPOSE_KEY_PUBLIC')
  })

  it('a key that does not fit the algorithm, suggesting the one that does', async () => {
    const r = await importSigningKey(pem(p384.privateKey, 'pkcs8'), 'ES256')
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.suggestedAlg).toBe('ES384')
    expect(r.diagnostics[0]?.message).toBe(
      'This EC P-384 key cannot sign ES256, which needs an EC P-256 key. Pick ES384 for this key, or paste another key.',
    )
    expect(await codeOf(pem(rsa.privateKey, 'pkcs8'), 'HS256')).toBe('COMPOSE_KEY_ALG_MISMATCH')
    expect(await codeOf(jwk(ed.privateKey), 'RS256')).toBe('COMPOSE_KEY_ALG_MISMATCH')
    const declared = JSON.stringify({ ...(rsa.privateKey.export({ format: 'jwk' }) as object), alg: 'RS256' })
    expect(await codeOf(declared, 'PS256')).toBe('COMPOSE_KEY_ALG_MISMATCH')
  })

  it('encrypted and OpenSSH keys, with the command that converts them', async () => {
    const encrypted = rsa.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'x' })
    const r = await importSigningKey(encrypted as string, 'RS256')
    expect(r.ok ? '' : r.diagnostics[0]?.message).toMatch(
      /encrypted with a passphrase; decrypt it first \(openssl pkcs8/,
    )
    const legacy = rsa.privateKey.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'x' })
    expect(await codeOf(legacy as string, 'RS256')).toBe('COMPOSE_KEY_UNSUPPORTED')
    expect(await codeOf('-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----', 'EdDSA')).toBe(
      'COMPOSE_KEY_UNSUPPORTED',
    )
  })

  it('broken text: cut-off PEM, bad base64, bad DER, bad JSON, a key set, plain text for RS256', async () => {
    expect(await codeOf('-----BEGIN PRIVATE KEY-----\nMIIE', 'RS256')).toBe('PEM_INCOMPLETE')
    expect(await codeOf('-----BEGIN PRIVATE KEY-----\n@@@@\n-----END PRIVATE KEY-----', 'RS256')).toBe('PEM_BAD_BASE64')
    expect(await codeOf('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----', 'RS256')).toBe('PEM_BAD_DER')
    expect(await codeOf('{"kty": "RSA",', 'RS256')).toBe('KEY_JSON_INVALID')
    expect(await codeOf('{"kid": "x"}', 'RS256')).toBe('KEY_JSON_NOT_KEY')
    expect(await codeOf('{"kty":"EC","crv":"P-256","x":"AAAA","y":"AAAA","d":"AAAA"}', 'ES256')).toBe(
      'COMPOSE_KEY_INVALID',
    )
    expect(await codeOf('{"keys": []}', 'RS256')).toBe('COMPOSE_KEY_UNSUPPORTED')
    expect(await codeOf('hunter2', 'RS256')).toBe('KEY_UNRECOGNISED')
    const notBase64 = await importSigningKey('not base64!', 'HS256', { encoding: 'base64' })
    expect(notBase64.ok ? 'ok' : notBase64.diagnostics[0]?.code).toBe('HMAC_SECRET_ENCODING')
    const empty = await importSigningKey('  ', 'ES256')
    expect(empty.ok ? undefined : empty.diagnostics[0]).toMatchObject({ code: 'COMPOSE_KEY_EMPTY', severity: 'info' })
  })

  it('warns about a short HMAC secret and a short RSA key, and signs anyway', async () => {
    const short = await importSigningKey('short', 'HS256')
    expect(short.ok && short.diagnostics.map((d) => d.code)).toEqual(['HMAC_SECRET_SHORT'])
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 })
    const r = await importSigningKey(pem(small.privateKey, 'pkcs8'), 'RS256')
    expect(r.ok && r.diagnostics.map((d) => d.code)).toEqual(['COMPOSE_KEY_RSA_SHORT'])
    if (!r.ok) return
    // The warning is true: this app's verifier (jose) refuses the token.
    const { result } = await roundTrip(r.key)
    expect(result.state).not.toBe('verified')
  })
})

describe('when WebCrypto says no', () => {
  it('says the browser cannot make the key, rather than throwing', async () => {
    const spy = vi
      .spyOn(globalThis.crypto.subtle, 'generateKey')
      .mockRejectedValueOnce(new DOMException('Unrecognized name.', 'NotSupportedError'))
    try {
      const r = await generateSigningKey('EdDSA')
      expect(r.ok ? [] : r.diagnostics.map((d) => [d.code, d.message])).toEqual([
        ['COMPOSE_WEBCRYPTO_FAILED', 'This browser could not make a key for EdDSA: Unrecognized name..'],
      ])
    } finally {
      spy.mockRestore()
    }
  })

  it('says the key cannot sign, rather than throwing', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])
    const r = await signDraft(DRAFT, { alg: 'ES256', origin: 'generated', description: '', signer: pair.publicKey })
    expect(r.ok ? [] : r.diagnostics.map((d) => d.code)).toEqual(['COMPOSE_WEBCRYPTO_FAILED'])
  })
})

describe('the header and the texts', () => {
  it('keeps a header text that already says the alg and kid, and rewrites one that does not', async () => {
    const { key } = await keyOf(generateSigningKey('ES256'))
    const header = `{ "alg" : "ES256", "kid": "${key.public!.kid}" }`
    const signed = await signDraft({ header, payload: '{}' }, key)
    expect(signed.ok && signed.value.header).toBe(header)
    const typed = await signDraft({ header: '{"typ":"JWT","alg":"none"}', payload: '{}' }, key)
    expect(typed.ok && typed.value.header).toBe(
      `{\n  "typ": "JWT",\n  "alg": "ES256",\n  "kid": "${key.public!.kid}"\n}`,
    )
  })

  it('keeps the header’s kid when asked, to test a verifier against a foreign kid', async () => {
    const { key } = await keyOf(generateSigningKey('ES256'))
    const { result } = await roundTrip(key, { header: '{"alg":"ES256","kid":"someone-else"}', payload: '{}' })
    expect(result.kidCheck.state).toBe('match')
    const kept = await signDraft({ header: '{"alg":"ES256","kid":"someone-else"}', payload: '{}' }, key, {
      kid: 'keep',
    })
    if (!kept.ok) throw new Error('not signed')
    expect(decodeToken(kept.value.token).header?.value.kid).toBe('someone-else')
    const v = await verifySignature(
      decodeToken(kept.value.token),
      recognizeKeyMaterial(key.public!.jwksText, { encoding: 'utf8' }),
    )
    expect(v.state).toBe('no-matching-key')
  })

  it('does not sign broken JSON, and says where it breaks', async () => {
    const { key } = await keyOf(generateSigningKey('HS256'))
    const r = await signDraft({ header: '{"alg":"HS256"}', payload: '{"sub": "a",\n "exp": }' }, key)
    expect(r.ok).toBe(false)
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      "Payload JSON, line 2, column 9: Expected a JSON value but found '}'.",
    ])
    const b64 = await signDraft({ header: '{"alg":"HS256","b64":false}', payload: '{}' }, key)
    expect(b64.diagnostics.map((d) => d.code)).toEqual(['COMPOSE_HEADER_B64'])
  })

  it('makes an unsecured token only when asked, with a warning, and it never verifies', async () => {
    const r = unsignedToken(DRAFT)
    if (!r.ok) throw new Error('not made')
    expect(r.value).toMatchObject({ alg: 'none', signed: false })
    expect(r.value.token.endsWith('.')).toBe(true)
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['ALG_NONE', 'warning']])
    const decoded = decodeToken(r.value.token)
    expect(decoded.form).toBe('unsecured')
    const { key } = await keyOf(generateSigningKey('ES256'))
    const v = await verifySignature(decoded, recognizeKeyMaterial(key.public!.jwksText, { encoding: 'utf8' }))
    expect(v.state).toBe('unsupported')
  })

  it('signs what was written: duplicates and large integers reach the token as text', async () => {
    const { key } = await keyOf(generateSigningKey('HS256'))
    const payload = '{\n  "sub": "a",\n  "sub": "b",\n  "id": 12345678901234567890\n}'
    const r = await signDraft({ header: '{"alg":"HS256"}', payload }, key)
    if (!r.ok) throw new Error('not signed')
    expect(r.diagnostics.map((d) => d.code)).toEqual(['JSON_DUPLICATE_MEMBER'])
    const decoded = decodeToken(r.value.token)
    expect(decoded.payload.kind === 'claims' && decoded.payload.json.text).toBe(
      '{"sub":"a","sub":"b","id":12345678901234567890}',
    )
  })
})

import { createHash, createHmac } from 'node:crypto'
import { SignJWT, exportSPKI, generateKeyPair } from 'jose'
import { describe, expect, it } from 'vitest'
import { decodeToken } from '../decode/decodeToken.ts'
import { fixture } from '../../test/tokens.ts'
import { K8S_RSA_PEM } from '../../test/k8s-key-vectors.ts'
import { recognizeKeyMaterial } from './keyMaterial.ts'
import { signedPart, verifySignature } from './verify.ts'

// When the token is at fault (an SD-JWT, b64: false without crit, an alg in the wrong case), the verdict says so and does
// not blame the key.

const SECRET = 'a-shared-secret-that-is-32-bytes!'
const b64u = (s: string | Buffer) => Buffer.from(s).toString('base64url')

async function check(token: string, keyText: string) {
  const decoded = decodeToken(token)
  const alg = decoded.header?.value.alg
  const material = recognizeKeyMaterial(keyText, {
    encoding: 'utf8',
    tokenAlg: typeof alg === 'string' ? alg : undefined,
  })
  return verifySignature(decoded, material)
}

/** Signs header.payload by hand with HMAC-SHA-256, for tokens jose would not write. */
function handSigned(header: object, payloadText: string, encodePayload = true): string {
  const input = `${b64u(JSON.stringify(header))}.${encodePayload ? b64u(payloadText) : payloadText}`
  return `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`
}

describe('an unregistered alg is the token’s fault', () => {
  it('lowercase hs256 with its real secret: unsupported, naming the algorithm and its registered spelling', async () => {
    const token = handSigned({ alg: 'hs256', typ: 'JWT' }, '{"sub":"x"}')
    const r = await check(token, SECRET)
    expect(r.state).toBe('unsupported')
    expect(r.summary).toBe(
      'The token\'s alg "hs256" is not a registered algorithm name (names are case-sensitive; "HS256" is registered). The token is at fault, not the key: its signature is not checked.',
    )
  })
  it('the same token with a public key or garbage is still about the algorithm, not the key', async () => {
    const token = handSigned({ alg: 'Rs256' }, '{}')
    for (const key of [K8S_RSA_PEM, 'not a key', '{"kty":']) {
      const r = await check(token, key)
      expect(r.state, key).toBe('unsupported')
      expect(r.summary).toContain('"RS256" is registered')
    }
  })
  it('the key box says why plain text is not read as a secret for it', () => {
    const m = recognizeKeyMaterial(SECRET, { encoding: 'utf8', tokenAlg: 'hs256' })
    expect(m.diagnostics[0]?.message).toContain('the registered one is "HS256"')
  })
})

describe('b64 (RFC 7797)', () => {
  it('b64 false without crit: unsupported, blaming the token, not key-error', async () => {
    const token = handSigned({ alg: 'HS256', b64: false }, '$02', false)
    const r = await check(token, SECRET)
    expect(r.state).toBe('unsupported')
    expect(r.summary).toBe(
      'The token is malformed: its header sets b64 to false without listing "b64" in crit (RFC 7797 §6), so verifiers must reject it rather than guess how its payload was signed. Its signature is not checked; the key is not the problem.',
    )
  })
  it('b64 that is not a boolean: unsupported, saying so', async () => {
    const token = handSigned({ alg: 'HS256', b64: 'false', crit: ['b64'] }, '{}')
    const r = await check(token, SECRET)
    expect(r.state).toBe('unsupported')
    expect(r.summary).toContain('The header\'s "b64" is a string, but RFC 7797 §3 makes it a JSON boolean.')
  })
  it('b64 false with crit: verified, with the payload signed as is', async () => {
    const token = handSigned({ alg: 'HS256', b64: false, crit: ['b64'] }, '$02', false)
    expect(token.split('.')[1]).toBe('$02')
    expect((await check(token, SECRET)).state).toBe('verified')
    expect((await check(token, `${SECRET}x`)).state).toBe('invalid')
  })
})

describe('SD-JWT (RFC 9901): the issuer-signed JWT is what is verified', () => {
  async function sdJwt(withKeyBinding: boolean) {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true })
    const disclosures = [b64u(JSON.stringify(['salt1', 'given_name', 'Ada'])), b64u(JSON.stringify(['salt2', 'x']))]
    const digest = (d: string) => createHash('sha256').update(d).digest('base64url')
    const issuer = await new SignJWT({
      iss: 'https://issuer.example',
      _sd: [digest(disclosures[0]!)],
      nationalities: [{ '...': digest(disclosures[1]!) }],
      _sd_alg: 'sha-256',
    })
      .setProtectedHeader({ alg: 'ES256', typ: 'dc+sd-jwt' })
      .sign(privateKey)
    const kb = withKeyBinding
      ? await new SignJWT({ nonce: 'n' }).setProtectedHeader({ alg: 'ES256', typ: 'kb+jwt' }).sign(privateKey)
      : ''
    return { token: `${issuer}~${disclosures.join('~')}~${kb}`, issuer, pem: await exportSPKI(publicKey) }
  }

  it('a valid issuer signature verifies, with and without a key-binding JWT', async () => {
    for (const kb of [false, true]) {
      const { token, issuer, pem } = await sdJwt(kb)
      expect(signedPart(decodeToken(token))).toBe(issuer)
      const r = await check(token, pem)
      expect(r.state, r.summary).toBe('verified')
      expect(r.summary).toContain('the issuer-signed JWT of an SD-JWT')
    }
  })
  it('a changed issuer signature is invalid, and another key does not match: never key-error', async () => {
    const { token, pem } = await sdJwt(false)
    const tilde = token.indexOf('~')
    const broken = `${token.slice(0, tilde - 3)}${token[tilde - 3] === 'A' ? 'B' : 'A'}${token.slice(tilde - 2)}`
    expect((await check(broken, pem)).state).toBe('invalid')
    expect((await check(token, (await sdJwt(false)).pem)).state).toBe('invalid')
  })
})

describe('malformed tokens name what is wrong with them', () => {
  it('a kid that is a number: unsupported, citing the kid', async () => {
    const token = handSigned({ alg: 'HS256', kid: 123 }, '{}')
    const r = await check(token, SECRET)
    expect(r.state).toBe('unsupported')
    expect(r.summary).toContain('The header\'s "kid" is a number, but RFC 7515 §4.1.4 makes it a JSON string.')
  })
  it('a JWE is unsupported whatever key text is given, even garbage', async () => {
    expect((await check(fixture('rfc7516-a1-jwe').token, 'garbage')).state).toBe('unsupported')
  })
})

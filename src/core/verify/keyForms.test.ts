import { SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { decodeToken } from '../decode/decodeToken.ts'
import {
  ALG_OF,
  KEY_TYPES,
  containerForms,
  generate,
  privateForms,
  publicForms,
  sshBlob,
} from '../../test/key-encodings.ts'
import { SSH_KEY_VECTORS } from '../../test/ssh-key-vectors.ts'
import { privateKeyRefusal, recognizeKeyMaterial, type HmacEncoding } from './keyMaterial.ts'
import { verifySignature } from './verify.ts'
import { kubernetesKeyIds } from './verify.ts'

const PAIRS = KEY_TYPES.map(generate)
const ENCODINGS: HmacEncoding[] = ['utf8', 'base64', 'base64url']

async function verifyWith(token: string, keyText: string, encoding: HmacEncoding = 'utf8') {
  const decoded = decodeToken(token)
  const alg = decoded.header?.value.alg
  const material = recognizeKeyMaterial(keyText, { encoding, tokenAlg: typeof alg === 'string' ? alg : undefined })
  return { material, result: await verifySignature(decoded, material) }
}

/** The bytes a verifier that read `text` as a secret in `encoding` would use: what an attacker signs with. */
function naiveSecret(text: string, encoding: HmacEncoding): Uint8Array | null {
  const t = text.trim()
  if (encoding === 'utf8') return new TextEncoder().encode(t)
  const body = t.replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/_-]+=*$/.test(body)) return null
  return new Uint8Array(Buffer.from(body, encoding === 'base64' ? 'base64' : 'base64url'))
}

const hs256 = (secret: Uint8Array) => new SignJWT({ sub: 'forged' }).setProtectedHeader({ alg: 'HS256' }).sign(secret)

/** Text of 24 characters from inside the key, to look for in anything the page keeps or shows. */
const slices = (text: string) =>
  [0.3, 0.5, 0.7].map((f) => text.slice(Math.floor(text.length * f), Math.floor(text.length * f) + 24))

describe('private keys are refused in every form', { timeout: 60_000 }, () => {
  for (const pair of PAIRS) {
    for (const { form, text } of privateForms(pair)) {
      it(`${pair.type}: ${form}`, () => {
        for (const encoding of ENCODINGS) {
          for (const tokenAlg of ['HS256', ALG_OF[pair.type], undefined]) {
            const m = recognizeKeyMaterial(text, { encoding, tokenAlg })
            expect(m.kind, `${encoding} ${tokenAlg}`).toBe('private-key')
            expect(m.keys).toEqual([])
            expect(m.diagnostics.map((d) => d.code)).toEqual(['PRIVATE_KEY_REFUSED'])
            // Nothing of the key is echoed back in what the page shows.
            const shown = m.summary + m.diagnostics.map((d) => d.message).join(' ')
            for (const s of slices(text)) expect(shown).not.toContain(s)
          }
        }
      })
    }
  }
  for (const { form, text } of containerForms()) {
    it(form, () => {
      expect(recognizeKeyMaterial(text, { encoding: 'utf8', tokenAlg: 'HS256' }).kind).toBe('private-key')
    })
  }
  it('says which form was found', () => {
    const forms = Object.fromEntries(
      privateForms(PAIRS[1]!).map(({ form, text }) => [form, recognizeKeyMaterial(text, { encoding: 'utf8' }).summary]),
    )
    expect(forms['PKCS#8 PEM']).toBe('This is a private key (PEM "PRIVATE KEY"). It was refused and not kept.')
    expect(forms['PEM body without BEGIN/END lines']).toContain('a PKCS#8 private key in DER')
    expect(forms['SEC 1 body without BEGIN/END lines']).toContain('an EC (SEC 1) private key')
    expect(forms['base64 of the PEM (a Secret’s tls.key)']).toContain('the base64 of a private key (PEM "PRIVATE KEY")')
    expect(forms['TLS Secret YAML (data)']).toContain('a Secret holding a TLS private key (tls.key)')
    expect(forms['kubeconfig with client-key-data']).toContain('client-key-data')
    expect(forms['private JWK nested in an object']).toContain('at /signer/key in the JSON')
    expect(forms['JSON array of private JWKs']).toContain('at /0 in the JSON')
  })
  it('the key box screen refuses exactly the private forms', () => {
    for (const pair of PAIRS) {
      for (const { form, text } of privateForms(pair)) expect(privateKeyRefusal(text), form).toContain('was pasted')
      for (const { form, text } of publicForms(pair)) expect(privateKeyRefusal(text), form).toBeNull()
    }
  })
  it('does not take placeholders for key data', () => {
    const view =
      'users:\n- name: admin\n  user:\n    client-certificate-data: DATA+OMITTED\n    client-key-data: DATA+OMITTED\n'
    expect(recognizeKeyMaterial(view, { encoding: 'utf8', tokenAlg: 'HS256' }).kind).not.toBe('private-key')
  })
})

describe('public keys are read in every form', { timeout: 60_000 }, () => {
  for (const pair of PAIRS) {
    it(`${pair.type}: every form verifies a token its private key signed, with the same key id`, async () => {
      const alg = ALG_OF[pair.type]
      const token = await new SignJWT({ sub: pair.type }).setProtectedHeader({ alg }).sign(pair.privateKey)
      const ids = new Set<string | null>()
      for (const { form, text } of publicForms(pair)) {
        const { material, result } = await verifyWith(token, text)
        expect(result.state, `${form}: ${result.summary}`).toBe('verified')
        expect(material.keys, form).toHaveLength(1)
        ids.add((await kubernetesKeyIds(material))[0] ?? null)
      }
      // Every form is the same key: the Kubernetes key id (SHA-256 of the SPKI) agrees.
      expect(ids.size).toBe(1)
      expect([...ids][0]).toMatch(/^[A-Za-z0-9_-]{43}$/)
    })
  }
  it('names the form it read', () => {
    const forms = Object.fromEntries(
      publicForms(PAIRS[4]!).map(({ form, text }) => [form, recognizeKeyMaterial(text, { encoding: 'utf8' })]),
    )
    expect(forms['OpenSSH authorized_keys line']?.keys[0]?.origin).toBe(
      'OpenSSH ssh-ed25519 public key (authorized_keys line)',
    )
    expect(forms['PEM body (DER SPKI) without BEGIN/END lines']?.kind).toBe('der')
    expect(forms['base64 of the SPKI PEM']?.summary).toBe('One public key in PEM, given as base64.')
    expect(forms['JSON array of JWKs']?.summary).toBe(
      'A JWK Set with 1 key, given as a bare JSON array (a JWK Set is {"keys": [ … ]}).',
    )
    expect(forms['JWK nested in an object']?.summary).toBe('A single JWK, found at /jwk inside the JSON.')
    expect(forms['JWK with a trailing comma']?.summary).toBe(
      'A single JWK. The JSON was read leniently: the text after it was ignored (",").',
    )
    for (const f of ['JSON array of JWKs', 'JWK nested in an object', 'JWK with a trailing comma'])
      expect(forms[f]?.diagnostics, f).toEqual([])
  })
})

describe('ssh-keygen and openssl output (ssh-key-vectors.ts)', () => {
  for (const v of SSH_KEY_VECTORS) {
    it(`${v.name}: the authorized_keys line, the SSH2 block, the SPKI and the certificate are one key`, async () => {
      const ids = new Set<string | null>()
      for (const text of [v.sshLine, v.ssh2, v.spkiPem, v.certPem]) {
        const { material, result } = await verifyWith(v.token, text)
        expect(result.state, text.slice(0, 30)).toBe('verified')
        ids.add((await kubernetesKeyIds(material))[0] ?? null)
      }
      expect(ids.size).toBe(1)
    })
  }
})

describe('key confusion: public key material never verifies an HMAC token', { timeout: 120_000 }, () => {
  for (const pair of PAIRS) {
    it(`${pair.type}: every form, as UTF-8, base64 or base64url, signed as the HS256 secret`, async () => {
      for (const { form, text } of publicForms(pair)) {
        for (const encoding of ENCODINGS) {
          const secret = naiveSecret(text, encoding)
          if (!secret || secret.length === 0) continue
          const { result } = await verifyWith(await hs256(secret), text, encoding)
          expect(result.state, `${form} as ${encoding}`).not.toBe('verified')
          expect(['no-matching-key', 'key-error']).toContain(result.state)
        }
      }
    })
  }
  it('says why: the key is public, named by its form', async () => {
    const v = SSH_KEY_VECTORS.find((x) => x.name === 'ed25519')!
    const { result } = await verifyWith(await hs256(new TextEncoder().encode(v.sshLine)), v.sshLine)
    expect(result.state).toBe('no-matching-key')
    const d = result.diagnostics.find((x) => x.code === 'ALG_KEY_CONFUSION')
    expect(d?.message).toContain('OpenSSH ssh-ed25519 public key')
    expect(result.attempts[0]?.reason).toContain('key-confusion attack')
  })
  it('an SSH line inside other text is not a secret either', async () => {
    const v = SSH_KEY_VECTORS.find((x) => x.name === 'p256')!
    const text = `my key: ${v.sshLine.split(' ').slice(0, 2).join(' ')}, please use it`
    const { material, result } = await verifyWith(await hs256(new TextEncoder().encode(text)), text)
    expect(result.state).not.toBe('verified')
    expect(material.kind).toBe('ssh')
  })
  it('an oct JWK whose k is a public key in any encoding is refused', async () => {
    const pair = PAIRS[0]!
    const spki = pair.publicKey.export({ type: 'spki', format: 'der' })
    const pemText = pair.publicKey.export({ type: 'spki', format: 'pem' }) as string
    for (const bytes of [Buffer.from(pemText), spki, sshBlob(pair.publicKey), Buffer.from(spki.toString('base64'))]) {
      const jwk = JSON.stringify({ kty: 'oct', k: Buffer.from(bytes).toString('base64url') })
      const { result } = await verifyWith(await hs256(new Uint8Array(bytes)), jwk)
      expect(result.state).toBe('no-matching-key')
      expect(result.attempts[0]?.reason).toContain("the secret's bytes are")
    }
  })
})

describe('ordinary secrets still verify', () => {
  it('UTF-8, base64 and hex secrets', async () => {
    for (const [secret, encoding] of [
      ['your-256-bit-secret', 'utf8'],
      ['a-string-secret-at-least-256-bits-long', 'utf8'],
      [Buffer.from('0123456789abcdef0123456789abcdef').toString('base64'), 'base64'],
      ['3f1c0a9e8b7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170605f4e3', 'utf8'],
      ['AAAA' + 'x'.repeat(40), 'utf8'],
    ] as const) {
      const bytes = naiveSecret(secret, encoding)!
      const { result } = await verifyWith(await hs256(bytes), secret, encoding)
      expect(result.state, secret).toBe('verified')
    }
  })
})

describe('cost stays bounded by the size of the paste', () => {
  // Before the layers were bounded, 1 MB of base64 lines took 6 s; a generous limit for busy machines.
  const LIMIT_MS = 3000
  const inputs: Record<string, string> = {
    '1 MB of base64 lines': Array.from({ length: 16000 }, (_, i) =>
      Buffer.from(`line ${i} `.repeat(5)).toString('base64'),
    ).join('\n'),
    '1 MB of "= "': '= '.repeat(512 * 1024),
    '1 MB of YAML-like lines': 'kty: x\nd: '.repeat(90000),
    '1 MB of JSON': JSON.stringify({ a: Array.from({ length: 60000 }, (_, i) => ({ k: i, v: 'x'.repeat(5) })) }),
    '1 MB of hex': 'ab'.repeat(512 * 1024),
    'base64 of base64 of text, 1 MB': Buffer.from(Buffer.from('y'.repeat(600_000)).toString('base64')).toString(
      'base64',
    ),
  }
  for (const [name, text] of Object.entries(inputs)) {
    it(name, () => {
      const started = performance.now()
      for (const encoding of ENCODINGS) recognizeKeyMaterial(text, { encoding, tokenAlg: 'HS256' })
      expect(performance.now() - started).toBeLessThan(LIMIT_MS)
    })
  }
  it('text longer than any secret is not used as one', () => {
    const m = recognizeKeyMaterial('s'.repeat(70_000), { encoding: 'utf8', tokenAlg: 'HS256' })
    expect(m.kind).toBe('unrecognised')
    expect(m.diagnostics.map((d) => d.code)).toEqual(['KEY_UNRECOGNISED'])
    expect(m.summary).toBe('Too long to be an HMAC secret.')
  })
})

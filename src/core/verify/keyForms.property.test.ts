import fc from 'fast-check'
import { SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { decodeToken } from '../decode/decodeToken.ts'
import { KEY_TYPES, generate, privateForms, publicForms, type KeyForm } from '../../test/key-encodings.ts'
import { recognizeKeyMaterial, type HmacEncoding } from './keyMaterial.ts'
import { verifySignature } from './verify.ts'

// Two keys of each type, so that the properties range over keys as well as forms.
const PAIRS = [...KEY_TYPES, ...KEY_TYPES].map(generate)
const PUBLIC: KeyForm[] = PAIRS.flatMap(publicForms)
const PRIVATE: KeyForm[] = PAIRS.flatMap(privateForms)

/** How people damage what they paste: surrounding notes, quotes, blank lines, other line widths. */
const mangle = fc.record({
  before: fc.constantFrom('', '  ', '\n\n', 'key:\n', '# from the issuer\n', '"', 'Here it is: '),
  after: fc.constantFrom('', '\n', '  \n', '"', '\n-- sent from my phone'),
  rewrap: fc.constantFrom(0, 48, 76, 1000),
  crlf: fc.boolean(),
})

function apply(text: string, m: { before: string; after: string; rewrap: number; crlf: boolean }): string {
  let t = text
  // Re-wrapping only applies to texts that are one block of base64 lines.
  if (m.rewrap > 0 && /^[A-Za-z0-9+/=\s]+$/.test(t) && t.includes('\n'))
    t = t.replace(/\s+/g, '').replace(new RegExp(`(.{${m.rewrap}})`, 'g'), '$1\n')
  t = m.before + t + m.after
  return m.crlf ? t.replace(/\r?\n/g, '\r\n') : t
}

function naiveSecret(text: string, encoding: HmacEncoding): Uint8Array | null {
  const t = text.trim()
  if (encoding === 'utf8') return new TextEncoder().encode(t)
  const body = t.replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/_-]+=*$/.test(body)) return null
  const bytes = new Uint8Array(Buffer.from(body, encoding === 'base64' ? 'base64' : 'base64url'))
  return bytes.length > 0 ? bytes : null
}

const encodings = fc.constantFrom<HmacEncoding>('utf8', 'base64', 'base64url')

describe('key forms, as properties', { timeout: 120_000 }, () => {
  it('any public key, in any form, however pasted, never verifies an HMAC token signed with it as the secret', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PUBLIC), mangle, encodings, async ({ text }, m, encoding) => {
        const pasted = apply(text, m)
        const secret = naiveSecret(pasted, encoding)
        fc.pre(secret !== null)
        const token = await new SignJWT({ sub: 'forged' }).setProtectedHeader({ alg: 'HS256' }).sign(secret!)
        const material = recognizeKeyMaterial(pasted, { encoding, tokenAlg: 'HS256' })
        const result = await verifySignature(decodeToken(token), material)
        expect(result.state).not.toBe('verified')
        expect(material.keys.every((k) => k.secret === undefined)).toBe(true)
      }),
      { numRuns: 400 },
    )
  })

  it('any private key, in any form, however pasted, is refused whatever the token and encoding', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PRIVATE),
        mangle,
        encodings,
        fc.constantFrom('HS256', 'RS256', 'ES256', 'EdDSA', 'hs256', undefined),
        ({ text }, m, encoding, tokenAlg) => {
          const material = recognizeKeyMaterial(apply(text, m), { encoding, tokenAlg })
          expect(material.kind).toBe('private-key')
          expect(material.keys).toEqual([])
        },
      ),
      { numRuns: 600 },
    )
  })

  it('an ordinary secret is not mistaken for a key: random text and random bytes as base64 verify', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ minLength: 1, maxLength: 80 }).map((s) => ({ text: s, encoding: 'utf8' as const })),
          fc.uint8Array({ minLength: 16, maxLength: 64 }).map((b) => ({
            text: Buffer.from(b).toString('base64'),
            encoding: 'base64' as const,
          })),
          fc.uint8Array({ minLength: 16, maxLength: 64 }).map((b) => ({
            text: Buffer.from(b).toString('hex'),
            encoding: 'utf8' as const,
          })),
        ),
        async ({ text, encoding }) => {
          // Text that is shaped like JSON or PEM is read as such, by design.
          fc.pre(text.trim() !== '' && !/^\s*[{[]/.test(text) && !text.includes('-----'))
          const secret = naiveSecret(text, encoding)!
          const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(secret)
          const material = recognizeKeyMaterial(text, { encoding, tokenAlg: 'HS256' })
          expect(material.kind).toBe('hmac-secret')
          expect((await verifySignature(decodeToken(token), material)).state).toBe('verified')
        },
      ),
      { numRuns: 500 },
    )
  })
})

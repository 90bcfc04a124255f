import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { K8S_EC_PEM, K8S_JWKS, K8S_RSA_PEM } from '../../test/k8s-key-vectors.ts'
import { CERT_PEM, PKCS1_PEM } from '../../test/generated-keys.ts'
import { pemBlocks } from './pem.ts'
import { recognizeKeyMaterial } from './keyMaterial.ts'
import { describeSpki } from './spki.ts'
import { certificateSpki } from './der.ts'

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

describe('key recognition never throws', { timeout: 30_000 }, () => {
  it('on arbitrary text, in every encoding', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.constantFrom('utf8', 'base64', 'base64url') as fc.Arbitrary<'utf8' | 'base64' | 'base64url'>,
        fc.constantFrom('HS256', 'RS256', undefined),
        (s, encoding, tokenAlg) => {
          const m = recognizeKeyMaterial(s, { encoding, tokenAlg })
          expect(m.keys.length === 0 || m.kind !== 'unrecognised').toBe(true)
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('on real keys with bytes of their DER changed, cut or extended', () => {
    const ders = [K8S_RSA_PEM, K8S_EC_PEM, CERT_PEM, PKCS1_PEM].map((p) => ({
      label: pemBlocks(p)[0]!.label,
      der: pemBlocks(p)[0]!.der!,
    }))
    fc.assert(
      fc.property(
        fc.constantFrom(...ders),
        fc.nat(),
        fc.integer({ min: 0, max: 255 }),
        fc.constantFrom('set', 'cut', 'extend'),
        ({ label, der }, at, byte, how) => {
          const bytes =
            how === 'cut'
              ? der.slice(0, at % der.length)
              : how === 'extend'
                ? new Uint8Array([...der, byte])
                : der.slice()
          if (how === 'set') bytes[at % bytes.length] = byte
          const m = recognizeKeyMaterial(`-----BEGIN ${label}-----\n${b64(bytes)}\n-----END ${label}-----`, {
            encoding: 'utf8',
            tokenAlg: 'RS256',
          })
          expect(['pem', 'unrecognised']).toContain(m.kind)
          describeSpki(bytes)
          certificateSpki(bytes)
        },
      ),
      { numRuns: 3000 },
    )
  })

  it('on JWK Sets with members removed or retyped', () => {
    const set = JSON.parse(K8S_JWKS) as { keys: Record<string, unknown>[] }
    fc.assert(
      fc.property(
        fc.nat(1),
        fc.constantFrom('kty', 'n', 'e', 'crv', 'x', 'y', 'kid', 'alg', 'use'),
        fc.jsonValue(),
        (i, member, value) => {
          const keys = set.keys.map((k) => ({ ...k }))
          keys[i]![member] = value
          const m = recognizeKeyMaterial(JSON.stringify({ keys }), { encoding: 'utf8', tokenAlg: 'RS256' })
          expect(m.kind).toBe('jwks')
          expect(m.keys).toHaveLength(2)
        },
      ),
      { numRuns: 1000 },
    )
  })
})

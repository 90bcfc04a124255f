import { describe, expect, it } from 'vitest'
import { b64u, fixture, rawToken } from '../../test/tokens.ts'
import { decodeToken } from '../decode/decodeToken.ts'
import { signatureLengthDiagnostics } from './signatureLength.ts'

const check = (token: string) => signatureLengthDiagnostics(decodeToken(token))
const ES = fixture('rfc7515-a3-es256').token
const sig = (n: number, first = 1) =>
  Buffer.concat([Buffer.from([first]), Buffer.alloc(n - 1, 1)]).toString('base64url')

describe('signatureLengthDiagnostics', () => {
  it('says a truncated ES256 signature is short, on the signature part', () => {
    const [h, p, s = ''] = ES.split('.')
    const token = `${h}.${p}.${s.slice(0, 40)}`
    const [d, ...rest] = check(token)
    expect(rest).toEqual([])
    expect(d).toMatchObject({
      code: 'SIGNATURE_LENGTH',
      severity: 'warning',
      part: 'signature',
      span: { start: token.lastIndexOf('.') + 1, end: token.length },
      ref: { label: 'RFC 7518 §3.4' },
    })
    expect(d?.message).toBe(
      'The ES256 signature is 30 bytes; ES256 signatures are always 64 bytes. The token may be truncated.',
    )
  })

  it('tells a DER-encoded ECDSA signature by its leading 0x30', () => {
    const [h, p] = ES.split('.')
    expect(check(`${h}.${p}.${sig(70, 0x30)}`)[0]?.message).toContain('it looks DER-encoded')
  })

  it('says an RSA signature that fits no common key size may be truncated', () => {
    const [d] = check(rawToken('{"alg":"RS256"}', '{}', sig(200)))
    expect(d?.message).toContain('200 bytes, which matches no common RSA key size')
    expect(d?.ref?.label).toBe('RFC 7518 §3.3')
  })

  it('reads EdDSA as Ed25519, and "constructor" as no algorithm', () => {
    expect(check(rawToken('{"alg":"EdDSA"}', '{}', sig(63)))[0]?.ref?.label).toBe('RFC 8037 §3.1')
    expect(check(rawToken('{"alg":"constructor"}', '{}', sig(5)))).toEqual([])
  })

  it('says nothing of the right length, an empty, undecodable or unsecured signature, or an alg that is no string', () => {
    expect(check(fixture('rfc7515-a1-hs256').token)).toEqual([])
    expect(check(fixture('seed-bound-pod-v1.24').token)).toEqual([])
    expect(check(rawToken('{"alg":"HS256"}', '{}', ''))).toEqual([])
    expect(check(rawToken('{"alg":"HS256"}', '{}', 'a'))).toEqual([])
    expect(check(rawToken('{"alg":"none"}', '{}', b64u('xyz')))).toEqual([])
    expect(check(rawToken('{"alg":1}', '{}', sig(5)))).toEqual([])
  })
})

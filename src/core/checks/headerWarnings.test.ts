import { describe, expect, it } from 'vitest'
import { fixture, rawToken } from '../../test/tokens.ts'
import { analyze } from '../analysis/analyze.ts'
import { tokenChecks } from './tokenChecks.ts'

const b64u = (s: string) => Buffer.from(s, 'utf8').toString('base64url')
/** Codes of the header diagnostics for a header and payload, each with the row it belongs to. */
function headerCodes(header: object, payload: object = { iss: 'https://idp.example.com' }): string[] {
  const a = analyze(rawToken(JSON.stringify(header), JSON.stringify(payload)), { checks: tokenChecks })
  return a.diagnostics
    .filter(
      (d) =>
        d.location === 'header' &&
        d.pointer !== undefined &&
        !a.placement.general.includes(d) &&
        d.code !== 'HEADER_ALG_NOT_STRING',
    )
    .map((d) => `${d.code}@${d.pointer}`)
}
const jwe = (header: object) =>
  analyze(`${b64u(JSON.stringify(header))}.a2V5.aXY.Y2lwaGVy.dGFn`, { checks: tokenChecks })

describe('header and algorithm warnings', () => {
  it('flag alg none in every spelling, naming the case variant', () => {
    expect(headerCodes({ alg: 'none' })).toEqual(['ALG_NONE@/alg'])
    expect(headerCodes({ alg: 'nOnE' })).toEqual(['ALG_NONE@/alg'])
    const a = analyze(rawToken('{"alg":"NONE"}', '{}', ''), { checks: tokenChecks })
    expect(a.diagnostics.find((d) => d.code === 'ALG_NONE')?.message).toMatch(/Spelling it "NONE"/)
  })

  it('flag HS* from an issuer that signs with public keys, and only then', () => {
    expect(headerCodes({ alg: 'HS256' }, { iss: 'https://accounts.google.com' })).toEqual(['ALG_KEY_CONFUSION@/alg'])
    expect(headerCodes({ alg: 'HS512' }, { iss: 'https://login.microsoftonline.com/t/v2.0' })).toEqual([
      'ALG_KEY_CONFUSION@/alg',
    ])
    expect(headerCodes({ alg: 'HS256' }, { iss: 'kubernetes/serviceaccount' })).toEqual(['ALG_KEY_CONFUSION@/alg'])
    expect(headerCodes({ alg: 'HS256' }, { iss: 'x', sub: 'spiffe://example.org/web' })).toEqual([
      'ALG_KEY_CONFUSION@/alg',
    ])
    expect(headerCodes({ alg: 'RS256' }, { iss: 'https://accounts.google.com' })).toEqual([])
    expect(headerCodes({ alg: 'HS256' }, { iss: 'joe' })).toEqual([])
    // Keycloak signs its refresh tokens with HMAC: no warning there.
    expect(headerCodes({ alg: 'HS512' }, { iss: 'https://sso.example.com/realms/demo' })).toEqual([])
  })

  it('flag key sources chosen by the token: jwk, jku, x5u, x5c', () => {
    expect(headerCodes({ alg: 'RS256', jwk: { kty: 'RSA' } })).toEqual(['HEADER_JWK@/jwk'])
    expect(headerCodes({ alg: 'RS256', jku: 'https://evil.example/keys' })).toEqual(['HEADER_JKU@/jku'])
    expect(headerCodes({ alg: 'RS256', x5u: 'http://169.254.169.254/' })).toEqual(['HEADER_X5U@/x5u'])
    expect(headerCodes({ alg: 'RS256', x5c: ['MIIB'] })).toEqual(['HEADER_X5C@/x5c'])
  })

  it('list crit extensions and reject a malformed crit', () => {
    expect(headerCodes({ alg: 'RS256', crit: ['exp'], exp: 1 })).toEqual(['CRIT_EXTENSIONS@/crit'])
    expect(headerCodes({ alg: 'RS256', crit: [] })).toEqual(['CRIT_INVALID@/crit'])
    expect(headerCodes({ alg: 'RS256', crit: ['alg'] })).toEqual(['CRIT_INVALID@/crit'])
    expect(headerCodes({ alg: 'RS256', crit: ['missing'] })).toEqual(['CRIT_INVALID@/crit'])
    // A crit of the wrong type is the decoder's HEADER_PARAM_TYPE, reported once.
    expect(headerCodes({ alg: 'RS256', crit: 'b64' })).toEqual(['HEADER_PARAM_TYPE@/crit'])
    expect(headerCodes({ alg: 'RS256', crit: ['b64', 1] })).toEqual(['HEADER_PARAM_TYPE@/crit'])
  })

  it('name an alg that is not registered, and a registered name in the wrong case', () => {
    expect(headerCodes({ alg: 'hs256' })).toEqual(['ALG_CASE_MISMATCH@/alg'])
    expect(headerCodes({ alg: 'Es256' })).toEqual(['ALG_CASE_MISMATCH@/alg'])
    expect(headerCodes({ alg: 'eddsa' })).toEqual(['ALG_CASE_MISMATCH@/alg'])
    expect(headerCodes({ alg: 'urn:example:sig' })).toEqual(['ALG_UNREGISTERED@/alg'])
    const a = analyze(rawToken('{"alg":"hs256"}', '{}'), { checks: tokenChecks })
    expect(a.diagnostics.find((d) => d.code === 'ALG_CASE_MISMATCH')?.message).toContain(
      'the registered name is "HS256"',
    )
    for (const alg of ['HS256', 'RS512', 'PS384', 'ES256K', 'EdDSA', 'Ed25519', 'ML-DSA-65'])
      expect(headerCodes({ alg }), alg).toEqual([])
  })

  it('check the type of every registered header parameter (RFC 7515 §4.1)', () => {
    for (const [name, bad] of [
      ['kid', 123],
      ['kid', null],
      ['typ', ['JWT']],
      ['cty', 1],
      ['jku', { url: 'https://x' }],
      ['x5u', true],
      ['x5t', 5],
      ['x5t#S256', []],
      ['jwk', 'RSA'],
      ['x5c', 'MIIB'],
    ] as const) {
      const codes = headerCodes({ alg: 'RS256', [name]: bad }).filter((c) => c.startsWith('HEADER_PARAM_TYPE'))
      expect(codes, `${name}: ${JSON.stringify(bad)}`).toEqual([`HEADER_PARAM_TYPE@/${name}`])
    }
    const a = analyze(rawToken('{"alg":"RS256","kid":123}', '{"sub":"x"}'), { checks: tokenChecks })
    expect(a.diagnostics.find((d) => d.code === 'HEADER_PARAM_TYPE')).toMatchObject({
      severity: 'error',
      message:
        'The header\'s "kid" is a number, but RFC 7515 §4.1.4 makes it a JSON string. Verifiers disagree on such a token: some reject it outright, others ignore "kid" or misread it.',
      ref: { label: 'RFC 7515 §4.1.4' },
    })
    const good = { alg: 'RS256', kid: 'k', typ: 'JWT', cty: 'JWT', jku: 'https://x', x5u: 'https://x', x5t: 'a' }
    expect(
      analyze(rawToken(JSON.stringify({ ...good, 'x5t#S256': 'b', crit: ['exp'], exp: 1 }), '{}'), {
        checks: tokenChecks,
      }).diagnostics.map((d) => d.code),
    ).not.toContain('HEADER_PARAM_TYPE')
  })

  it('flag b64 false, and require it to be critical', () => {
    expect(headerCodes({ alg: 'HS256', b64: false, crit: ['b64'] })).toEqual([
      'CRIT_EXTENSIONS@/crit',
      'HEADER_B64_FALSE@/b64',
    ])
    expect(headerCodes({ alg: 'HS256', b64: false })).toEqual(['B64_NOT_CRITICAL@/b64'])
    expect(headerCodes({ alg: 'HS256', b64: true })).toEqual([])
  })

  it('flag zip on a JWE, and zip on a JWS as out of place', () => {
    const a = jwe({ alg: 'RSA-OAEP', enc: 'A256GCM', zip: 'DEF' })
    expect(a.kind).toBe('jwe')
    expect(a.diagnostics.filter((d) => d.pointer === '/zip').map((d) => d.code)).toEqual(['HEADER_ZIP'])
    expect(headerCodes({ alg: 'RS256', zip: 'DEF' })).toEqual(['HEADER_ZIP_JWS@/zip'])
  })

  it('flag PBES2 iteration counts that are huge or invalid', () => {
    const p2c = (n: unknown) =>
      jwe({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2s: 'c2FsdA', p2c: n })
        .diagnostics.filter((d) => d.pointer === '/p2c')
        .map((d) => d.code)
    expect(p2c(4096)).toEqual([])
    expect(p2c(10_000)).toEqual([])
    expect(p2c(2_147_483_647)).toEqual(['PBES2_P2C_LARGE'])
    expect(p2c(-1)).toEqual(['PBES2_P2C_INVALID'])
    expect(p2c('1000')).toEqual(['PBES2_P2C_INVALID'])
  })

  it('flag RSA1_5 key encryption', () => {
    expect(
      jwe({ alg: 'RSA1_5', enc: 'A128CBC-HS256' })
        .diagnostics.filter((d) => d.pointer === '/alg')
        .map((d) => d.code),
    ).toEqual(['ALG_RSA1_5'])
  })

  it('name the kind of token its typ declares, case-insensitively and with an application/ prefix', () => {
    for (const typ of [
      'at+jwt',
      'application/AT+JWT',
      'dpop+jwt',
      'logout+jwt',
      'secevent+jwt',
      'kb+jwt',
      'dc+sd-jwt',
      'passport',
    ]) {
      expect(headerCodes({ alg: 'ES256', typ })).toEqual(['TYP_KIND@/typ'])
    }
    const a = analyze(rawToken('{"alg":"ES256","typ":"dpop+jwt"}', '{}'), { checks: tokenChecks })
    expect(a.diagnostics.find((d) => d.code === 'TYP_KIND')?.message).toMatch(/DPoP proof/)
    expect(headerCodes({ alg: 'ES256', typ: 'JWT' })).toEqual([])
  })

  it('stay quiet on the public example tokens that deserve no warning', () => {
    for (const name of [
      'rfc7515-a1-hs256',
      'rfc7515-a2-rs256',
      'rfc7515-a3-es256',
      'oidc-core-a2-id-token',
      'seed-bound-pod-v1.24',
      'rfc7516-a1-jwe',
    ]) {
      const a = analyze(fixture(name).token, { checks: tokenChecks })
      expect(
        a.diagnostics.filter((d) => d.location === 'header'),
        name,
      ).toEqual([])
    }
  })
})

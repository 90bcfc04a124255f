import { describe, expect, it } from 'vitest'
import { fixture, rawToken } from '../../test/tokens.ts'
import { analyze } from '../analysis/analyze.ts'
import { claimValueDiagnostics } from './claimValues.ts'
import { tokenChecks } from './tokenChecks.ts'

const codes = (claims: Record<string, unknown>, alg: unknown = 'RS256') =>
  claimValueDiagnostics(claims as never, alg).map((d) => `${d.code}@${d.pointer}`)

describe('claim value checks', () => {
  it('accept aud as a string or an array of strings, and nothing else', () => {
    expect(codes({ aud: 'a' })).toEqual([])
    expect(codes({ aud: ['a', 'b'] })).toEqual([])
    expect(codes({ aud: 42 })).toEqual(['AUD_INVALID_TYPE@/aud'])
    expect(codes({ aud: ['a', 1] })).toEqual(['AUD_INVALID_TYPE@/aud'])
  })

  it('compare iss and sub exactly: flag non-strings, stray white space and capitals in an issuer host', () => {
    expect(codes({ iss: 'https://accounts.google.com', sub: '1234' })).toEqual([])
    expect(codes({ iss: 7 })).toEqual(['CLAIM_NOT_STRING@/iss'])
    expect(codes({ sub: 'alice ' })).toEqual(['CLAIM_WHITESPACE@/sub'])
    expect(codes({ iss: 'https://Login.Example.com/tenant' })).toEqual(['CASE_SENSITIVE_MATCH@/iss'])
    // Capitals in the path are ordinary: only the scheme and host are usually case-insensitive.
    expect(codes({ iss: 'https://login.example.com/Tenant', sub: 'system:serviceaccount:Default:x' })).toEqual([])
  })

  it('expect scope to be one space-separated string', () => {
    expect(codes({ scope: 'openid profile email' })).toEqual([])
    expect(codes({ scope: ['openid', 'profile'] })).toEqual(['SCOPE_NOT_STRING@/scope'])
    expect(codes({ scope: 'openid,profile' })).toEqual(['SCOPE_SEPARATOR@/scope'])
    expect(codes({ scope: 'openid  profile' })).toEqual(['SCOPE_SEPARATOR@/scope'])
  })

  it('require cnf, act and may_act to be objects, and mark nested actors as history', () => {
    expect(codes({ cnf: { jkt: 'abc' }, act: { sub: 'svc' }, may_act: { sub: 'x' } })).toEqual([])
    expect(codes({ cnf: 'abc', act: ['x'], may_act: null })).toEqual([
      'CLAIM_NOT_OBJECT@/cnf',
      'CLAIM_NOT_OBJECT@/act',
      'CLAIM_NOT_OBJECT@/may_act',
    ])
    expect(codes({ act: { sub: 'a', act: { sub: 'b', act: { sub: 'c' } } } })).toEqual([
      'ACT_PRIOR_ACTOR@/act/act',
      'ACT_PRIOR_ACTOR@/act/act/act',
    ])
  })

  it('check the length of at_hash, c_hash and s_hash against the hash alg names', () => {
    const h22 = 'x'.repeat(22)
    expect(codes({ at_hash: h22, c_hash: h22, s_hash: h22 }, 'RS256')).toEqual([])
    expect(codes({ at_hash: 'x'.repeat(32) }, 'ES384')).toEqual([])
    expect(codes({ at_hash: 'x'.repeat(43) }, 'PS512')).toEqual([])
    expect(codes({ at_hash: h22 }, 'RS512')).toEqual(['OIDC_HASH_LENGTH@/at_hash'])
    expect(codes({ c_hash: 'x'.repeat(43) }, 'HS256')).toEqual(['OIDC_HASH_LENGTH@/c_hash'])
    expect(codes({ at_hash: 12 })).toEqual(['OIDC_HASH_NOT_STRING@/at_hash'])
    // An algorithm without a fixed hash gives no length to check.
    expect(codes({ at_hash: 'short' }, 'EdDSA')).toEqual([])
  })

  it('warn when email_verified or phone_number_verified is not a boolean', () => {
    expect(codes({ email_verified: true, phone_number_verified: false })).toEqual([])
    expect(codes({ email_verified: 'true' })).toEqual(['VERIFIED_NOT_BOOLEAN@/email_verified'])
    expect(codes({ phone_number_verified: 1 })).toEqual(['VERIFIED_NOT_BOOLEAN@/phone_number_verified'])
    expect(claimValueDiagnostics({ email_verified: 'false' }, 'RS256')[0]?.message).toMatch(/the string "false"/)
  })

  it('stay quiet on the OIDC Core example ID token', () => {
    const a = analyze(fixture('oidc-core-a2-id-token').token, { checks: tokenChecks })
    expect(a.diagnostics.filter((d) => d.location === 'payload')).toEqual([])
  })

  it('are attached to their claim rows when analyze runs them', () => {
    const a = analyze(rawToken('{"alg":"RS256"}', '{"aud":5,"email_verified":"true"}'), { checks: tokenChecks })
    const mine = a.diagnostics.filter((d) => ['AUD_INVALID_TYPE', 'VERIFIED_NOT_BOOLEAN'].includes(d.code))
    expect(mine.map((d) => d.code)).toEqual(['AUD_INVALID_TYPE', 'VERIFIED_NOT_BOOLEAN'])
    expect(mine.every((d) => !a.placement.general.includes(d))).toBe(true)
    // Without the lazily loaded checks, analyze stays as it was.
    expect(analyze(rawToken('{"alg":"RS256"}', '{"aud":5}')).diagnostics.map((d) => d.code)).not.toContain(
      'AUD_INVALID_TYPE',
    )
  })
})

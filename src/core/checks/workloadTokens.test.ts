import { generateKeyPair, SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import {
  DPOP_ACCESS_TOKEN,
  DPOP_ATH,
  DPOP_JKT,
  DPOP_PROOF_FIG13,
  DPOP_PROOF_FIG3,
  WIT_SVID_APPENDIX_A,
} from '../../test/upstreamFixtures.ts'
import { analyze } from '../analysis/analyze.ts'
import { decodeToken } from '../decode/decodeToken.ts'
import type { JsonObject } from '../encoding/json.ts'
import { immutableSubject } from './github.ts'
import { accessTokenHash, jwkThumbprint } from '../encoding/jwkThumbprint.ts'
import { isSpiffeId } from './spiffe.ts'
import { shapeChecks } from './shapes.ts'
import { tokenChecks } from './tokenChecks.ts'

const findings = (token: string) =>
  analyze(token, { checks: tokenChecks, shapeChecks }).diagnostics.map(
    (d) => `${d.code}@${d.location ?? ''}${d.pointer ?? ''}`,
  )
const messages = (token: string, code: string) =>
  analyze(token, { checks: tokenChecks, shapeChecks })
    .diagnostics.filter((d) => d.code === code)
    .map((d) => d.message)

async function signed(header: Record<string, unknown>, payload: JsonObject, alg = 'ES256') {
  const { privateKey } = await generateKeyPair(alg, { extractable: true })
  return new SignJWT(payload).setProtectedHeader({ alg, ...header }).sign(privateKey)
}

describe('DPoP proofs (RFC 9449)', () => {
  it('thumbprints and hashes as the RFC’s examples do', () => {
    const header = decodeToken(DPOP_PROOF_FIG3).header?.value
    expect(jwkThumbprint(header?.jwk)).toBe(DPOP_JKT)
    expect(accessTokenHash(DPOP_ACCESS_TOKEN)).toBe(DPOP_ATH)
  })

  it('the RFC’s proofs are valid kinds of JWT: explained, with the key thumbprint, and no error', () => {
    for (const proof of [DPOP_PROOF_FIG3, DPOP_PROOF_FIG13]) {
      const codes = findings(proof)
      expect(codes).toContain('DPOP_PROOF@')
      expect(codes.filter((c) => c.startsWith('DPOP_PROOF_INVALID'))).toEqual([])
      expect(messages(proof, 'DPOP_PROOF')[0]).toContain(`cnf.jkt = ${DPOP_JKT}`)
    }
    expect(messages(DPOP_PROOF_FIG3, 'DPOP_PROOF')[0]).toMatch(/here POST.*here https:\/\/server\.example\.com\/token/)
    expect(messages(DPOP_PROOF_FIG3, 'DPOP_PROOF')[0]).toContain('made for a token request')
    expect(messages(DPOP_PROOF_FIG13, 'DPOP_PROOF')[0]).toContain('bound to one access token')
  })

  it('a proof with a symmetric alg, a private jwk or missing claims is invalid, each on its row', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true })
    const { exportJWK } = await import('jose')
    const priv = await exportJWK(privateKey)
    const pub = await exportJWK(publicKey)
    const leaky = await new SignJWT({ jti: 'j', htm: 'GET', htu: 'https://rs.example/', iat: 1 })
      .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: priv })
      .sign(privateKey)
    expect(findings(leaky)).toContain('DPOP_PROOF_INVALID@header/jwk')
    expect(messages(leaky, 'DPOP_PROOF_INVALID')[0]).toContain('private key material (d)')
    const bare = await new SignJWT({ htm: 'GET' })
      .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: pub })
      .sign(privateKey)
    expect(messages(bare, 'DPOP_PROOF_INVALID')).toEqual([
      'Not a valid DPoP proof: it lacks jti, htu, iat, which every proof must have.',
    ])
    const hmac = await new SignJWT({ jti: 'j', htm: 'GET', htu: 'https://rs.example/', iat: 1 })
      .setProtectedHeader({ alg: 'HS256', typ: 'application/DPoP+JWT', jwk: pub })
      .sign(new Uint8Array(32))
    expect(findings(hmac)).toContain('DPOP_PROOF_INVALID@header/alg')
  })
})

describe('SPIFFE SVIDs', () => {
  it('the WIT-SVID of the standard’s Appendix A is explained and breaks no rule', () => {
    const codes = findings(WIT_SVID_APPENDIX_A)
    expect(codes).toContain('WIT_SVID@header/typ')
    expect(codes.filter((c) => c.startsWith('SPIFFE_SVID_RULE'))).toEqual([])
    expect(messages(WIT_SVID_APPENDIX_A, 'WIT_SVID')[0]).toContain('spiffe://example.com/my-workload')
  })

  it('a WIT-SVID with an audience and without cnf breaks WIT-SVID §3.2 and §3.8', async () => {
    const token = await signed({ typ: 'wit+jwt', kid: 'k1' }, { sub: 'spiffe://example.org/w', aud: 'x', exp: 2e9 })
    expect(findings(token).filter((c) => c.startsWith('SPIFFE_SVID_RULE'))).toEqual([
      'SPIFFE_SVID_RULE@payload/cnf',
      'SPIFFE_SVID_RULE@payload/aud',
    ])
  })

  it('a JWT-SVID needs aud and exp, RS/ES/PS and a typ of JWT or JOSE, and no other header', async () => {
    const good = await signed({ kid: 'k', typ: 'JWT' }, { sub: 'spiffe://example.org/web', aud: ['db'], exp: 2e9 })
    expect(findings(good).filter((c) => c.startsWith('SPIFFE'))).toEqual([])
    const bad = await signed({ typ: 'at+jwt', x5t: 'abc' }, { sub: 'spiffe://example.org/web' })
    expect(findings(bad).filter((c) => c.startsWith('SPIFFE'))).toEqual([
      'SPIFFE_SVID_RULE@header/x5t',
      'SPIFFE_SVID_RULE@header/typ',
      'SPIFFE_SVID_RULE@payload/aud',
      'SPIFFE_SVID_RULE@payload/exp',
    ])
  })

  it.each([
    ['spiffe://example.org/ns/default/sa/web', true],
    ['spiffe://example.org', true],
    ['spiffe://Example.org/web', false],
    ['spiffe://example.org:8443/web', false],
    ['spiffe://example.org/web?x=1', false],
    ['spiffe://example.org/../web', false],
    ['https://example.org/web', false],
  ])('%s is a SPIFFE ID: %s', (id, ok) => {
    expect(isSpiffeId(id)).toBe(ok)
  })
})

describe('GitHub Actions’ immutable subject (github/docs oidc.md at 051718f2)', () => {
  const gh = (sub: string, extra: JsonObject = {}) =>
    signed(
      {},
      {
        iss: 'https://token.actions.githubusercontent.com',
        sub,
        aud: 'sts.amazonaws.com',
        repository_owner_id: '123456',
        repository_id: '456789',
        ...extra,
      },
      'RS256',
    )

  it('reads the documented example', () => {
    expect(immutableSubject('repo:octo-org@123456/octo-repo@456789:ref:refs/heads/main')).toEqual({
      owner: 'octo-org',
      ownerId: '123456',
      repo: 'octo-repo',
      repoId: '456789',
    })
    expect(immutableSubject('repo:octo-org/octo-repo:ref:refs/heads/main')).toBeUndefined()
  })

  it('explains it on the sub row and checks its ids against the token’s own claims', async () => {
    const sub = 'repo:octo-org@123456/octo-repo@456789:environment:prod'
    expect(findings(await gh(sub))).toEqual(expect.arrayContaining(['GITHUB_SUB_IMMUTABLE@payload/sub']))
    expect(findings(await gh(sub, { repository_id: '1' }))).toContain('GITHUB_SUB_ID_MISMATCH@payload/repository_id')
    // Another issuer's sub of the same shape means nothing.
    const other = await signed({}, { iss: 'https://idp.example.com', sub })
    expect(findings(other).filter((c) => c.startsWith('GITHUB'))).toEqual([])
  })
})

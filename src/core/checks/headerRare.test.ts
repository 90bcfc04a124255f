import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allFixtures, b64u, rawToken } from '../../test/tokens.ts'
import { analyze } from '../analysis/analyze.ts'
import type { JsonObject } from '../encoding/json.ts'
import { createKnowledge } from '../knowledge/knowledge.ts'
import { rareHeaderDiagnostics } from './headerRare.ts'
import { rareClaimValueDiagnostics } from './claimRare.ts'
import { deceptiveTokenDiagnostics } from './deceptiveText.ts'
import { hasRareClaim, hasRareHeader, mayHaveDeceptiveText } from './shapeNeeds.ts'
import { expectPageFindsEverything } from '../../test/pageChecks.ts'
import { commonTokenChecks } from './tokenChecks.ts'

const knowledge = createKnowledge()
const decode = (token: string) => {
  const a = analyze(token)
  return { decoded: a.decoded, providers: a.issuerProviders }
}
const codes = (ds: { code: string }[]) => ds.map((d) => d.code)
const RARE_HEADERS = [
  { alg: 'RS256', jku: 'https://attacker.example/keys' },
  { alg: 'RS256', x5c: ['MII'], x5u: 'https://x.example' },
  { alg: 'RS256', jwk: { kty: 'RSA' }, crit: ['exp'], exp: 1 },
  { alg: 'RS256', b64: false, crit: ['b64'] },
  { alg: 'RS256', zip: 'DEF' },
  { alg: 'RSA1_5', enc: 'A128GCM', p2c: 1_000_000 },
  { alg: 'RS256', typ: 'at+jwt' },
]

describe('the warnings of rarer header parameters', () => {
  it('are not needed for the public fixtures, the seed bound token among them', () => {
    for (const f of allFixtures) {
      const { decoded } = decode(f.token)
      expect(hasRareHeader(decoded.header?.value), f.name).toBe(false)
      expect(rareHeaderDiagnostics(decoded), f.name).toEqual([])
    }
  })

  it('ask for the shape checks, which bring them, and the page then has every warning tokenChecks gives', () => {
    for (const header of RARE_HEADERS) {
      const { decoded, providers } = decode(rawToken(JSON.stringify(header), '{"iss":"https://idp.example"}', 'c2ln'))
      expect(knowledge.needsShapeChecks(decoded, providers), JSON.stringify(header)).toBe(true)
      expectPageFindsEverything(decoded, providers)
      expect(rareHeaderDiagnostics(decoded).length).toBeGreaterThan(0)
    }
  })

  it('are empty for any header that does not ask for them', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (header) => {
        const { decoded } = decode(`${b64u(JSON.stringify(header))}.${b64u('{}')}.c2ln`)
        if (!hasRareHeader(decoded.header?.value)) expect(rareHeaderDiagnostics(decoded)).toEqual([])
      }),
      { numRuns: 300 },
    )
  })
})

describe('the value checks of rarer claims', () => {
  const RARE_CLAIMS = [
    { scope: 'a,b' },
    { cnf: 'x' },
    { act: { sub: 'a', act: { sub: 'b' } } },
    { may_act: [] },
    { at_hash: 'short' },
    { email_verified: 'false' },
    { phone_number_verified: 1 },
  ]

  it('are not needed for the public fixtures, the seed bound token among them', () => {
    for (const f of allFixtures) {
      const { decoded } = decode(f.token)
      if (decoded.payload.kind !== 'claims') continue
      expect(hasRareClaim(decoded.payload.json.value), f.name).toBe(false)
    }
  })

  it('ask for the shape checks, which bring them, and the page then has every finding tokenChecks gives', () => {
    for (const claims of RARE_CLAIMS) {
      const { decoded, providers } = decode(
        rawToken('{"alg":"RS256"}', JSON.stringify({ sub: 'x', ...claims }), 'c2ln'),
      )
      expect(knowledge.needsShapeChecks(decoded, providers), JSON.stringify(claims)).toBe(true)
      const page = expectPageFindsEverything(decoded, providers)
      expect(page.length).toBeGreaterThan(codes(commonTokenChecks(decoded, providers)).length)
    }
  })

  it('are empty for claims that do not ask for them', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const claims = JSON.parse(JSON.stringify(value)) as JsonObject
        if (!hasRareClaim(claims)) expect(rareClaimValueDiagnostics(claims, 'RS256')).toEqual([])
      }),
      { numRuns: 300 },
    )
  })
})

describe('the misleading-text warnings', () => {
  it('are asked for by a bidi control written as it is or escaped, not by plain ASCII', () => {
    const asked = (payload: string) =>
      mayHaveDeceptiveText(decode(rawToken('{"alg":"RS256"}', payload, 'c2ln')).decoded)
    expect(asked('{"sub":"admin\\u202e"}')).toBe(true)
    expect(asked(`{"sub":"admin${String.fromCodePoint(0x202e)}"}`)).toBe(true)
    expect(asked('{"sub":"a\\"b\\/c"}')).toBe(false)
    expect(asked('{"sub":"a\\tb"}')).toBe(true)
    for (const f of allFixtures) expect(deceptiveTokenDiagnostics(decode(f.token).decoded), f.name).toEqual([])
  })

  it('are empty for any token that does not ask for them', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })), (claims) => {
        const { decoded } = decode(rawToken('{"alg":"RS256"}', JSON.stringify(claims), 'c2ln'))
        if (!mayHaveDeceptiveText(decoded)) expect(deceptiveTokenDiagnostics(decoded)).toEqual([])
      }),
      { numRuns: 500 },
    )
  })
})

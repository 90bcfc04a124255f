import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allFixtures, b64u, fixture, rawToken } from '../../test/tokens.ts'
import { analyze } from '../analysis/analyze.ts'
import { decodeToken } from '../decode/decodeToken.ts'
import { createKnowledge } from '../knowledge/knowledge.ts'
import { decodingNotes } from './decodingNotes.ts'
import { hasDecodingNotes } from './shapeNeeds.ts'
import { pageShapeChecks, shapeChecks } from './shapes.ts'
import { expectPageFindsEverything } from '../../test/pageChecks.ts'
import { tokenChecks } from './tokenChecks.ts'

// Decoding's notes load with the shape checks, for a token that hasDecodingNotes() says has
// some: these tests hold that test to what the notes find.

const knowledge = createKnowledge()
const codes = (ds: { code: string }[]) => ds.map((d) => d.code)
const RS = fixture('rfc7515-a2-rs256').token
const [rsHeader = '', , rsSig = ''] = RS.split('.')
const ES = fixture('rfc7515-a3-es256').token

/** One token for each note, by the code it gives. */
const NOTED: [string, string][] = [
  ['JWE_ENCRYPTED', fixture('rfc7516-a1-jwe').token],
  ['UNSECURED_JWT', fixture('rfc7519-6.1-unsecured').token],
  ['SD_JWT', `${ES}~${b64u('["2GLC42sKQveCfGfryNRN9w","given_name","John"]')}~`],
  ['UNENCODED_PAYLOAD', `${b64u('{"alg":"HS256","b64":false,"crit":["b64"]}')}.$.02.c2ln`],
  ['DETACHED_PAYLOAD', `${rsHeader}..${rsSig}`],
  ['NESTED_JWT', rawToken('{"alg":"HS256","cty":"JWT"}', ES)],
  ['NESTED_JWT_WITHOUT_CTY', rawToken('{"alg":"HS256"}', ES)],
  ['PAYLOAD_OTHER_CONTENT', rawToken('{"alg":"HS256","cty":"text/plain"}', 'hello')],
  ['PAYLOAD_NOT_JSON', rawToken('{"alg":"HS256"}', 'hello')],
  ['JSON_DUPLICATE_MEMBER', rawToken('{"alg":"HS256","alg":"HS256"}', '{"a":1,"a":2}')],
  ['JSON_NUMBER_PRECISION', rawToken('{"alg":"HS256"}', '{"n":12345678901234567890}')],
  ['JSON_NUMBER_OUT_OF_RANGE', rawToken('{"alg":"HS256"}', '{"n":1e400}')],
]

describe("decoding's notes", () => {
  it('are not needed for the public fixtures but the JWE and the unsecured one: the seed bound token has none', () => {
    for (const f of allFixtures) {
      const decoded = decodeToken(f.token)
      const noted = f.kind === 'jwe' || f.name.includes('unsecured')
      expect(hasDecodingNotes(decoded), f.name).toBe(noted)
      expect(decodingNotes(decoded).length > 0, f.name).toBe(noted)
    }
  })

  it.each(NOTED)(
    '%s asks for the shape checks, and the page then has every finding tokenChecks gives',
    (code, token) => {
      const { decoded, issuerProviders: providers } = analyze(token)
      expect(hasDecodingNotes(decoded)).toBe(true)
      expect(knowledge.needsShapeChecks(decoded, providers)).toBe(true)
      expect(codes(decodingNotes(decoded))).toContain(code)
      expectPageFindsEverything(decoded, providers)
    },
  )

  it('come first among the findings, in the order tokenChecks gives them', () => {
    // No rarer header parameter or claim: the page's checks are then tokenChecks' in their order.
    const token = rawToken('{"alg":"none"}', '{"a":1,"a":2,"exp":"soon","iss":" x"}', '')
    const full = codes(analyze(token, { checks: tokenChecks, shapeChecks }).diagnostics)
    const page = codes(
      analyze(token, { checks: knowledge.checks, shapeChecks: pageShapeChecks, decodingNotes }).diagnostics,
    )
    expect(full.slice(0, 2)).toEqual(['UNSECURED_JWT', 'JSON_DUPLICATE_MEMBER'])
    expect(full.length).toBeGreaterThan(3)
    expect(page).toEqual(full)
  })

  it('are empty for any token that does not ask for them', () => {
    const part = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.dictionary(fc.string(), fc.jsonValue()).map((d) => JSON.stringify(d)),
      // Members twice, and numbers a double cannot hold.
      fc.constantFrom('{"a":1,"a":2}', '{"n":9007199254740993}', '{"n":1e-400}', '{"alg":"none"}'),
    )
    fc.assert(
      fc.property(part, part, fc.constantFrom('', 'c2ln', 'c2ln~', 'c2ln.x.y'), (header, payload, tail) => {
        const decoded = decodeToken(`${b64u(header)}.${b64u(payload)}.${tail}`)
        if (!hasDecodingNotes(decoded)) expect(decodingNotes(decoded)).toEqual([])
      }),
      { numRuns: 500 },
    )
  })
})

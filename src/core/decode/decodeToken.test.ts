import { describe, expect, it } from 'vitest'
import { allFixtures, b64u, fixture, rawToken } from '../../test/tokens.ts'
import { decodeToken, decodeTokenSteps } from './decodeToken.ts'
import { JSON_STEP_CHARS } from '../encoding/json.ts'
import { DISCLOSURE_STEP_CHARS } from './sdJwt.ts'
import { structuralKind } from '../analysis/kind.ts'
import { decodingNotes } from '../checks/decodingNotes.ts'
import { signatureLengthDiagnostics } from '../checks/signatureLength.ts'

/**
 * What the page reports about decoding: decodeToken's own diagnostics, and the notes and the
 * signature length check that it leaves to the checks loaded after the first view.
 */
const reported = (token: string) => {
  const d = decodeToken(token)
  return [...d.diagnostics, ...decodingNotes(d), ...signatureLengthDiagnostics(d)]
}
const codes = (token: string) => reported(token).map((d) => d.code)
const find = (token: string, code: string) => reported(token).find((d) => d.code === code)
const RS = fixture('rfc7515-a2-rs256').token
const ES = fixture('rfc7515-a3-es256').token

describe('decodeToken on the public fixtures', () => {
  it.each(allFixtures.map((f) => [f.name, f]))('%s decodes with no error', (_name, f) => {
    const d = decodeToken(f.token)
    expect(d.diagnostics.filter((x) => x.severity === 'error')).toEqual([])
    expect(d.wellFormed).toBe(true)
    expect(d.form).toBe(f.kind === 'jwe' ? 'jwe' : f.name.includes('unsecured') ? 'unsecured' : 'jws')
  })

  it('reads the seed bound token claims and signature size', () => {
    const d = decodeToken(fixture('seed-bound-pod-v1.24').token)
    expect(d.header?.value).toEqual({ alg: 'RS256', kid: 'wMU4GOsuqPnFjPar7NaZZTEmNlc2I_W75faEDbLB7dI' })
    expect(d.payload.kind).toBe('claims')
    if (d.payload.kind !== 'claims') return
    expect(d.payload.json.value.exp).toBe(1692445741)
    expect(d.payload.json.value['kubernetes.io']).toMatchObject({ namespace: 'default', warnafter: 1660913348 })
    expect(d.signature?.length).toBe(256)
  })

  it('keeps the CRLF text of the RFC 7515 example header', () => {
    const d = decodeToken(fixture('rfc7515-a1-hs256').token)
    expect(d.header?.text).toBe('{"typ":"JWT",\r\n "alg":"HS256"}')
    expect(d.signature?.length).toBe(32)
  })

  it('shows only the header of a JWE and says the payload is encrypted', () => {
    const d = decodeToken(fixture('rfc7516-a1-jwe').token)
    expect(d.form).toBe('jwe')
    expect(d.header?.value).toEqual({ alg: 'RSA-OAEP', enc: 'A256GCM' })
    expect(d.payload).toEqual({ kind: 'encrypted' })
    expect(codes(fixture('rfc7516-a1-jwe').token)).toContain('JWE_ENCRYPTED')
    expect(d.segments.map((s) => s.part)).toEqual(['header', 'encrypted-key', 'iv', 'ciphertext', 'tag'])
  })

  it('flags an unsecured JWT and accepts its empty signature', () => {
    const t = fixture('rfc7519-6.1-unsecured').token
    expect(decodeToken(t).form).toBe('unsecured')
    expect(find(t, 'UNSECURED_JWT')?.severity).toBe('warning')
    expect(codes(t)).not.toContain('SIGNATURE_EMPTY')
  })

  it('flags alg none in another case too', () => {
    const t = `${b64u('{"alg":"NoNe"}')}.${b64u('{}')}.`
    expect(find(t, 'UNSECURED_JWT')?.message).toContain('"NoNe"')
  })
})

describe('five parts without enc (RFC 7516 §4.1.2)', () => {
  it('is not a JWE: form unknown, one diagnostic saying what it looks like', () => {
    const t = [b64u('{"alg":"RS256","kid":"k"}'), 'a', 'b', 'c', 'd'].join('.')
    const d = decodeToken(t)
    expect(d.form).toBe('unknown')
    expect(d.wellFormed).toBe(false)
    expect(structuralKind(d)).toBe('invalid')
    expect(d.diagnostics.map((x) => [x.code, x.severity, x.ref?.label])).toEqual([
      ['JWE_HEADER_NO_ENC', 'error', 'RFC 7516 §4.1.2'],
    ])
    expect(d.diagnostics[0]?.message).toBe(
      'Five parts like a JWE, but the header has no "enc", which every JWE carries: neither a JWE nor a JWS.',
    )
  })
  it('a five-part token with enc is still a JWE', () => {
    const t = [b64u('{"alg":"dir","enc":"A128GCM"}'), '', 'aXY', 'Y3Q', 'dGFn'].join('.')
    expect(decodeToken(t).form).toBe('jwe')
  })
})

describe('decodeToken diagnostics', () => {
  it('TOKEN_EMPTY for empty or blank input', () => {
    expect(codes('')).toEqual(['TOKEN_EMPTY'])
    expect(codes('  \n ')).toEqual(['TOKEN_EMPTY'])
  })

  it('SEGMENT_COUNT for two parts says the signature is missing, and still decodes', () => {
    const [h, p] = RS.split('.')
    const t = `${h}.${p}`
    const d = decodeToken(t)
    const diag = find(t, 'SEGMENT_COUNT')
    expect(diag).toMatchObject({ severity: 'error', part: 'signature', span: { start: t.length, end: t.length } })
    expect(diag?.message).toContain('signature part is missing')
    expect(d.payload.kind).toBe('claims')
    expect(d.wellFormed).toBe(false)
  })

  it('SEGMENT_COUNT for one and four parts', () => {
    expect(find('hello', 'SEGMENT_COUNT')?.message).toContain('no dots')
    expect(find(`${RS}.x`, 'SEGMENT_COUNT')?.message).toContain('4 dot-separated parts')
  })

  it('B64_INVALID_CHAR names the character and its position, with a one-character span', () => {
    const t = ES.slice(0, 10) + '!' + ES.slice(11)
    const diag = find(t, 'B64_INVALID_CHAR')
    expect(diag).toMatchObject({ severity: 'error', part: 'header', span: { start: 10, end: 11 } })
    expect(diag?.message).toContain("'!' (U+0021) at position 11")
  })

  it('B64_INVALID_CHAR in the payload points at the payload', () => {
    const dot = ES.indexOf('.')
    const t = ES.slice(0, dot + 5) + ' ' + ES.slice(dot + 6)
    expect(find(t, 'B64_INVALID_CHAR')).toMatchObject({ part: 'payload', span: { start: dot + 5, end: dot + 6 } })
  })

  it('B64_PADDING: decodes and warns', () => {
    const t = `${b64u('{"alg":"none"}')}.${b64u('{"a":1}')}=.`
    const diag = find(t, 'B64_PADDING')
    expect(diag?.severity).toBe('warning')
    expect(diag?.span).toEqual({ start: t.length - 2, end: t.length - 1 })
    expect(decodeToken(t).payload.kind).toBe('claims')
  })

  it('B64_STANDARD_ALPHABET: decodes "+" and "/" and warns', () => {
    const payload = Buffer.from('{"s":"???>>>"}').toString('base64').replace(/=+$/, '')
    expect(payload).toMatch(/[+/]/)
    const t = `${b64u('{"alg":"none"}')}.${payload}.`
    expect(find(t, 'B64_STANDARD_ALPHABET')?.severity).toBe('warning')
    const d = decodeToken(t)
    expect(d.payload.kind === 'claims' && d.payload.json.value.s).toBe('???>>>')
  })

  it('B64_BAD_LENGTH for a 4n+1 segment', () => {
    const t = `${b64u('{"alg":"none"}')}.${b64u('{"a":1}')}AAA.`
    const diag = find(t, 'B64_BAD_LENGTH')
    expect(diag).toMatchObject({ severity: 'error', part: 'payload' })
    expect(diag?.message).toContain('4n+1')
  })

  it('UTF8_INVALID points at the bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff]), Buffer.from('"}')])
    const t = `${b64u('{"alg":"none"}')}.${bytes.toString('base64url')}.`
    const diag = find(t, 'UTF8_INVALID')
    expect(diag?.message).toContain('byte 7 (0xff)')
    const payloadStart = t.indexOf('.') + 1
    expect(diag?.span?.start).toBe(payloadStart + 8)
  })

  it('UTF8_BOM warns and skips the mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')])
    const t = `${b64u('{"alg":"none"}')}.${bytes.toString('base64url')}.`
    expect(find(t, 'UTF8_BOM')?.severity).toBe('warning')
    const d = decodeToken(t)
    expect(d.payload.kind === 'claims' && d.payload.json.value).toEqual({ a: 1 })
  })

  it('JSON_SYNTAX gives the position in the decoded text and maps it to the token', () => {
    const t = rawToken('{"alg":"none"}', '{"a":1,}')
    const diag = find(t, 'JSON_SYNTAX')
    expect(diag?.message).toContain('at character 8')
    expect(diag?.part).toBe('payload')
    const payloadStart = t.indexOf('.') + 1
    // Character 8 of the decoded text is byte 7, encoded by base64 characters 9 and 10.
    expect(diag?.span).toEqual({ start: payloadStart + 9, end: payloadStart + 11 })
  })

  it('JSON_SYNTAX at the end of the decoded text marks the last character of the part, not one past the token', () => {
    // '{"a":1' is 6 bytes, 8 base64url characters: an error at end of input is at byte 6, which
    // maps to character 8, the first one after the segment. Without a signature the payload ends
    // the token, so that span pointed past its end (found by decodeToken.property.test.ts).
    const t = `${b64u('{"alg":"none"}')}.${b64u('{"a":1')}`
    const diag = find(t, 'JSON_SYNTAX')
    expect(diag?.message).toContain('end of input')
    expect(diag?.span).toEqual({ start: t.length - 1, end: t.length })
    const withDot = `${t}.`
    expect(find(withDot, 'JSON_SYNTAX')?.span).toEqual({ start: t.length - 1, end: t.length })
  })

  it('HEADER_NOT_OBJECT and PAYLOAD_NOT_OBJECT', () => {
    expect(find(rawToken('["alg"]', '{}'), 'HEADER_NOT_OBJECT')?.message).toContain('an array')
    expect(find(rawToken('{"alg":"none"}', '[1,2]'), 'PAYLOAD_NOT_OBJECT')?.message).toContain('an array')
    expect(find(rawToken('{"alg":"none"}', '"text"'), 'PAYLOAD_NOT_OBJECT')?.message).toContain('a string')
  })

  it('JSON_DUPLICATE_MEMBER warns and the last value wins', () => {
    const t = rawToken('{"alg":"none"}', '{"sub":"alice","sub":"bob"}', '')
    const diag = find(t, 'JSON_DUPLICATE_MEMBER')
    expect(diag).toMatchObject({ severity: 'warning', pointer: '/sub', location: 'payload' })
    expect(diag?.message).toContain('last value wins')
    const d = decodeToken(t)
    expect(d.payload.kind === 'claims' && d.payload.json.value.sub).toBe('bob')
  })

  it('JSON_NUMBER_PRECISION keeps the raw text of integers beyond 2^53', () => {
    const t = rawToken('{"alg":"none"}', '{"id":12345678901234567890}', '')
    const diag = find(t, 'JSON_NUMBER_PRECISION')
    expect(diag).toMatchObject({ severity: 'warning', pointer: '/id' })
    expect(diag?.message).toContain('12345678901234567890')
    const d = decodeToken(t)
    expect(d.payload.kind === 'claims' && d.payload.json.impreciseNumbers[0]?.raw).toBe('12345678901234567890')
  })

  it('JSON_NUMBER_OUT_OF_RANGE says an overflow is beyond a double and an underflow reads as 0', () => {
    const t = rawToken('{"alg":"none"}', '{"big":1e400,"tiny":1e-400,"neg":-2.5e-999}', '')
    const out = reported(t).filter((d) => d.code === 'JSON_NUMBER_OUT_OF_RANGE')
    const at = (pointer: string) => out.find((d) => d.pointer === pointer)?.message ?? ''
    expect(at('/big')).toContain('1e400 at /big is beyond what a double can hold')
    expect(at('/big')).toContain('read it as Infinity (JSON.stringify writes null)')
    for (const p of ['/tiny', '/neg']) {
      expect(at(p)).toContain('too close to zero for a double')
      expect(at(p)).toContain('read it as 0: its value is lost')
      expect(at(p)).not.toContain('beyond')
    }
    expect(at('/neg')).toContain('-2.5e-999 at /neg')
  })

  it('PAYLOAD_OTHER_CONTENT and PAYLOAD_NOT_JSON show a non-JSON payload as text', () => {
    const t = rawToken('{"alg":"HS256","cty":"text/plain"}', 'hello world')
    const d = decodeToken(t)
    expect(d.payload).toEqual({ kind: 'text', text: 'hello world' })
    expect(codes(t).filter((c) => c.startsWith('PAYLOAD_'))).toEqual(['PAYLOAD_OTHER_CONTENT'])
    expect(find(t, 'PAYLOAD_OTHER_CONTENT')?.severity).toBe('info')
    // Without a cty that names other content, a payload that is not JSON is no JWT.
    const plain = rawToken('{"alg":"HS256"}', 'hello')
    expect(codes(plain).filter((c) => c.startsWith('PAYLOAD_'))).toEqual(['PAYLOAD_NOT_JSON'])
    expect(find(plain, 'PAYLOAD_NOT_JSON')?.severity).toBe('warning')
  })

  it('NESTED_JWT with cty JWT offers the inner token', () => {
    const inner = fixture('rfc7515-a3-es256').token
    const t = rawToken('{"alg":"HS256","cty":"JWT"}', inner)
    expect(decodeToken(t).payload).toEqual({ kind: 'nested', token: inner })
    expect(find(t, 'NESTED_JWT')?.severity).toBe('info')
  })

  it('SIGNATURE_EMPTY when an algorithm is named but the signature is gone', () => {
    const [h, p] = RS.split('.')
    expect(find(`${h}.${p}.`, 'SIGNATURE_EMPTY')?.severity).toBe('error')
  })

  it('ALG_NONE_WITH_SIGNATURE', () => {
    expect(find(rawToken('{"alg":"none"}', '{}', 'abcd'), 'ALG_NONE_WITH_SIGNATURE')?.severity).toBe('error')
  })

  it('SIGNATURE_LENGTH for a truncated ES256 signature and a DER one', () => {
    const [h, p, s] = ES.split('.')
    expect(find(`${h}.${p}.${s?.slice(0, 40)}`, 'SIGNATURE_LENGTH')?.message).toContain('always 64 bytes')
    const der = Buffer.concat([Buffer.from([0x30, 0x44]), Buffer.alloc(68, 1)]).toString('base64url')
    expect(find(`${h}.${p}.${der}`, 'SIGNATURE_LENGTH')?.message).toContain('DER')
  })

  it('leaves the words that change nothing about well-formedness to the checks that load later', () => {
    expect(decodeToken(fixture('rfc7516-a1-jwe').token).diagnostics).toEqual([])
    expect(decodeToken(fixture('rfc7519-6.1-unsecured').token).diagnostics).toEqual([])
    expect(
      decodeToken(rawToken('{"alg":"HS256"}', '{"a":1,"a":2,"n":12345678901234567890}', 'c2ln')).diagnostics,
    ).toEqual([])
    const [h, p, s] = ES.split('.')
    const truncated = decodeToken(`${h}.${p}.${s?.slice(0, 40)}`)
    expect(truncated.diagnostics.map((d) => d.code)).toEqual([])
    expect(truncated.wellFormed).toBe(true)
  })

  it('HEADER_ALG_MISSING', () => {
    expect(find(rawToken('{"typ":"JWT"}', '{}'), 'HEADER_ALG_MISSING')?.severity).toBe('error')
  })

  it('JSON_SERIALIZATION for a JSON-serialized JWS', () => {
    expect(codes('{"payload":"e30","signatures":[]}')).toEqual(['JSON_SERIALIZATION'])
  })

  it('JWE_SEGMENT_COUNT when a header has enc but the token has three parts', () => {
    expect(codes(rawToken('{"alg":"dir","enc":"A128GCM"}', '{}'))).toContain('JWE_SEGMENT_COUNT')
  })

  it('DETACHED_PAYLOAD for an empty payload part', () => {
    const [h, , s] = RS.split('.')
    expect(find(`${h}..${s}`, 'DETACHED_PAYLOAD')?.severity).toBe('warning')
  })

  it('UNENCODED_PAYLOAD for b64 false', () => {
    const t = `${b64u('{"alg":"HS256","b64":false,"crit":["b64"]}')}.$.02.sig`
    expect(decodeToken(t).payload.kind).not.toBe('claims')
  })

  it('a "__proto__" claim stays plain data', () => {
    const t = rawToken('{"alg":"none"}', '{"__proto__":{"polluted":true}}', '')
    const d = decodeToken(t)
    expect(d.payload.kind === 'claims' && Object.keys(d.payload.json.value)).toEqual(['__proto__'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('TOKEN_TOO_LARGE above 1 MB', () => {
    expect(codes('a'.repeat(1024 * 1024 + 1))).toEqual(['TOKEN_TOO_LARGE'])
  })
})

describe('SD-JWT', () => {
  const jwt = fixture('rfc7515-a3-es256').token
  const disclosure = b64u('["2GLC42sKQveCfGfryNRN9w","given_name","John"]')
  const element = b64u('["lklxF5jMYlGTPUovMNIvCA","US"]')

  it('decodes the issuer JWT and each disclosure, with or without a key-binding JWT', () => {
    const d = decodeToken(`${jwt}~${disclosure}~${element}~`)
    expect(d.form).toBe('jws')
    expect(d.wellFormed).toBe(true)
    expect(d.sdJwt?.disclosures.map((x) => [x.name, x.value])).toEqual([
      ['given_name', 'John'],
      [undefined, 'US'],
    ])
    expect(d.sdJwt?.keyBinding).toBeUndefined()
    expect(find(`${jwt}~${disclosure}~${element}~`, 'SD_JWT')?.message).toContain('2 disclosures')
    const kb = decodeToken(`${jwt}~${disclosure}~${jwt}`)
    expect(kb.sdJwt?.keyBinding).toBe(jwt)
    expect(find(`${jwt}~${disclosure}~${jwt}`, 'SD_JWT')?.message).toContain('1 disclosure and a key-binding JWT')
  })

  it('SD_JWT_DISCLOSURE_INVALID points at a disclosure that is not a JSON array', () => {
    const badOne = b64u('{"not":"an array"}')
    const t = `${jwt}~${badOne}~`
    const diag = decodeToken(t).diagnostics.find((x) => x.code === 'SD_JWT_DISCLOSURE_INVALID')
    expect(diag?.span).toEqual({ start: jwt.length + 1, end: jwt.length + 1 + badOne.length })
    expect(decodeToken(t).wellFormed).toBe(false)
  })
})

describe('decodeTokenSteps (the session runs one step per task for a large text)', () => {
  /** Runs the steps and counts the breaks between them. */
  const breaks = (token: string) => {
    const steps = decodeTokenSteps(token)
    for (let n = 0; ; n++) {
      const r = steps.next()
      if (r.done) return { value: r.value, breaks: n }
    }
  }

  it.each([
    ['claims', rawToken('{"alg":"RS256"}', '{"sub":"a"}'), 2],
    ['claims with a cty', rawToken('{"alg":"RS256","cty":"json"}', '{"sub":"a"}'), 2],
    ['a nested token', rawToken('{"alg":"RS256","cty":"JWT"}', 'eyJhbGciOiJub25lIn0.e30.'), 1],
    [
      'bytes that are no UTF-8',
      `${b64u('{"alg":"RS256"}')}.${Buffer.from([0xff, 0xfe]).toString('base64url')}.c2ln`,
      1,
    ],
    ['a payload that is no base64url', `${b64u('{"alg":"RS256"}')}.a*b.c2ln`, 0],
    ['an SD-JWT', `${rawToken('{"alg":"ES256"}', '{"_sd":[]}')}~`, 2],
    ['a JWE', `${b64u('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.a.b.c.d`, 0],
  ])('%s: the same result as decodeToken, with a break after each of base64url and UTF-8 read', (_, token, n) => {
    const r = breaks(token)
    expect(r.value).toEqual(decodeToken(token))
    expect(r.breaks).toBe(n)
  })

  it('decodes the disclosures of a large SD-JWT in steps, with every disclosure kept', () => {
    const disclosures = Array.from({ length: 20_000 }, (_, i) => b64u(JSON.stringify([`salt${i}`, `c${i}`, i])))
    const tail = disclosures.join('~')
    const token = `${rawToken('{"alg":"ES256"}', '{"_sd":[]}')}~${tail}~`
    const r = breaks(token)
    // Two breaks inside the issuer-signed JWT, then about one per DISCLOSURE_STEP_CHARS of disclosures.
    expect(r.breaks).toBeGreaterThanOrEqual(2 + Math.floor(tail.length / DISCLOSURE_STEP_CHARS))
    expect(r.breaks).toBeLessThanOrEqual(3 + Math.floor(tail.length / DISCLOSURE_STEP_CHARS))
    expect(r.value.sdJwt?.disclosures.map((d) => d.name)).toEqual(disclosures.map((_, i) => `c${i}`))
    expect(r.value).toEqual(decodeToken(token))
  })

  it('parses a large payload in steps of JSON_STEP_CHARS characters', () => {
    const claims = `{${Array.from({ length: 40_000 }, (_, i) => `"c${i}":${i}`).join(',')}}`
    const r = breaks(rawToken('{"alg":"RS256"}', claims))
    expect(r.breaks).toBe(2 + Math.floor(claims.length / JSON_STEP_CHARS))
    expect(r.value.payload).toMatchObject({ kind: 'claims', json: { value: JSON.parse(claims) } })
  })
})

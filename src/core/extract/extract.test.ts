import { describe, expect, it } from 'vitest'
import { fixture } from '../../test/tokens.ts'
import { extractToken, looksLikeYaml, MAX_INPUT_LENGTH } from './index.ts'

const rs256 = fixture('rfc7515-a2-rs256').token
const hs256 = fixture('rfc7515-a1-hs256').token
const pod = fixture('seed-bound-pod-v1.24').token
const codes = (e: { diagnostics: { code: string }[] }) => e.diagnostics.map((d) => d.code)

describe('bare tokens, whitespace and quotes', () => {
  it('takes a bare token as pasted, with its span', () => {
    const e = extractToken(`  ${rs256}\n`)
    expect(e).toMatchObject({ token: rs256, source: 'raw', repaired: false, span: { start: 2, end: 2 + rs256.length } })
    expect(e.candidates).toHaveLength(1)
  })

  it('removes surrounding quotes and says so', () => {
    const e = extractToken(`"${rs256}"`)
    expect(e.token).toBe(rs256)
    expect(e.explanation).toMatch(/quotes/)
    expect(e.span).toEqual({ start: 1, end: 1 + rs256.length })
  })

  it('joins a token broken over lines and reports the repair', () => {
    const broken = `${rs256.slice(0, 60)}\n${rs256.slice(60, 130)}\r\n  ${rs256.slice(130)}`
    const e = extractToken(broken)
    expect(e).toMatchObject({ token: rs256, source: 'whitespace-stripped', repaired: true })
    expect(e.span).toBeUndefined()
    expect(e.diagnostics).toEqual([
      expect.objectContaining({ code: 'WHITESPACE_REMOVED', span: { start: 0, end: broken.length } }),
    ])
  })

  it('hands a single malformed word to the decoder unchanged', () => {
    const e = extractToken('eyJhbGciOiJSUzI1NiJ9.eyJzdWIi!.abc')
    expect(e).toMatchObject({ token: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIi!.abc', source: 'raw', diagnostics: [] })
  })
})

describe('Bearer prefixes and headers', () => {
  it.each(['Bearer', 'bearer', 'BEARER', 'DPoP', 'dpop'])('strips the %s scheme', (scheme) => {
    const e = extractToken(`${scheme} ${rs256}`)
    expect(e).toMatchObject({
      token: rs256,
      source: 'bearer',
      span: { start: scheme.length + 1, end: scheme.length + 1 + rs256.length },
    })
  })

  it('finds the token in an Authorization header line', () => {
    const e = extractToken(`Authorization: Bearer ${rs256}`)
    expect(e).toMatchObject({ token: rs256, source: 'authorization-header' })
    expect(e.span?.start).toBe('Authorization: Bearer '.length)
  })

  it('finds the token in a curl command and names it', () => {
    const input = `curl -sS -H 'Accept: application/json' -H "authorization: bearer ${hs256}" https://api.example.com/v1/things`
    const e = extractToken(input)
    expect(e).toMatchObject({ token: hs256, source: 'authorization-header' })
    expect(e.explanation).toMatch(/curl command/)
    expect(input.slice(e.span?.start, e.span?.end)).toBe(hs256)
  })

  it('finds the token after curl --oauth2-bearer', () => {
    expect(extractToken(`curl --oauth2-bearer ${hs256} https://x.example`)).toMatchObject({
      token: hs256,
      source: 'authorization-header',
    })
  })

  it('offers both the access token and the DPoP proof of an HTTP request dump', () => {
    const dump = `GET /resource HTTP/1.1\r\nHost: server.example.com\r\nAuthorization: DPoP ${rs256}\r\nDPoP: ${hs256}\r\n\r\n`
    const e = extractToken(dump)
    expect(e.candidates.map((c) => [c.token, c.label])).toEqual([
      [rs256, 'Authorization: DPoP'],
      [hs256, 'DPoP proof header'],
    ])
    expect(e.explanation).toMatch(/HTTP request.*1 of 2/)
    expect(extractToken(dump, { pick: 1 }).token).toBe(hs256)
    expect(extractToken(dump, { pick: 7 }).selected).toBe(0)
  })
})

describe('base64 of a JWT', () => {
  it('decodes a Secret data.token value alone', () => {
    const b64 = Buffer.from(`${pod}\n`).toString('base64')
    expect(extractToken(b64)).toMatchObject({ token: pod, source: 'base64', repaired: false })
  })

  it('decodes base64 wrapped at 76 columns', () => {
    const b64 = Buffer.from(pod).toString('base64').replace(/.{76}/g, '$&\n')
    expect(extractToken(b64)).toMatchObject({ token: pod, source: 'base64' })
  })

  it('rejects base64 that is not a JWT, saying what it is', () => {
    const b64 = Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n').toString('base64')
    const e = extractToken(b64)
    expect(e.token).toBe('')
    expect(e.diagnostics).toEqual([
      expect.objectContaining({ code: 'BASE64_NOT_JWT', severity: 'error', span: { start: 0, end: b64.length } }),
    ])
    expect(e.diagnostics[0]?.message).toMatch(/PEM block \(BEGIN CERTIFICATE\)/)
    expect(codes(extractToken(Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64')))).toEqual([
      'BASE64_NOT_JWT',
    ])
  })
})

describe('JSON token responses and URLs', () => {
  it('offers every JWT field of a token response, and names opaque ones', () => {
    const json = JSON.stringify(
      { access_token: rs256, token_type: 'Bearer', refresh_token: 'tGzv3JOkF0XG5Qx2TlKWIA', id_token: hs256 },
      null,
      2,
    )
    const e = extractToken(json)
    expect(e.candidates.map((c) => [c.source, c.label, c.token])).toEqual([
      ['json-field', 'access_token', rs256],
      ['json-field', 'id_token', hs256],
    ])
    expect(codes(e)).toEqual(['FIELD_NOT_JWT'])
    expect(e.diagnostics[0]?.message).toMatch(/^refresh_token holds an opaque token/)
  })

  it('finds a token field nested one level down', () => {
    expect(extractToken(JSON.stringify({ data: { token: pod } }))).toMatchObject({
      token: pod,
      source: 'json-field',
      label: 'data.token',
    })
  })

  it('reports JSON without tokens', () => {
    const e = extractToken('{"hello": "world", "n": [1, 2]}')
    expect(e.token).toBe('')
    expect(codes(e)).toEqual(['NO_TOKEN_FOUND'])
  })

  it('leaves JWS JSON serialization to the decoder', () => {
    const jws = '{"payload":"e30","signatures":[{"protected":"eyJhbGciOiJIUzI1NiJ9","signature":"c2ln"}]}'
    expect(extractToken(jws)).toMatchObject({ token: jws, source: 'raw' })
  })

  it('finds an id_token in a URL fragment and an access_token in a query string', () => {
    const frag = extractToken(`https://app.example/cb#state=af0ifjsldkj&id_token=${hs256}&token_type=Bearer`)
    expect(frag).toMatchObject({ token: hs256, source: 'url', label: 'id_token (URL fragment)' })
    expect(frag.span).toBeDefined()
    const query = extractToken(`https://api.example/v1?access_token=${encodeURIComponent(rs256)}`)
    expect(query).toMatchObject({ token: rs256, source: 'url', label: 'access_token (URL query string)' })
  })
})

describe('several tokens and no token', () => {
  it('lists every JWT in free text and lets the caller pick', () => {
    const text = `first ${rs256}\nthen ${hs256} and ${pod}.`
    const e = extractToken(text, { pick: 2 })
    expect(e.candidates.map((c) => c.token)).toEqual([rs256, hs256, pod])
    expect(e).toMatchObject({ token: pod, selected: 2, source: 'raw' })
    expect(text.slice(e.span?.start, e.span?.end)).toBe(pod)
    expect(e.explanation).toMatch(/3rd token.*3 of 3/)
  })

  it.each([
    ['prose', 'This is a note about nothing in particular.\nIt has two lines.'],
    ['a URL without tokens', 'see https://example.com/a?b=c for details'],
    ['a config file', '[section]\nkey = value'],
  ])('says so when %s holds no token', (_name, text) => {
    const e = extractToken(text)
    expect(e.token).toBe('')
    expect(e.diagnostics).toEqual([expect.objectContaining({ code: 'NO_TOKEN_FOUND', severity: 'error' })])
  })

  it('declines a 2 MB paste quickly, with a clear message', () => {
    const big = `${rs256}\n`.repeat(Math.ceil((2 * 1024 * 1024) / (rs256.length + 1)))
    expect(big.length).toBeGreaterThan(MAX_INPUT_LENGTH)
    const t0 = performance.now()
    const e = extractToken(big)
    expect(performance.now() - t0).toBeLessThan(250)
    expect(e.token).toBe('')
    expect(e.diagnostics).toEqual([expect.objectContaining({ code: 'PASTE_TOO_LARGE', severity: 'error' })])
    expect(e.diagnostics[0]?.message).toMatch(/1 MB/)
  })

  it.each([
    ['one long base64 word', 'QUJD'.repeat(250_000)],
    ['many token-like words', 'eyJhbGci '.repeat(110_000)],
    ['a long key: value file', 'key: value\n'.repeat(90_000)],
    ['many header lines', 'Authorization: Basic Zm9vOmJhcg==\n'.repeat(28_000)],
  ])('stays fast on %s close to 1 MB', (_name, text) => {
    expect(text.length).toBeLessThanOrEqual(MAX_INPUT_LENGTH)
    const t0 = performance.now()
    extractToken(text, { parseYaml: (t) => [t.length] })
    expect(performance.now() - t0).toBeLessThan(1500)
  })

  it('searches a paste just under the limit', () => {
    const filler = 'x '.repeat((MAX_INPUT_LENGTH - rs256.length - 10) / 2)
    expect(extractToken(`${filler}${rs256}`).token).toBe(rs256)
  })
})

describe('looksLikeYaml', () => {
  it.each([
    ['apiVersion: v1\nkind: Secret', true],
    ['---\nfoo: 1', true],
    ['- name: a\n  value: b', true],
    ['token: abc', true],
    [rs256, false],
    ['{"a": 1}', false],
    ['see https://example.com', false],
  ])('%j → %s', (text, expected) => {
    expect(looksLikeYaml(text)).toBe(expected)
  })

  it('asks for a YAML parser instead of guessing', () => {
    const e = extractToken('apiVersion: v1\nkind: Secret\n')
    expect(e).toMatchObject({ pending: 'yaml', token: '', candidates: [] })
  })
})

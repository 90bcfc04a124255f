import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseJson, type JsonValue } from '../encoding/json.ts'
import { fixture } from '../../test/tokens.ts'
import { redactToken, type RedactionResult } from './redact.ts'
import type { RedactionChoice } from './categories.ts'
import { readFragment } from './fragment.ts'

const payloadOf = (name: string) =>
  Buffer.from(fixture(name).token.split('.')[1] as string, 'base64url').toString('utf8')
const value = (text: string) => parseJson(text).value as Record<string, JsonValue>
/** Redacts a payload under a plain header, as the tests of payload rules need. */
function redactPayload(payload: string, choice: RedactionChoice): RedactionResult & { text: string } {
  const r = redactToken({ header: '{"alg":"none"}', payload }, choice)
  if (!r || r.payload === undefined) throw new Error('not JSON')
  return { ...r, text: r.payload }
}

/** Every leaf pointer with its value, to compare what changed. */
function leafMap(v: JsonValue, pointer = '', out = new Map<string, JsonValue>()) {
  if (v !== null && typeof v === 'object')
    for (const [k, c] of Object.entries(v)) leafMap(c, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, out)
  else out.set(pointer, v)
  return out
}

function changed(before: string, after: string): string[] {
  const a = leafMap(value(before))
  const b = leafMap(value(after))
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort()
}

describe('redaction', () => {
  const pod = payloadOf('seed-bound-pod-v1.24')

  it('replaces exactly the UIDs and nothing else', () => {
    const r = redactPayload(pod, { uids: true })
    expect(changed(pod, r.text)).toEqual(['/kubernetes.io/pod/uid', '/kubernetes.io/serviceaccount/uid'])
    expect(value(r.text)['kubernetes.io']).toMatchObject({ pod: { uid: '[redacted uid]', name: 'busybox' } })
    expect(r.redactions.map((x) => x.category)).toEqual(['uid', 'uid'])
  })

  it('replaces names, keeping the namespace in a service account subject', () => {
    const r = redactPayload(pod, { names: true })
    expect(changed(pod, r.text)).toEqual(['/kubernetes.io/pod/name', '/kubernetes.io/serviceaccount/name', '/sub'])
    expect(value(r.text).sub).toBe('system:serviceaccount:default:[redacted name]')
  })

  it('replaces the issuer host wherever it appears, and only the host', () => {
    const r = redactPayload(pod, { issuerHost: true })
    expect(changed(pod, r.text)).toEqual(['/aud/0', '/iss'])
    expect(value(r.text).iss).toBe('https://[redacted host]')
    expect(r.text).not.toContain('kubernetes.default.svc')
  })

  it('handles legacy flat claim names', () => {
    const legacy = payloadOf('seed-legacy-v1.20')
    const r = redactPayload(legacy, { uids: true, names: true })
    expect(changed(legacy, r.text)).toEqual([
      '/kubernetes.io~1serviceaccount~1secret.name',
      '/kubernetes.io~1serviceaccount~1service-account.name',
      '/kubernetes.io~1serviceaccount~1service-account.uid',
      '/sub',
    ])
  })

  it('replaces jti and chosen claims, a chosen object as a whole, and keeps all other text byte for byte', () => {
    const text = '{ "jti" : "abc",\n "big": 123456789012345678901234, "k": {"a": 1, "uid": "u"}, "x": [1, 2] }'
    const r = redactPayload(text, { jti: true, uids: true, claims: ['/k', '/x/1'] })
    expect(r.text).toBe(
      '{ "jti" : "[redacted jti]",\n "big": 123456789012345678901234, "k": "[redacted]", "x": [1, "[redacted]"] }',
    )
    expect(r.redactions).toEqual([
      { pointer: '/jti', category: 'jti' },
      { pointer: '/k', category: 'claim' },
      { pointer: '/x/1', category: 'claim' },
    ])
  })

  it('redacts both copies of a duplicated member', () => {
    const r = redactPayload('{"jti":"first","jti":"second"}', { jti: true })
    expect(r.text).toBe('{"jti":"[redacted jti]","jti":"[redacted jti]"}')
  })

  it('redacts every copy of a duplicated member, whatever the value a parser keeps', () => {
    // The last member wins in a parser; the first one used to stay in the link.
    const r = redactPayload('{"uid":"SECRET","uid":0,"kubernetes.io":{"pod":{"name":"web","name":{"x":"SECRET2"}}}}', {
      uids: true,
      names: true,
    })
    expect(r.text).toBe(
      '{"uid":"[redacted uid]","uid":"[redacted uid]","kubernetes.io":{"pod":{"name":"[redacted name]","name":"[redacted name]"}}}',
    )
    expect(r.redactions).toEqual([
      { pointer: '/uid', category: 'uid' },
      { pointer: '/kubernetes.io/pod/name', category: 'name' },
    ])
  })

  it('reads member names through their escapes', () => {
    expect(redactPayload('{"u\\u0069d":"SECRET"}', { uids: true }).text).toBe('{"u\\u0069d":"[redacted uid]"}')
  })

  it('treats upn, unique_name and preferred_username as names and oid as an id', () => {
    const text = '{"upn":"ada@example.com","unique_name":"ada","preferred_username":"ada","oid":"0000-1111","tid":"t"}'
    const r = redactPayload(text, { uids: true, names: true })
    expect(changed(text, r.text)).toEqual(['/oid', '/preferred_username', '/unique_name', '/upn'])
    expect(value(r.text).oid).toBe('[redacted uid]')
  })

  it('hides the issuer host in any case, in values, member names and the header', () => {
    const header =
      '{"alg":"RS256","kid":"Issuer.Example-2024","jku":"https://ISSUER.example/jwks","x5u":"https://issuer.EXAMPLE/x5u"}'
    const payload =
      '{"iss":"https://admin@issuer.example:8443/realms/a","aud":"https://Issuer.Example/api","https://ISSUER.EXAMPLE/groups":["g"],"ok":"other.example"}'
    const r = redactToken({ header, payload }, { issuerHost: true })
    expect(r?.header).toBe(
      '{"alg":"RS256","kid":"[redacted host]-2024","jku":"https://[redacted host]/jwks","x5u":"https://[redacted host]/x5u"}',
    )
    expect(r?.payload).toBe(
      '{"iss":"https://admin@[redacted host]:8443/realms/a","aud":"https://[redacted host]/api","https://[redacted host]/groups":["g"],"ok":"other.example"}',
    )
    expect(r?.redactions).toEqual([
      { pointer: '/kid', category: 'issuer-host', location: 'header' },
      { pointer: '/jku', category: 'issuer-host', location: 'header' },
      { pointer: '/x5u', category: 'issuer-host', location: 'header' },
      { pointer: '/iss', category: 'issuer-host' },
      { pointer: '/aud', category: 'issuer-host' },
      // The pointer of the renamed member, as the shared view will show it.
      { pointer: '/https:~1~1[redacted host]~1groups', category: 'issuer-host' },
    ])
  })

  it('takes the hosts of every iss, duplicates and the header included, and a bare host name', () => {
    const r = redactToken(
      {
        header: '{"alg":"none","iss":"c.example"}',
        payload: '{"iss":"https://a.example","iss":"https://b.example","x":"a.example b.example c.example"}',
      },
      { issuerHost: true },
    )
    expect(value(r?.payload ?? '').x).toBe('[redacted host] [redacted host] [redacted host]')
  })

  it('applies the same rules to the header as to the payload', () => {
    const r = redactToken(
      { header: '{"alg":"none","jti":"j1","uid":"u1","sub":"system:serviceaccount:ns:sa"}', payload: '{}' },
      {
        jti: true,
        uids: true,
        names: true,
      },
    )
    expect(r?.header).toBe(
      '{"alg":"none","jti":"[redacted jti]","uid":"[redacted uid]","sub":"system:serviceaccount:ns:[redacted name]"}',
    )
    expect(r?.redactions.every((x) => x.location === 'header')).toBe(true)
  })

  it('refuses text that is not JSON instead of passing it through', () => {
    expect(redactToken({ header: '{"alg":"none"}', payload: '{"uid":' }, { uids: true })).toBeUndefined()
  })

  it('changes exactly the chosen top-level claims of any object (property)', () => {
    const obj = fc.dictionary(
      fc.string({ minLength: 1 }),
      fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
      { minKeys: 1 },
    )
    fc.assert(
      fc.property(obj, fc.integer({ min: 0, max: 20 }), (o, seedIndex) => {
        const text = JSON.stringify(o, null, seedIndex % 3)
        const keys = Object.keys(o)
        const chosen = keys
          .filter((_, i) => (i + seedIndex) % 2 === 0)
          .map((k) => `/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`)
        const r = redactPayload(text, { claims: chosen })
        const expected = chosen.filter((p) => JSON.stringify(leafMap(value(text)).get(p)) !== '"[redacted]"').sort()
        expect(changed(text, r.text)).toEqual(expected)
        expect(r.redactions.map((x) => x.pointer).sort()).toEqual([...chosen].sort())
      }),
      { numRuns: 200 },
    )
  })
})

describe('reading the URL fragment', () => {
  it('recognises permalinks and jwt.io-style token parameters', () => {
    expect(readFragment('')).toEqual({ type: 'none' })
    expect(readFragment('#v1=z.abc')).toEqual({ type: 'permalink', fragment: 'v1=z.abc' })
    expect(readFragment('#token=a.b.c')).toEqual({ type: 'token', param: 'token', token: 'a.b.c' })
    expect(readFragment('#id_token=a.b.c&state=x')).toEqual({ type: 'token', param: 'id_token', token: 'a.b.c' })
    expect(readFragment('#state=1&access_token=a%2Eb.c&token_type=Bearer')).toEqual({
      type: 'token',
      param: 'access_token',
      token: 'a.b.c',
    })
    expect(readFragment('#section-2')).toEqual({ type: 'none' })
  })

  it('reports a broken escape instead of throwing', () => {
    const r = readFragment('#token=%E0%A4%A')
    expect(r.type === 'error' && r.diagnostic.code).toBe('FRAGMENT_BAD_ESCAPE')
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseJson, type JsonValue } from '../encoding/json.ts'
import { fixture } from '../../test/tokens.ts'
import { redactPayload } from './redact.ts'
import { readFragment } from './fragment.ts'

const payloadOf = (name: string) =>
  Buffer.from(fixture(name).token.split('.')[1] as string, 'base64url').toString('utf8')
const value = (text: string) => parseJson(text).value as Record<string, JsonValue>

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

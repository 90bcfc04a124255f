import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeToken } from '../decode/decodeToken.ts'
import { parseJson } from '../encoding/json.ts'
import { fixture } from '../../test/tokens.ts'
import {
  draftFromToken,
  generateSigningKey,
  minifyJson,
  readFields,
  signDraft,
  templateDraft,
  unsignedToken,
  writeField,
  fieldContext,
  TEMPLATES,
  type SigningKey,
} from './index.ts'

/** A JSON value that may hold integers beyond 2^53, written as their exact digits. */
type Value = null | boolean | number | string | { big: string } | Value[] | { [k: string]: Value }
const big = fc.bigInt({ min: 2n ** 53n, max: 10n ** 30n }).map((b) => ({ big: (b % 2n ? -b : b).toString() }))
const leaf: fc.Arbitrary<Value> = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  big,
)
const { value } = fc.letrec<{ value: Value }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ unit: 'binary' }), tie('value'), { maxKeys: 4 }),
  ),
}))
const payloadValue = fc.dictionary(fc.string({ unit: 'binary' }), value, { maxKeys: 6 })

const isBig = (v: Value): v is { big: string } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && 'big' in v
/** JSON text with the big integers as bare digits and some whitespace, as a user would write it. */
function write(v: Value, indent: string): string {
  if (isBig(v)) return v.big
  if (Array.isArray(v)) return `[ ${v.map((x) => write(x, indent)).join(' ,\n')} ]`
  if (typeof v === 'object' && v !== null)
    return `{\n${Object.entries(v)
      .map(([k, x]) => `${indent}${JSON.stringify(k)} :  ${write(x, indent + '  ')}`)
      .join(',\n')}\n}`
  return JSON.stringify(v)
}

let hmac: Promise<SigningKey> | undefined
const key = () =>
  (hmac ??= generateSigningKey('HS256').then((r) => {
    if (!r.ok) throw new Error('no key')
    return r.key
  }))

describe('compose, for any JSON payload', () => {
  it('decodes back to the same JSON: members, order, values, unicode and large integers as text', async () => {
    await fc.assert(
      fc.asyncProperty(payloadValue, fc.boolean(), async (v, signed) => {
        const text = write(v, '  ')
        const draft = { header: '{"alg":"HS256","typ":"JWT"}', payload: text }
        const made = signed ? await signDraft(draft, await key()) : unsignedToken(draft)
        expect(made.ok).toBe(true)
        if (!made.ok) return
        const decoded = decodeToken(made.value.token)
        expect(decoded.payload.kind).toBe('claims')
        if (decoded.payload.kind !== 'claims') return
        const original = parseJson(text)
        expect(decoded.payload.json.text).toBe(minifyJson(text))
        expect(decoded.payload.json.value).toEqual(original.value)
        expect(Object.keys(decoded.payload.json.value)).toEqual(Object.keys(original.value as object))
        expect(decoded.payload.json.impreciseNumbers.map((n) => [n.pointer, n.raw])).toEqual(
          original.impreciseNumbers.map((n) => [n.pointer, n.raw]),
        )
      }),
      { numRuns: 150 },
    )
  })

  it('never throws on any text as header or payload', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), async (header, payload) => {
        const r = await signDraft({ header, payload }, await key())
        expect(typeof r.ok).toBe('boolean')
        expect(typeof readFields(payload, ['issuer', 'lifetime', 'namespace']).ok).toBe('boolean')
      }),
    )
  })

  it('reads back every field value written into any template', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TEMPLATES),
        fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,8}[a-z0-9])?$/),
        fc.integer({ min: 600, max: 10 ** 8 }),
        (t, name, seconds) => {
          const ctx = fieldContext(t.id, 1_767_000_000)
          let text = templateDraft(t.id, { now: 1_767_000_000 }).payload
          for (const field of t.fields) {
            const spec = field === 'lifetime' || field === 'warnAfter' ? seconds : field === 'audience' ? [name] : name
            const w = writeField(text, field, spec as never, ctx)
            expect(w.ok).toBe(true)
            if (w.ok) text = w.text
            const r = readFields(text, [field])
            expect(r.ok && r.values[field]).toEqual(spec)
          }
        },
      ),
    )
  })
})

describe('edit a copy', () => {
  it('takes header and claims without the signature, as written, unsigned', () => {
    const token = fixture('seed-bound-pod-v1.24').token
    const r = draftFromToken(decodeToken(token))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(Object.keys(r)).toEqual(['ok', 'draft', 'diagnostics'])
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['COMPOSE_COPY_UNSIGNED', 'info']])
    const signature = token.split('.')[2] as string
    expect(JSON.stringify(r.draft)).not.toContain(signature)
    const decoded = decodeToken(token)
    expect(minifyJson(r.draft.payload)).toBe(decoded.payload.kind === 'claims' ? decoded.payload.json.text : '')
    expect(minifyJson(r.draft.header)).toBe(decoded.header?.text)
  })

  it('keeps duplicates and large integers of the copied token', () => {
    const token = `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from('{"a":1,"a":2,"n":12345678901234567890}').toString('base64url')}.c2ln`
    const r = draftFromToken(decodeToken(token))
    expect(r.ok && r.draft.payload).toBe('{\n  "a": 1,\n  "a": 2,\n  "n": 12345678901234567890\n}')
  })

  it('is signed only by an explicit call, with the user’s own key, which replaces the kid', async () => {
    const token = fixture('seed-bound-pod-v1.24').token
    const r = draftFromToken(decodeToken(token))
    if (!r.ok) throw new Error('no copy')
    const own = await generateSigningKey('ES256')
    if (!own.ok) throw new Error('no key')
    const signed = await signDraft(r.draft, own.key)
    if (!signed.ok) throw new Error('not signed')
    const header = decodeToken(signed.value.token).header?.value
    expect(header).toEqual({ alg: 'ES256', kid: own.key.public!.kid })
    expect(signed.value.token.split('.')[1]).toBe(token.split('.')[1])
  })

  it('refuses a token without readable claims', () => {
    const r = draftFromToken(decodeToken(fixture('rfc7516-a1-jwe').token))
    expect(r.ok ? [] : r.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['COMPOSE_COPY_NO_CLAIMS', 'An encrypted token (JWE) cannot be copied: its claims are not readable here.'],
    ])
  })
})

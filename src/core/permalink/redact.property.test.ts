import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { REDACTION_CATEGORIES, type RedactionCategory, type RedactionChoice } from './categories.ts'
import { redactToken } from './redact.ts'

/**
 * Tokens are built as JSON text member by member, so that members repeat (duplicates), values of
 * the same member differ in type, and some strings are written with escapes. Every value a
 * redaction must hide is a "secret" (ZQ and digits, a pattern that nothing else in the text
 * can produce); the issuer host is made of letters no other text uses, and appears in random case.
 */
interface Secret {
  category: RedactionCategory
  text: string
  /** For a claim the user picks: its pointer. */
  pointer?: string
}

const hexHost = fc.stringMatching(/^[0-9a-f]{4,8}$/).map((h) => `h${h}.example`)

/** A JSON string literal, sometimes with its first character escaped, so that the raw text hides it. */
const literal = (s: string, escape: boolean) =>
  escape && s.length > 0
    ? `"\\u${s.charCodeAt(0).toString(16).padStart(4, '0')}${JSON.stringify(s.slice(1)).slice(1)}`
    : JSON.stringify(s)

const randomCase = (s: string, bits: number) =>
  [...s].map((c, i) => ((bits >> (i % 30)) & 1 ? c.toUpperCase() : c)).join('')

type Slot = (id: number, host: string, bits: number) => { key: string; value: string; secrets: Secret[] }

// Closed by a Q, so that no secret is a prefix of another (ZQ1Q, ZQ10Q).
const secret = (id: number) => `ZQ${id}Q`
const hide = (category: RedactionCategory, id: number) => ({ category, text: secret(id) })

// Members that hold something to hide, and members that must stay.
const PAYLOAD_SLOTS: Slot[] = [
  (id, _h, b) => ({ key: 'uid', value: literal(secret(id), b % 2 === 0), secrets: [hide('uid', id)] }),
  () => ({ key: 'uid', value: '0', secrets: [] }),
  (id) => ({ key: 'oid', value: JSON.stringify(secret(id)), secrets: [hide('uid', id)] }),
  (id) => ({
    key: 'kubernetes.io/serviceaccount/service-account.uid',
    value: JSON.stringify(secret(id)),
    secrets: [hide('uid', id)],
  }),
  (id) => ({
    key: 'kubernetes.io',
    value: `{"pod":{"name":${JSON.stringify(secret(id))},"uid":${JSON.stringify(secret(id + 1))}},"namespace":"ns"}`,
    secrets: [hide('name', id), hide('uid', id + 1)],
  }),
  (id) => ({ key: 'name', value: `{"n":${JSON.stringify(secret(id))}}`, secrets: [hide('name', id)] }),
  (id, _h, b) => ({
    key: ['upn', 'unique_name', 'preferred_username', 'email', 'given_name'][b % 5] as string,
    value: JSON.stringify(secret(id)),
    secrets: [hide('name', id)],
  }),
  (id) => ({
    key: 'sub',
    value: JSON.stringify(`system:serviceaccount:ns:${secret(id)}`),
    secrets: [hide('name', id)],
  }),
  (id) => ({ key: 'jti', value: JSON.stringify(secret(id)), secrets: [hide('jti', id)] }),
  (id) => ({ key: 'jti', value: `[${JSON.stringify(secret(id))}]`, secrets: [hide('jti', id)] }),
  (id) => ({
    key: `c${id % 3}`,
    value: JSON.stringify(secret(id)),
    secrets: [{ category: 'claim', text: secret(id), pointer: `/c${id % 3}` }],
  }),
  (_id, h, b) => ({ key: 'iss', value: JSON.stringify(`https://u@${randomCase(h, b)}:6443/x`), secrets: [] }),
  (_id, h, b) => ({ key: 'aud', value: `["api",${literal(`https://${randomCase(h, b)}`, b % 3 === 0)}]`, secrets: [] }),
  (_id, h, b) => ({ key: `https://${randomCase(h, b)}/claims`, value: '{"r":["a"]}', secrets: [] }),
  () => ({ key: 'exp', value: '1700000000', secrets: [] }),
]

const HEADER_SLOTS: Slot[] = [
  () => ({ key: 'alg', value: '"none"', secrets: [] }),
  (_id, h, b) => ({ key: 'kid', value: JSON.stringify(`${randomCase(h, b)}-1`), secrets: [] }),
  (_id, h, b) => ({ key: 'jku', value: JSON.stringify(`https://${randomCase(h, b)}/jwks`), secrets: [] }),
  (_id, h, b) => ({ key: 'x5u', value: JSON.stringify(`https://${randomCase(h, b)}/x5u`), secrets: [] }),
  (id) => ({ key: 'uid', value: JSON.stringify(secret(id)), secrets: [hide('uid', id)] }),
  (id) => ({ key: 'jti', value: JSON.stringify(secret(id)), secrets: [hide('jti', id)] }),
  (_id, h) => ({ key: 'iss', value: JSON.stringify(`https://${h}`), secrets: [] }),
]

function build(slots: Slot[], picks: number[], host: string, bits: number, firstId: number) {
  const members = picks.map((p, i) => (slots[p % slots.length] as Slot)(firstId + i * 2, host, bits >> (i % 7)))
  return {
    text: `{${members.map((m) => `${JSON.stringify(m.key)}:${m.value}`).join(',')}}`,
    secrets: members.flatMap((m) => m.secrets),
  }
}

/** Every string in a JSON text, decoded, names and values alike, duplicates included. */
function decodedStrings(text: string): string[] {
  return [...text.matchAll(/"(?:[^"\\]|\\.)*"/g)].map((m) => JSON.parse(m[0]) as string)
}

const tokenArb = fc.record({
  header: fc.array(fc.nat(), { minLength: 0, maxLength: 8 }),
  payload: fc.array(fc.nat(), { minLength: 1, maxLength: 14 }),
  host: hexHost,
  bits: fc.nat(),
  choice: fc.record({
    uids: fc.boolean(),
    names: fc.boolean(),
    issuerHost: fc.boolean(),
    jti: fc.boolean(),
    claims: fc.subarray(['/c0', '/c1', '/c2']),
  }),
})

describe('redaction leaks nothing it was asked to hide (property)', () => {
  it('for any token with duplicate members and any choice, no hidden value appears in the link', () => {
    fc.assert(
      fc.property(tokenArb, ({ header, payload, host, bits, choice }) => {
        const h = build(HEADER_SLOTS, [0, ...header], host, bits, 1000)
        const p = build(PAYLOAD_SLOTS, [11, ...payload], host, bits, 1)
        const r = redactToken({ header: h.text, payload: p.text }, choice as RedactionChoice)
        expect(r).toBeDefined()
        const out = [r?.header ?? '', r?.payload ?? '']
        const strings = out.flatMap(decodedStrings)
        const chosen = new Set(choice.claims)
        for (const s of [...h.secrets, ...p.secrets]) {
          const on =
            s.category === 'claim'
              ? chosen.has(s.pointer as string)
              : choice[REDACTION_CATEGORIES[s.category].choice] === true
          if (!on) continue
          for (const text of out) expect(text, `${s.category} ${s.text}`).not.toContain(s.text)
          for (const str of strings) expect(str).not.toContain(s.text)
        }
        if (choice.issuerHost) {
          for (const text of out) expect(text.toLowerCase()).not.toContain(host)
          for (const str of strings) expect(str.toLowerCase()).not.toContain(host)
        }
      }),
      { numRuns: 1500 },
    )
  })
})

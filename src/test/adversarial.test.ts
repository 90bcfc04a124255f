import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CAPPED_CODE, MAX_PER_CODE } from '../core/diagnostics/cap.ts'
import type { Diagnostic } from '../core/diagnostics/diagnostic.ts'
import { adversarialCorpus, b64u, DUPLICATE_COUNT, tokenOf } from './adversarial.mjs'
import { runEverything, type Outcome } from './pipeline.ts'

// The adversarial corpus (src/test/adversarial.mjs) through everything the page runs, with every
// optional module loaded (issue 12 items 2 and 3): nothing throws, spans stay inside their text,
// each code is listed at most MAX_PER_CODE times, and no message shows what a built-in made of
// a crafted value.

/** Text that means a built-in stringified something it should not have. */
const LEAKS = /\[native code\]|\[object Object\]|function Object|undefined\)|NaN/

function perCode(list: readonly Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const d of list) counts.set(d.code, (counts.get(d.code) ?? 0) + 1)
  return counts
}

/** The invariants every outcome holds, whatever the input. */
function checkOutcome(o: Outcome) {
  const { analysis } = o
  const token = analysis.decoded.token
  for (const d of analysis.decoded.diagnostics) {
    if (!d.span) continue
    expect(d.span.start, d.code).toBeGreaterThanOrEqual(0)
    expect(d.span.end, d.code).toBeLessThanOrEqual(token.length)
    expect(d.span.start, d.code).toBeLessThanOrEqual(d.span.end)
  }
  for (const d of analysis.extraction.diagnostics) {
    if (!d.span) continue
    expect(d.span.start, d.code).toBeGreaterThanOrEqual(0)
    expect(d.span.end, d.code).toBeLessThanOrEqual(o.input.length)
  }
  for (const list of [analysis.diagnostics, analysis.decoded.diagnostics, o.sharedNotes]) {
    for (const [code, n] of perCode(list)) if (code !== CAPPED_CODE) expect(n, code).toBeLessThanOrEqual(MAX_PER_CODE)
  }
  for (const d of [...analysis.diagnostics, ...o.sharedNotes, ...o.linkDiagnostics]) {
    expect(d.message, d.code).not.toMatch(LEAKS)
    expect(d.code).toMatch(/^[A-Z0-9_]+$/)
  }
  // A number JavaScript cannot hold is shown as written, never as JSON.stringify's "null".
  for (const row of [...analysis.headerRows, ...analysis.payloadRows]) {
    if (typeof row.value === 'number' && !Number.isFinite(row.value)) expect(row.rawNumber, row.pointer).toBeDefined()
  }
}

const corpus = adversarialCorpus()

describe('the adversarial corpus', () => {
  it('has unique names and stays within what the page accepts', () => {
    expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length)
    for (const c of corpus) expect(c.text.length, c.name).toBeLessThanOrEqual(1024 * 1024)
  })

  for (const input of corpus) {
    it(`${input.name}: ${input.why}`, async () => {
      const started = performance.now()
      const outcome = await runEverything(input)
      // Generous, for a loaded 2-core machine: the quadratic paths this corpus found took
      // minutes on the large inputs, and linear ones take well under a second.
      expect(performance.now() - started).toBeLessThan(input.large ? 15_000 : 5_000)
      checkOutcome(outcome)
    }, 60_000)
  }
})

describe('what the corpus once broke', () => {
  const find = (name: string) => {
    const input = corpus.find((i) => i.name === name)
    if (!input) throw new Error(`no corpus input ${name}`)
    return runEverything(input)
  }
  const codes = (o: Outcome) => o.analysis.diagnostics.map((d) => d.code)

  it('reads a TokenRequest whose token has exp 1e13, and says the two expiries differ', async () => {
    const o = await find('token-request-exp-1e13')
    expect(o.analysis.extraction.source).toBe('token-request')
    const d = o.analysis.diagnostics.find((x) => x.code === 'TOKEN_REQUEST_EXPIRY_DIFFERS')
    expect(d?.message).toContain("JWT's exp (10000000000000)")
  })

  it('names no issuer it cannot print when iss is an object with toString', async () => {
    const o = await find('iss-object-with-tostring')
    const d = o.analysis.diagnostics.find((x) => x.code === 'ALG_KEY_CONFUSION')
    expect(d?.message).toMatch(/^alg HS256 is a shared-secret HMAC, but this issuer signs with public keys/)
    expect(codes(o)).toContain('CLAIM_NOT_STRING')
  })

  it('says nothing about a typ, alg or crit named after an Object.prototype member', async () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const o = await find(`header-values-${name}`)
      expect(codes(o), name).not.toContain('TYP_KIND')
      expect(codes(o), name).not.toContain('SIGNATURE_LENGTH')
      expect(codes(o), name).toContain('CRIT_INVALID')
      const crit = o.analysis.diagnostics.find((d) => d.code === 'CRIT_INVALID')
      expect(crit?.message, name).toContain('does not contain')
    }
  })

  it('gives a number beyond a double a warning and its exact text, not a row reading null', async () => {
    const o = await find('numbers-out-of-range')
    const out = o.analysis.diagnostics.filter((d) => d.code === 'JSON_NUMBER_OUT_OF_RANGE' && d.location === 'payload')
    expect(out.map((d) => d.pointer)).toEqual([
      '/exp',
      '/iat',
      '/nbf',
      '/x',
      '/arr/0',
      '/arr/1',
      '/arr/2',
      '/kubernetes.io/warnafter',
    ])
    const row = (p: string) => o.analysis.payloadRows.find((r) => r.pointer === p)
    expect(row('/exp')?.rawNumber).toBe('1e400')
    expect(row('/nbf')?.rawNumber).toBe('1e-400')
    expect(row('/arr')?.value).toEqual([Infinity, -Infinity, 0, 12345678901234567000])
    const header = o.analysis.diagnostics.find((d) => d.pointer === '/p2c' && d.location === 'header')
    expect(header?.code).toBe('JSON_NUMBER_OUT_OF_RANGE')
  })

  it('lists 20 of 120,000 duplicate members from a short link, and counts the rest', async () => {
    const o = await find('duplicate-members-link')
    const dup = o.analysis.diagnostics.filter((d) => d.code === 'JSON_DUPLICATE_MEMBER')
    expect(dup).toHaveLength(MAX_PER_CODE)
    const summary = o.analysis.diagnostics.find((d) => d.code === CAPPED_CODE)
    expect(summary?.message).toBe(
      `${(DUPLICATE_COUNT - 1 - MAX_PER_CODE).toLocaleString('en')} more JSON_DUPLICATE_MEMBER findings, the same at other places, are not listed (the first 20 are).`,
    )
  })

  it('keeps 300,000 redactions of a link, with 20 notes and a count', async () => {
    const o = await find('redactions-300k-link')
    expect(o.sharedNotes.filter((d) => d.code === 'SHARED_VALUE_REDACTED')).toHaveLength(MAX_PER_CODE)
    expect(o.sharedNotes.find((d) => d.code === CAPPED_CODE)?.message).toMatch(
      /^299,980 more SHARED_VALUE_REDACTED findings/,
    )
  })

  it('keeps a __proto__ member as data', async () => {
    const o = await find('proto-member-json')
    const p = o.analysis.decoded.payload
    expect(p.kind === 'claims' && Object.getPrototypeOf(p.json.value)).toBe(Object.prototype)
    expect(o.analysis.payloadRows.map((r) => r.pointer)).toContain('/__proto__/iss')
    expect(o.analysis.decoded.header?.value.alg).toBe('RS256')
  })
})

// Values that break built-ins, in every position: names of Object.prototype members, objects
// with toString/valueOf/__proto__ members, numbers beyond a double, dates beyond Date's range.
const hostileName = fc.constantFrom(
  'constructor',
  '__proto__',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'iss',
  'sub',
  'aud',
  'exp',
  'iat',
  'nbf',
  'jti',
  'typ',
  'alg',
  'crit',
  'kid',
  'cty',
  'b64',
  'zip',
  'p2c',
  'kubernetes.io',
  'namespace',
  'serviceaccount',
  'pod',
  'secret',
  'node',
  'name',
  'uid',
  'warnafter',
  'cnf',
  'act',
  'scope',
  'at_hash',
  'email_verified',
  'kubernetes.io/serviceaccount/namespace',
  'kubernetes.io/serviceaccount/secret.name',
  '',
)
const numberText = fc.constantFrom(
  '1e400',
  '-1e400',
  '1e-400',
  '1e13',
  '8.64e12',
  '-8.64e15',
  '1e300',
  '12345678901234567890',
  '-0',
  '0',
  '3607',
  '1700000000',
  '31536000',
  '1.5',
)
const scalarText = fc.oneof(
  numberText,
  fc.constantFrom('true', 'false', 'null', '"constructor"', '"__proto__"', '"HS256"', '"none"', '"b64"'),
  hostileName.map((n) => JSON.stringify(n)),
  fc.string({ maxLength: 8 }).map((s) => JSON.stringify(s)),
)
const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarText,
    fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc
      .array(fc.tuple(hostileName, tie('value')), { maxLength: 6 })
      .map((members) => `{${members.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  ),
})).value
const objectText = fc
  .array(fc.tuple(hostileName, jsonText), { maxLength: 8 })
  .map((members) => `{${members.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`)

describe('never throws on hostile values in any position', () => {
  it('through the whole pipeline, with every module and check loaded', async () => {
    await fc.assert(
      fc.asyncProperty(objectText, objectText, fc.constantFrom('', 'sig', b64u('x'.repeat(64))), async (h, p, s) => {
        checkOutcome(await runEverything({ delivery: 'paste', text: tokenOf(p, h, s) }, 50))
      }),
      { numRuns: 400 },
    )
  }, 120_000)

  it('inside a TokenRequest, a Secret and a kubeconfig, and from a share link', async () => {
    await fc.assert(
      fc.asyncProperty(objectText, objectText, fc.nat(3), async (h, p, form) => {
        const token = tokenOf(p, h)
        const text =
          form === 0
            ? JSON.stringify({
                kind: 'TokenRequest',
                status: { token, expirationTimestamp: '2030-01-01T00:00:00Z' },
                spec: { expirationSeconds: 3607 },
              })
            : form === 1
              ? `kind: Secret\ntype: kubernetes.io/service-account-token\nmetadata:\n  name: constructor\ndata:\n  token: ${Buffer.from(token).toString('base64')}\n`
              : form === 2
                ? `kind: Config\nusers:\n- name: __proto__\n  user:\n    token: ${token}\ncontexts: []\n`
                : `#v1=j.${b64u(JSON.stringify({ h, p, k: 'constructor', s: '__proto__', r: [['/__proto__', 'uid']] }))}`
        checkOutcome(await runEverything({ delivery: form === 3 ? 'link' : 'paste', text }, 50))
      }),
      { numRuns: 300 },
    )
  }, 120_000)
})

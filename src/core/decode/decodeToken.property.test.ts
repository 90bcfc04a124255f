import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allFixtures } from '../../test/tokens.ts'
import { analyze } from '../analysis/analyze.ts'
import { decodeToken } from './decodeToken.ts'

const tokens = allFixtures.map((f) => f.token)
const tokenChars = fc.constantFrom(...'ABCxyz019-_.=+/ !\n\u00e9\u{1F600}{}"'.split(''))

describe('decoding never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const d = decodeToken(s)
        expect(Array.isArray(d.diagnostics)).toBe(true)
      }),
      { numRuns: 5000 },
    )
  })

  it('on valid tokens with characters mutated, inserted or deleted', () => {
    const edit = fc.record({
      kind: fc.constantFrom('mutate', 'insert', 'delete'),
      at: fc.nat(),
      ch: tokenChars,
    })
    fc.assert(
      fc.property(fc.constantFrom(...tokens), fc.array(edit, { minLength: 1, maxLength: 4 }), (token, edits) => {
        let t = token
        for (const e of edits) {
          const i = e.at % (t.length + 1)
          t =
            e.kind === 'insert'
              ? t.slice(0, i) + e.ch + t.slice(i)
              : e.kind === 'delete'
                ? t.slice(0, i) + t.slice(i + 1)
                : t.slice(0, i) + e.ch + t.slice(i + 1)
        }
        const a = analyze(t)
        // Every diagnostic span stays inside the text it points into.
        for (const d of a.decoded.diagnostics) {
          if (!d.span) continue
          expect(d.span.start).toBeGreaterThanOrEqual(0)
          expect(d.span.end).toBeLessThanOrEqual(a.decoded.token.length)
        }
      }),
      { numRuns: 6000 },
    )
  })

  it('on JSON-shaped payloads of random values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (h, p) => {
        const t = `${Buffer.from(JSON.stringify(h) ?? 'null').toString('base64url')}.${Buffer.from(JSON.stringify(p) ?? 'null').toString('base64url')}.`
        decodeToken(t)
      }),
      { numRuns: 1000 },
    )
  })
})

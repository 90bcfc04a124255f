import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { utf8Offsets } from './utf8.ts'

const encoder = new TextEncoder()

describe('utf8Offsets', () => {
  it('gives the UTF-8 length of every prefix that ends between characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const at = utf8Offsets(text, encoder.encode(text).length)
        for (let i = 0; i <= text.length; i++) {
          const code = text.charCodeAt(i - 1)
          if (code >= 0xd800 && code <= 0xdbff) continue // between the halves of a pair
          expect(at(i)).toBe(encoder.encode(text.slice(0, i)).length)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('clamps offsets outside the text', () => {
    const at = utf8Offsets('aé€😀')
    expect([at(-3), at(0), at(1), at(2), at(3), at(5), at(99)]).toEqual([0, 0, 1, 3, 6, 10, 10])
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toIsoUtc } from './iso.ts'

describe('toIsoUtc (property)', () => {
  it('names the same instant the number does, for every millisecond between 0001 and 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62135596800000, max: 253402300799999 }), (ms) => {
        const iso = toIsoUtc(ms / 1000)
        expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/)
        expect(Date.parse(iso ?? '')).toBe(ms)
        // A fraction appears exactly when the value has one.
        expect(iso?.includes('.')).toBe(ms % 1000 !== 0)
      }),
    )
  })
})

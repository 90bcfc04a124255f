import { describe, expect, it } from 'vitest'
import { textKey, verifyQueryClient } from './queryClient.ts'

describe('textKey', () => {
  it('is short, stable, and differs for texts that differ in one character, in order or in length', () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.' + 'a'.repeat(20_000) + '.sig'
    expect(textKey(token)).toBe(textKey(token))
    expect(textKey(token).length).toBeLessThan(30)
    expect(textKey(token)).not.toBe(textKey(token.replace('sig', 'sih')))
    expect(textKey('ab')).not.toBe(textKey('ba'))
    expect(textKey('')).not.toBe(textKey('\u0000'))
    const seen = new Set(Array.from({ length: 5000 }, (_, i) => textKey(`key-${i}`)))
    expect(seen.size).toBe(5000)
  })
  it('cached verification results expire within seconds', () => {
    expect(verifyQueryClient.getDefaultOptions().queries?.gcTime).toBeLessThanOrEqual(5_000)
  })
})

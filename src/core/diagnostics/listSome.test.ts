import { describe, expect, it } from 'vitest'
import { LISTED_ITEMS, listSome } from './listSome.ts'

describe('listSome', () => {
  it('lists every item of a short list', () => {
    expect(listSome([])).toBe('')
    expect(listSome(['a'])).toBe('a')
    expect(listSome(['a', 'b', 'c'])).toBe('a, b, c')
    const ten = Array.from({ length: LISTED_ITEMS }, (_, i) => `x${i}`)
    expect(listSome(ten)).toBe(ten.join(', '))
  })

  it('names the first items of a long list and counts the rest', () => {
    const many = Array.from({ length: 30_000 }, (_, i) => `aud-${i}`)
    expect(listSome(many)).toBe('aud-0, aud-1, aud-2, aud-3, aud-4, aud-5, aud-6, aud-7, aud-8, aud-9 and 29,990 more')
    expect(listSome(['a', 'b', 'c'], 2)).toBe('a, b and 1 more')
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseJson } from './json.ts'

describe('parseJson', () => {
  it('agrees with JSON.parse on any JSON text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v)
        expect(parseJson(text).value).toEqual(JSON.parse(text))
      }),
      { numRuns: 1000 },
    )
  })

  it('reports the offset of a syntax error', () => {
    expect(parseJson('{"a":}').error).toEqual({ message: "Expected a JSON value but found '}'", offset: 5 })
    expect(parseJson('{"a":1').error?.offset).toBe(6)
    expect(parseJson('"abc').error).toEqual({ message: 'Unterminated string', offset: 0 })
  })

  it('records duplicates with both offsets, the last value winning', () => {
    const r = parseJson('{"a":1,"b":{"x":1,"x":2},"a":3}')
    expect(r.value).toEqual({ a: 3, b: { x: 2 } })
    expect(r.duplicates).toEqual([
      { pointer: '/b/x', key: 'x', firstOffset: 12, lastOffset: 18 },
      { pointer: '/a', key: 'a', firstOffset: 1, lastOffset: 25 },
    ])
  })

  it('records integers beyond 2^53 but not safe ones or decimals', () => {
    const r = parseJson('{"big":9007199254740993,"ok":9007199254740991,"f":1e400,"arr":[18446744073709551615]}')
    expect(r.impreciseNumbers.map((n) => [n.pointer, n.raw])).toEqual([
      ['/big', '9007199254740993'],
      ['/arr/0', '18446744073709551615'],
    ])
  })

  it('escapes "/" and "~" in pointers', () => {
    expect(parseJson('{"a/b":{"c~d":1,"c~d":2}}').duplicates[0]?.pointer).toBe('/a~1b/c~0d')
  })

  it('stops at a nesting depth limit instead of overflowing the stack', () => {
    expect(parseJson('['.repeat(100000)).error?.message).toContain('nested deeper')
  })
})

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
    const r = parseJson('{"big":9007199254740993,"ok":9007199254740991,"d":0.1,"arr":[18446744073709551615]}')
    expect(r.impreciseNumbers.map((n) => [n.pointer, n.raw, n.reason])).toEqual([
      ['/big', '9007199254740993', 'unsafe-integer'],
      ['/arr/0', '18446744073709551615', 'unsafe-integer'],
    ])
  })

  it('records numbers a double cannot hold, which JSON.parse turns into ±Infinity or 0', () => {
    const r = parseJson('{"f":1e400,"n":-1e400,"u":1e-400,"z":0e-400,"ok":1e-300,"neg":-0}')
    expect(r.impreciseNumbers.map((n) => [n.pointer, n.raw, n.reason])).toEqual([
      ['/f', '1e400', 'overflow'],
      ['/n', '-1e400', 'overflow'],
      ['/u', '1e-400', 'underflow'],
    ])
    expect(r.value).toEqual({ f: Infinity, n: -Infinity, u: 0, z: 0, ok: 1e-300, neg: -0 })
  })

  it('gives each recorded number the object or array that holds it, and its key there', () => {
    const r = parseJson('{"a":{"b":[1,12345678901234567890]}}')
    const n = r.impreciseNumbers[0]
    expect(n?.container).toBe((r.value as { a: { b: number[] } }).a.b)
    expect(n?.key).toBe(1)
  })

  it('escapes "/" and "~" in pointers', () => {
    expect(parseJson('{"a/b":{"c~d":1,"c~d":2}}').duplicates[0]?.pointer).toBe('/a~1b/c~0d')
  })

  it('stops at a nesting depth limit instead of overflowing the stack', () => {
    expect(parseJson('['.repeat(100000)).error?.message).toContain('nested deeper')
  })
})

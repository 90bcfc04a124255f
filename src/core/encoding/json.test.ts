import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { JSON_STEP_CHARS, MAX_JSON_DEPTH, parseJson, parseJsonSteps } from './json.ts'

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

  // The integer fast path (up to 15 digits, no fraction or exponent) and the regex path must read
  // every number as JSON.parse does, and reject what JSON rejects at the same place.
  it.each([
    ['0', 0],
    ['-0', -0],
    ['7', 7],
    ['-42', -42],
    ['123456789012345', 123456789012345],
    ['1234567890123456', 1234567890123456],
    ['1.5', 1.5],
    ['1e5', 1e5],
    ['10E-2', 0.1],
    ['-0.0', -0],
  ])('reads the number %s as JSON.parse does', (text, expected) => {
    const r = parseJson(`{"n":${text}}`)
    expect(r.error).toBeUndefined()
    expect(Object.is((r.value as { n: number }).n, expected)).toBe(true)
    expect(r.impreciseNumbers).toEqual([])
  })

  it.each([
    ['01', "Expected ',' or '}' in an object but found '1'", 6],
    ['-', "Invalid number starting with '-'", 5],
    ['1.', "Expected ',' or '}' in an object but found '.'", 6],
    ['+1', "Expected a JSON value but found '+'", 5],
  ])('rejects the number %s where JSON.parse does', (text, message, offset) => {
    expect(() => JSON.parse(`{"n":${text}}`)).toThrow()
    expect(parseJson(`{"n":${text}}`).error).toEqual({ message, offset })
  })
})

describe('parseJsonSteps', () => {
  const stepsOf = (text: string) => {
    const steps = parseJsonSteps(text)
    let yields = 0
    for (;;) {
      const r = steps.next()
      if (r.done) return { yields, result: r.value }
      yields++
    }
  }

  it('parses a text shorter than a step in one step', () => {
    expect(stepsOf('{"a":1,"b":[1,2,{"c":3}]}').yields).toBe(0)
  })

  it('yields about once per step of characters, at any depth, with the value JSON.parse gives', () => {
    const members = Array.from({ length: 60_000 }, (_, i) => `"k${i}":[${i},{"a":"${'x'.repeat(i % 7)}"}]`).join(',')
    for (const text of [`{${members}}`, `[[[${members.replace(/"k\d+":/g, '')}]]]`, `{"a":{"b":{${members}}}}`]) {
      const { yields, result } = stepsOf(text)
      const expected = Math.floor(text.length / JSON_STEP_CHARS)
      expect(yields).toBeGreaterThanOrEqual(expected - 1)
      expect(yields).toBeLessThanOrEqual(expected + 1)
      expect(result.error).toBeUndefined()
      // The texts are compact, with no duplicates: the value written back is the text.
      expect(JSON.stringify(result.value)).toBe(text)
    }
  })

  it('keeps the error, duplicates and imprecise numbers found before an error in a later step', () => {
    const members = Array.from(
      { length: 40_000 },
      (_, i) => `"k${i % 20_000}":${i === 5 ? '9007199254740993' : i}`,
    ).join(',')
    const text = `{${members},"bad":}`
    const { yields, result } = stepsOf(text)
    expect(yields).toBeGreaterThan(0)
    expect(result.error).toEqual({ message: "Expected a JSON value but found '}'", offset: text.length - 1 })
    expect(result.duplicates).toHaveLength(20_000)
    expect(result.impreciseNumbers.map((n) => n.pointer)).toEqual(['/k5'])
  })

  it('checks the depth limit for leaves and containers alike', () => {
    const at = (depth: number, leaf: string) => '['.repeat(depth) + leaf + ']'.repeat(depth)
    // The outermost value is at depth 0, so `at(d, x)` puts x at depth d.
    expect(parseJson(at(MAX_JSON_DEPTH, '1')).error).toBeUndefined()
    expect(parseJson(at(MAX_JSON_DEPTH, '[]')).error).toBeUndefined()
    expect(parseJson(at(MAX_JSON_DEPTH + 1, '1')).error?.message).toContain('nested deeper')
    expect(parseJson(at(MAX_JSON_DEPTH + 1, '{}')).error?.message).toContain('nested deeper')
  })
})

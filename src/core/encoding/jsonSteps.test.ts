import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readJsonInSteps, type JsonStepsSizes, type JsonStepsResult } from './jsonSteps.ts'

/** Runs every step; also gives how many steps there were. */
function read(text: string, sizes: JsonStepsSizes = {}): { result: JsonStepsResult; steps: number } {
  const steps = readJsonInSteps(text, sizes)
  for (let n = 1; ; n++) {
    const r = steps.next()
    if (r.done) return { result: r.value, steps: n }
  }
}

const native = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

/**
 * Same value, same own keys in the same order, same prototypes, at every depth. By hand: the
 * matchers compare `constructor`, which a member of that name replaces.
 */
function expectSame(actual: unknown, expected: unknown, at = ''): void {
  if (actual === null || typeof actual !== 'object' || expected === null || typeof expected !== 'object') {
    expect(Object.is(actual, expected), `${at}: ${String(actual)} vs ${String(expected)}`).toBe(true)
    return
  }
  expect(Array.isArray(actual), at).toBe(Array.isArray(expected))
  expect(Object.getPrototypeOf(actual) === Object.getPrototypeOf(expected), at).toBe(true)
  expect(Reflect.ownKeys(actual), at).toEqual(Reflect.ownKeys(expected))
  for (const k of Reflect.ownKeys(expected)) {
    const d = Object.getOwnPropertyDescriptor(actual, k)
    expect(d, `${at}/${String(k)}`).toMatchObject(
      Array.isArray(actual) && k === 'length' ? {} : { writable: true, enumerable: true, configurable: true },
    )
    expectSame(
      d?.value,
      (Object.getOwnPropertyDescriptor(expected, k) as PropertyDescriptor).value,
      `${at}/${String(k)}`,
    )
  }
}

// Strings that stress the scan: quotes, backslashes, brackets and commas inside, escapes.
const trickyString = fc.string({
  unit: fc.constantFrom('a', '"', '\\', '[', ']', '{', '}', ',', ':', ' ', '\n', 'é', '😀', '/', 'u'),
  maxLength: 8,
})
const key = fc.oneof(trickyString, fc.constantFrom('__proto__', 'r', 'a', '0', '10', 'constructor'))
const leaf = fc.oneof(
  trickyString,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(true, false, null),
)
const ws = fc.constantFrom('', ' ', '\n\t', '  \r\n')

/** JSON texts written out by hand, so that they can hold duplicate members and whitespace anywhere JSON allows. */
const text = fc
  .letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      leaf.map((l) => JSON.stringify(l)),
      fc
        .tuple(fc.array(tie('value'), { maxLength: 7 }), ws)
        .map(([items, w]) => `[${w}${items.join(`${w},${w}`)}${w}]`),
      fc
        .tuple(fc.array(fc.tuple(key, tie('value')), { maxLength: 7 }), ws)
        .map(
          ([members, w]) => `{${w}${members.map(([k, v]) => `${JSON.stringify(k)}${w}:${w}${v}`).join(`${w},`)}${w}}`,
        ),
    ),
  }))
  .value.chain((t) => ws.map((w) => `${w}${t}${w}`))

describe('readJsonInSteps', () => {
  it('reads a large object the way JSON.parse does, in steps', () => {
    const wire = {
      h: '{"alg":"RS256"}',
      p: '{"a":"[redacted]"}',
      r: Array.from({ length: 50_000 }, (_, i) => [i % 7 === 0 ? `/x${i % 10}` : '/a', 'uid']),
    }
    const t = JSON.stringify(wire)
    const { result, steps } = read(t)
    if (!('value' in result)) throw new Error('not read')
    expect(JSON.stringify(result.value)).toBe(t)
    // ~650 KB scanned and parsed in steps of bounded work, not in one.
    expect(steps).toBeGreaterThan(1)
  })

  it('gives JSON.parse’s value, or an error exactly when JSON.parse throws, whatever the group size', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 40 }), (t, piece) => {
        const expected = native(t)
        const { result } = read(t, { piece, stepWork: 16 })
        if (expected.ok) {
          expect(result).toHaveProperty('value')
          if ('value' in result) expectSame(result.value, expected.value)
        } else expect(result).toHaveProperty('error')
      }),
      { numRuns: 3000 },
    )
  })

  it('says an error exactly when JSON.parse does, for damaged texts', () => {
    const damaged = fc
      .tuple(text, fc.nat(), fc.constantFrom('', ',', ']', '}', '[', '{', '"', ':', 'x', '1', '\\', ' '))
      .map(([t, at, c]) => {
        const i = at % (t.length + 1)
        return t.slice(0, i) + c + t.slice(i + (at % 2))
      })
    fc.assert(
      fc.property(damaged, fc.integer({ min: 1, max: 40 }), (t, piece) => {
        const expected = native(t)
        const { result } = read(t, { piece, stepWork: 16 })
        expect('error' in result).toBe(!expected.ok)
        if (expected.ok && 'value' in result) expectSame(result.value, expected.value)
      }),
      { numRuns: 3000 },
    )
  })

  it('puts the error of a text cut short at its end', () => {
    const wire = JSON.stringify({ h: 'x', r: Array.from({ length: 2000 }, (_, i) => [`/a${i}`, 'uid']) })
    for (const cut of [1, 2, 5, 13, 100, 1000, wire.length - 2, wire.length - 1]) {
      const t = wire.slice(0, cut)
      for (const piece of [3, 64, 1 << 20]) {
        const { result } = read(t, { piece })
        expect(result, `cut ${cut}, piece ${piece}`).toEqual({ error: expect.objectContaining({ offset: t.length }) })
      }
    }
  })

  it('keeps "__proto__" a member and takes the last of duplicate members, across groups', () => {
    const t = `{"__proto__":{"admin":true},"a":1,${'"b":[1,2,3],'.repeat(50)}"a":[${'0,'.repeat(100)}0],"__proto__":2}`
    const { result } = read(t, { piece: 16 })
    if (!('value' in result)) throw new Error('not read')
    const v = result.value as Record<string, unknown>
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype)
    expect(Object.hasOwn(v, '__proto__')).toBe(true)
    expectSame(v, JSON.parse(t))
  })

  it('refuses JSON nested deeper than 256 levels, and reads 256', () => {
    const nest = (n: number) => `${'['.repeat(n)}${'0,'.repeat(100)}0${']'.repeat(n)}`
    expect(read(nest(256), { piece: 16 }).result).toHaveProperty('value')
    expect(read(nest(257), { piece: 16 }).result).toEqual({
      error: expect.objectContaining({ message: 'JSON nested deeper than 256 levels' }),
    })
  })

  it('reads a scalar text in one step', () => {
    expect(read(JSON.stringify('x'.repeat(100_000))).result).toEqual({ value: 'x'.repeat(100_000) })
    expect(read(JSON.stringify('x'.repeat(100_000))).steps).toBe(1)
    expect(read(' 12 ').result).toEqual({ value: 12 })
    expect(read('').result).toHaveProperty('error')
    expect(read('nul').result).toHaveProperty('error')
  })
})

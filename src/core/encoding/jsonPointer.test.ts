import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { JsonValue } from './json.ts'
import { childPointer, escapePointerToken, evaluatePointer, parsePointer, pointerFrom } from './jsonPointer.ts'

// RFC 6901 §5: the example document and the table of pointers with the values they evaluate to.
const RFC_DOCUMENT: JsonValue = {
  foo: ['bar', 'baz'],
  '': 0,
  'a/b': 1,
  'c%d': 2,
  'e^f': 3,
  'g|h': 4,
  'i\\j': 5,
  'k"l': 6,
  ' ': 7,
  'm~n': 8,
}
const RFC_TABLE: [string, JsonValue][] = [
  ['', RFC_DOCUMENT],
  ['/foo', ['bar', 'baz']],
  ['/foo/0', 'bar'],
  ['/', 0],
  ['/a~1b', 1],
  ['/c%d', 2],
  ['/e^f', 3],
  ['/g|h', 4],
  ['/i\\j', 5],
  ['/k"l', 6],
  ['/ ', 7],
  ['/m~0n', 8],
]

describe('JSON Pointer', () => {
  it.each(RFC_TABLE)('evaluates %j as RFC 6901 §5 says', (pointer, expected) => {
    expect(evaluatePointer(RFC_DOCUMENT, pointer)).toEqual(expected)
  })

  it('unescapes ~1 before ~0, so ~01 is the two characters ~1', () => {
    expect(parsePointer('/~01')).toEqual(['~1'])
    expect(escapePointerToken('~1')).toBe('~01')
  })

  it('refuses what is not a pointer', () => {
    expect(parsePointer('foo')).toBeUndefined()
    expect(parsePointer('/a~2b')).toBeUndefined()
    expect(parsePointer('/a~')).toBeUndefined()
    expect(evaluatePointer(RFC_DOCUMENT, '/foo/01')).toBeUndefined()
    expect(evaluatePointer(RFC_DOCUMENT, '/foo/-')).toBeUndefined()
    expect(evaluatePointer(RFC_DOCUMENT, '/foo/0/x')).toBeUndefined()
    expect(evaluatePointer({}, '/constructor')).toBeUndefined()
  })

  it('joins member names and indices', () => {
    expect(pointerFrom([])).toBe('')
    expect(pointerFrom(['kubernetes.io', 'pod', 'name'])).toBe('/kubernetes.io/pod/name')
    expect(pointerFrom(['kubernetes.io/serviceaccount/namespace'])).toBe('/kubernetes.io~1serviceaccount~1namespace')
    expect(childPointer('/aud', 0)).toBe('/aud/0')
  })

  it('parses back what it joins, for any member names', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' })), (tokens) => {
        expect(parsePointer(pointerFrom(tokens))).toEqual(tokens)
      }),
    )
  })
})

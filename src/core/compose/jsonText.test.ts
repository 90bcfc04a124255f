import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseJson } from '../encoding/json.ts'
import { checkJsonText, formatJsonText, minifyJson, positionAt, setPath, withMember, writeJson } from './jsonText.ts'

describe('checkJsonText', () => {
  it('names line and column of the first error', () => {
    const text = '{\n  "sub": "a",\n  "aud": ["x" "y"]\n}'
    const r = checkJsonText(text, 'payload')
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.position).toEqual({ line: 3, column: 15 })
    expect(r.diagnostics).toEqual([
      {
        code: 'COMPOSE_JSON_INVALID',
        severity: 'error',
        part: 'payload',
        span: { start: 30, end: 31 },
        message: "Payload JSON, line 3, column 15: Expected ',' or ']' in an array but found '\"'.",
        ref: { label: 'RFC 8259', url: 'https://www.rfc-editor.org/rfc/rfc8259' },
      },
    ])
  })

  it('counts columns in characters, so an emoji before the error counts once', () => {
    const r = checkJsonText('{"name": "😀", x}', 'header')
    expect(r.ok ? undefined : r.position).toEqual({ line: 1, column: 15 })
    expect(r.diagnostics[0]?.message).toMatch(/^Header JSON, line 1, column 15: /)
  })

  it('asks for an object when the text is empty, an array or a string', () => {
    expect(checkJsonText('  ', 'payload').diagnostics[0]?.message).toBe(
      'Payload JSON is empty: write a JSON object, at least {}.',
    )
    const arr = checkJsonText('[1]', 'payload').diagnostics[0]
    expect([arr?.code, arr?.message]).toEqual([
      'PAYLOAD_NOT_OBJECT',
      "Payload JSON is an array; a token's claims must be one JSON object in braces, {…}.",
    ])
    expect(checkJsonText('"x"', 'header').diagnostics[0]?.message).toBe(
      "Header JSON is a string; a token's header must be one JSON object in braces, {…}.",
    )
  })

  it('warns about a member written twice, at the second one', () => {
    const r = checkJsonText('{\n  "sub": "a",\n  "sub": "b"\n}', 'payload')
    expect(r.ok).toBe(true)
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.pointer, d.message.slice(0, 48)])).toEqual([
      ['JSON_DUPLICATE_MEMBER', 'warning', '/sub', 'Payload JSON, line 3, column 3: "sub" is written'],
    ])
  })
})

describe('minifyJson and formatJsonText', () => {
  it('keep every token as written: order, duplicates, escapes, digits', () => {
    const text = '{ "b" : 1 , "a":[ 12345678901234567890, 1.50e3 ],"a" : "x \\" y\\u00e9  z", "e": {} , "f":[ ] }'
    expect(minifyJson(text)).toBe('{"b":1,"a":[12345678901234567890,1.50e3],"a":"x \\" y\\u00e9  z","e":{},"f":[]}')
    expect(formatJsonText(text)).toBe(
      '{\n  "b": 1,\n  "a": [\n    12345678901234567890,\n    1.50e3\n  ],\n  "a": "x \\" y\\u00e9  z",\n  "e": {},\n  "f": []\n}',
    )
  })

  it('format then minify gives the minified text back, for any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2, 4), (v, indent) => {
        const text = JSON.stringify(v, null, indent)
        expect(minifyJson(formatJsonText(text))).toBe(minifyJson(text))
        expect(parseJson(formatJsonText(text)).value).toEqual(parseJson(text).value)
        expect(minifyJson(text)).toBe(JSON.stringify(v))
      }),
    )
  })
})

describe('member edits', () => {
  it('insert in sorted place when the keys are sorted, at the end otherwise', () => {
    expect(Object.keys(withMember({ alg: 'RS256', typ: 'JWT' }, 'kid', 'k'))).toEqual(['alg', 'kid', 'typ'])
    expect(Object.keys(withMember({ typ: 'JWT', alg: 'RS256' }, 'kid', 'k'))).toEqual(['typ', 'alg', 'kid'])
    expect(Object.keys(withMember({ b: 1, a: 2 }, 'b', 3))).toEqual(['b', 'a'])
  })

  it('create and prune the objects on a path', () => {
    const made = setPath({}, ['kubernetes.io', 'pod', 'name'], 'web')
    expect(made).toEqual({ 'kubernetes.io': { pod: { name: 'web' } } })
    expect(setPath(made, ['kubernetes.io', 'pod', 'name'], undefined)).toEqual({})
    expect(setPath({ a: 1 }, ['x', 'y'], undefined)).toEqual({ a: 1 })
  })

  it('keeps the digits of large integers that stay in place', () => {
    const parsed = parseJson('{"id":12345678901234567890,"n":98765432109876543210}')
    const value = withMember(parsed.value as never, 'n', 5)
    expect(writeJson(value, parsed)).toBe('{\n  "id": 12345678901234567890,\n  "n": 5\n}')
  })

  it('reports positions from offsets', () => {
    expect(positionAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 })
    expect(positionAt('', 0)).toEqual({ line: 1, column: 1 })
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { DecodedJson } from '../decode/decodeToken.ts'
import { parseJson, type JsonObject } from '../encoding/json.ts'
import { prettyJson } from './rows.ts'

const decoded = (value: JsonObject, impreciseNumbers: DecodedJson['impreciseNumbers'] = []): DecodedJson => ({
  text: '',
  value,
  impreciseNumbers,
  duplicates: [],
})
// An imprecise-number entry that matches no member forces the general path, so both paths can be compared.
const NO_MATCH: DecodedJson['impreciseNumbers'] = [
  { pointer: '/\u0000no-such-member', raw: '0', offset: 0, reason: 'unsafe-integer', container: {}, key: 'x' },
]

describe('prettyJson', () => {
  it('prints the same text on the fast path (no imprecise integers) as on the general path', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const value = obj as JsonObject
        expect(prettyJson(decoded(value))).toBe(prettyJson(decoded(value, NO_MATCH)))
      }),
      { numRuns: 500 },
    )
  })

  it('keeps the exact text of an integer beyond 2^53', () => {
    const parsed = parseJson('{"id": 12345678901234567890, "n": [1, 2]}')
    const json = decoded(parsed.value as JsonObject, parsed.impreciseNumbers)
    expect(prettyJson(json)).toBe('{\n  "id": 12345678901234567890,\n  "n": [\n    1,\n    2\n  ]\n}')
  })

  it('prints empty containers compactly and escapes strings as JSON', () => {
    expect(prettyJson(decoded({ a: [], b: {}, c: 'x"\n' }))).toBe('{\n  "a": [],\n  "b": {},\n  "c": "x\\"\\n"\n}')
  })
})

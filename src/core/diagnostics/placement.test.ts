import { describe, expect, it } from 'vitest'
import { analyze } from '../analysis/analyze.ts'
import { claimRows } from '../analysis/rows.ts'
import { parseJson } from '../encoding/json.ts'
import { rawToken } from '../../test/tokens.ts'
import type { Diagnostic } from './diagnostic.ts'
import { placeDiagnostics } from './placement.ts'
import { placedAt } from '../../test/placed.ts'

const rowsOf = (json: string) => {
  const parsed = parseJson(json)
  if (parsed.error || parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value))
    throw new Error('test JSON')
  return claimRows({ text: json, value: parsed.value, impreciseNumbers: [] } as never)
}
const d = (pointer: string | undefined, location?: 'header' | 'payload'): Diagnostic =>
  ({ code: 'X', severity: 'info', message: pointer ?? 'none', pointer, location }) as never

describe('placeDiagnostics: which row owns a diagnostic', () => {
  const payload = rowsOf('{"aud":["a","b"],"kubernetes.io":{"pod":{"name":"p"}},"a/b":1}')
  const header = rowsOf('{"alg":"none"}')

  it('puts each diagnostic on exactly one row or in the general list, in order', () => {
    const list = [
      d('/aud/1'),
      d('/kubernetes.io/pod/name'),
      d('/kubernetes.io/pod'),
      d('/kubernetes.io/missing'),
      d('/a~1b'),
      d('/alg', 'header'),
      d('/alg'),
      d(undefined),
      d('/aud'),
    ]
    const p = placeDiagnostics(list, header, payload)
    // An array element belongs to its leaf row; a group heading owns only its own diagnostics.
    expect(placedAt(p.payload, payload, '/aud')).toEqual([list[0], list[8]])
    expect(placedAt(p.payload, payload, '/kubernetes.io/pod/name')).toEqual([list[1]])
    expect(placedAt(p.payload, payload, '/kubernetes.io/pod')).toEqual([list[2]])
    expect(placedAt(p.payload, payload, '/a~1b')).toEqual([list[4]])
    expect(placedAt(p.header, header, '/alg')).toEqual([list[5]])
    // A member no row shows, a header pointer checked against the payload, no pointer: general.
    expect(p.general).toEqual([list[3], list[6], list[7]])
    const placed = [...p.header.values(), ...p.payload.values()].flat().length + p.general.length
    expect(placed).toBe(list.length)
  })

  it('keys each list by its row index, the same for any length of member name', () => {
    const long = 'n'.repeat(20_000)
    const rows = rowsOf(`{"${long}":{"a":1,"b":2,"c":3}}`)
    const p = placeDiagnostics([d(`/${long}/b`), d(`/${long}/c`), d(`/${long}`)], [], rows)
    const indexOf = (pointer: string) => rows.find((r) => r.pointer === pointer)?.index
    expect([...p.payload.keys()]).toEqual([indexOf(`/${long}/b`), indexOf(`/${long}/c`), indexOf(`/${long}`)])
    expect(new Set(rows.map((r) => r.index)).size).toBe(rows.length)
  })

  it('is what analyze() returns, with the same diagnostics', () => {
    const a = analyze(rawToken('{"alg":"none"}', '{"exp":"soon"}', ''))
    const all = [...a.placement.header.values(), ...a.placement.payload.values(), a.placement.general].flat()
    expect(new Set(all)).toEqual(new Set(a.diagnostics))
    expect(a.placement).toEqual(placeDiagnostics(a.diagnostics, a.headerRows, a.payloadRows))
  })
})

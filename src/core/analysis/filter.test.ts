import { describe, expect, it } from 'vitest'
import { claimRows } from './rows.ts'
import { parseJson } from '../encoding/json.ts'
import { filterRows } from './filter.ts'

import type { DecodedJson } from '../decode/decodeToken.ts'

const json = (text: string): DecodedJson => {
  const p = parseJson(text)
  return {
    text,
    value: p.value as DecodedJson['value'],
    impreciseNumbers: p.impreciseNumbers,
    duplicates: p.duplicates,
  }
}
const rows = claimRows(
  json(
    '{"iss":"https://idp.example.com","exp":1700000000,"kubernetes.io":{"namespace":"prod","pod":{"name":"web"}},"groups":["admins","dev"]}',
  ),
)
const titles = (r: { name: string }) => (r.name === 'exp' ? ['Expiration Time'] : [])
const show = (q: string) => filterRows(rows, q, titles).map((r) => r.pointer)

describe('filterRows', () => {
  it('shows everything for an empty query', () => {
    expect(show('  ')).toHaveLength(rows.length)
  })
  it('matches names, titles and values, case-insensitively', () => {
    expect(show('ISS')).toEqual(['/iss'])
    expect(show('expiration')).toEqual(['/exp'])
    expect(show('1700000')).toEqual(['/exp'])
    expect(show('admins')).toEqual(['/groups'])
  })
  it('keeps the group headings of a nested match, and the members of a matching group', () => {
    expect(show('web')).toEqual(['/kubernetes.io', '/kubernetes.io/pod', '/kubernetes.io/pod/name'])
    expect(show('pod')).toEqual(['/kubernetes.io', '/kubernetes.io/pod', '/kubernetes.io/pod/name'])
  })
  it('shows nothing when nothing matches', () => {
    expect(show('zzz')).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { claimRows } from './rows.ts'
import { parseJson } from '../encoding/json.ts'
import { createRowSearch, filterRows } from './filter.ts'

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

describe('createRowSearch: prepared ahead of the first query', () => {
  it('builds the search text a slice at a time, and finds the same rows as built at once', () => {
    const counted: string[] = []
    const search = createRowSearch(rows, (r) => {
      counted.push(r.pointer)
      return titles(r)
    })
    expect(search.prepare?.(2)).toBe(true)
    expect(counted).toHaveLength(2)
    while (search.prepare?.(2)) {
      /* slice after slice, as idle time allows */
    }
    expect(counted).toHaveLength(rows.length)
    for (const q of ['iss', 'expiration', 'prod', 'admins', 'nothing'])
      expect(search(q)).toEqual(filterRows(rows, q, titles))
    // Nothing is built twice.
    expect(counted).toHaveLength(rows.length)
  })

  it('matches numbers, booleans and null by their JSON text', () => {
    const scalars = claimRows(json('{"n":1700000000,"b":true,"z":null,"f":1.5}'))
    const find = (q: string) => filterRows(scalars, q).map((r) => r.pointer)
    expect(find('17000')).toEqual(['/n'])
    expect(find('true')).toEqual(['/b'])
    expect(find('null')).toEqual(['/z'])
    expect(find('1.5')).toEqual(['/f'])
  })
})

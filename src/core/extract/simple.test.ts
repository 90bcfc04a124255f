import { describe, expect, it } from 'vitest'
import { fixture } from '../../test/tokens.ts'
import { analyze } from '../analysis/analyze.ts'
import { extractSimple, extractToken } from './index.ts'

const rs256 = fixture('rfc7515-a2-rs256').token

describe('the start-up extractor and analyze()', () => {
  it('handles bare, quoted, Bearer and broken tokens synchronously, without the full extractor', () => {
    expect(analyze(`'${rs256}'`).extraction).toMatchObject({ token: rs256, source: 'raw' })
    expect(analyze(`Bearer ${rs256}`).extraction).toMatchObject({ token: rs256, source: 'bearer' })
    expect(analyze(`${rs256.slice(0, 50)}\n${rs256.slice(50)}`).extraction).toMatchObject({
      token: rs256,
      source: 'whitespace-stripped',
    })
    expect(analyze(`${rs256}`).kind).toBe('jwt')
  })

  it('asks for the full extractor otherwise, decoding the paste as is meanwhile', () => {
    const curl = `curl -H "Authorization: Bearer ${rs256}" https://x.example`
    const e = extractSimple(curl)
    expect(e).toMatchObject({ pending: 'extractor', token: curl, source: 'raw' })
    expect(analyze(curl).extraction.pending).toBe('extractor')
    const full = analyze(curl, { extract: extractToken })
    expect(full.extraction).toMatchObject({ token: rs256, source: 'authorization-header' })
    expect(full.kind).toBe('jwt')
  })

  it('passes the pick and the YAML parser through', () => {
    const two = `${rs256} ${fixture('rfc7515-a1-hs256').token}`
    expect(analyze(two, { extract: extractToken, pick: 1 }).extraction.selected).toBe(1)
    expect(analyze('kind: Secret\n', { extract: extractToken }).extraction.pending).toBe('yaml')
    expect(
      analyze('kind: Secret\n', {
        extract: extractToken,
        parseYaml: () => [{ kind: 'Secret' }],
      }).extraction.diagnostics.map((d) => d.code),
    ).toEqual(['NO_TOKEN_FOUND'])
  })

  it('leaves a 2 MB paste to the full extractor, which declines it unread', () => {
    const big = 'a'.repeat(2 * 1024 * 1024)
    const e = extractSimple(big)
    expect(e.pending).toBe('extractor')
    expect(e.token).toBe('')
    expect(e.diagnostics).toEqual([])
    const full = extractToken(big)
    expect(full.pending).toBeUndefined()
    expect(full.token).toBe('')
    expect(full.diagnostics.map((d) => d.code)).toEqual(['PASTE_TOO_LARGE'])
  })
})

describe('extractSimple and SD-JWT', () => {
  it('takes an SD-JWT with its disclosures as pasted, without waiting for the full extractor', () => {
    const sd = 'eyJhbGciOiJFUzI1NiJ9.eyJfc2QiOltdfQ.c2ln~WyJzYWx0IiwiZ2l2ZW5fbmFtZSIsIkpvaG4iXQ~'
    const x = extractSimple(sd)
    expect(x.token).toBe(sd)
    expect(x.source).toBe('raw')
    expect(x.pending).toBeUndefined()
  })
})

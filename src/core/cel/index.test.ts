import { describe, expect, it } from 'vitest'
import { createCelEngine, goFormatDouble, unescapeKey } from './index.ts'

const cel = createCelEngine()
const evalClaims = (expr: string, claims: Record<string, unknown>) => {
  const c = cel.compile(expr, 'claims')
  if (!c.ok) return c
  return c.program.evaluate({ claims: claims as never })
}

describe('the CEL adapter', () => {
  it('unescapes keys as apiserver pkg/cel/escaping.go does', () => {
    expect(unescapeKey('kubernetes__dot__io')).toBe('kubernetes.io')
    expect(unescapeKey('a__dash__b__slash__c__underscores__d')).toBe('a-b/c__d')
    expect(unescapeKey('__namespace__')).toBe('namespace')
    expect(unescapeKey('x__namespace__')).toBeUndefined()
    expect(unescapeKey('__bogus__')).toBeUndefined()
  })
  it('formats doubles as Go’s strconv %g does', () => {
    expect([1700000000, 1, 1.5, 123456, 1234567, 0.0001, 0.00001, -0, NaN, Infinity].map(goFormatDouble)).toEqual([
      '1.7e+09',
      '1',
      '1.5',
      '123456',
      '1.234567e+06',
      '0.0001',
      '1e-05',
      '-0',
      'NaN',
      '+Inf',
    ])
  })
  it('reaches dotted claim names and reports a missing key as cel-go does', () => {
    expect(evalClaims('claims.kubernetes__dot__io.namespace', { 'kubernetes.io': { namespace: 'ns' } })).toEqual({
      ok: true,
      value: { type: 'string', value: 'ns' },
    })
    expect(evalClaims('claims.x', {})).toEqual({ ok: false, error: 'no such key: x', offline: false })
  })
  it('JSON numbers are doubles, as upstream decodes claims', () => {
    expect(evalClaims('type(claims.n) == double', { n: 1 })).toMatchObject({ ok: true, value: { value: true } })
  })
  it('string() of a double that Go would print differently is not guessed', () => {
    expect(evalClaims('string(claims.exp)', { exp: 1700000000 })).toMatchObject({ ok: false, offline: true })
    expect(evalClaims('string(claims.n)', { n: 1 })).toEqual({ ok: true, value: { type: 'string', value: '1' } })
  })
  it('the sets extension works; functions the library lacks are marked offline', () => {
    expect(evalClaims('sets.intersects(claims.a, ["x"])', { a: ['x', 'y'] })).toMatchObject({
      ok: true,
      value: { value: true },
    })
    expect(cel.compile('claims.s.replace("a", "b") == "b"', 'claims')).toMatchObject({ ok: false, offline: true })
    expect(cel.compile('claims.m.all(k, v, v == 1)', 'claims')).toMatchObject({ ok: false, offline: true })
    expect(cel.compile('nosuch.fn(claims)', 'claims')).toMatchObject({ ok: false, offline: false })
  })
  it('knows which expressions select claims.email', () => {
    const p = cel.compile('has(claims.email) ? claims.email : claims["email_verified"]', 'claims')
    expect(p.ok && [p.program.selectsClaim('email'), p.program.selectsClaim('email_verified')]).toEqual([true, false])
  })
  it('gives user rules the UserInfo type', () => {
    expect(cel.compile('user.nosuch == "a"', 'user').ok).toBe(false)
    const p = cel.compile('"g" in user.groups && user.extra["a.b/c"][0] == "v"', 'user')
    expect(
      p.ok && p.program.evaluate({ user: { username: 'u', uid: '', groups: ['g'], extra: { 'a.b/c': ['v'] } } }),
    ).toEqual({
      ok: true,
      value: { type: 'bool', value: true },
    })
  })
})

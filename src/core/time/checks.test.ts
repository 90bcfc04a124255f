import { describe, expect, it } from 'vitest'
import { analyze } from '../analysis/analyze.ts'
import { tokenChecks } from '../checks/tokenChecks.ts'
import { rawToken } from '../../test/tokens.ts'
import { iatInFuture, timeDiagnostics } from './checks.ts'

const codes = (p: Record<string, unknown>) => timeDiagnostics(p as never).map((d) => [d.code, d.pointer])

describe('timeDiagnostics', () => {
  it('is silent for a well-formed token', () => {
    expect(
      codes({ iat: 1660909741, nbf: 1660909741, exp: 1692445741, 'kubernetes.io': { warnafter: 1660913348 } }),
    ).toEqual([])
  })
  it('warns about milliseconds mistaken for seconds, and says what they would mean', () => {
    const [d] = timeDiagnostics({ exp: 1692445741000 })
    expect(d).toMatchObject({ code: 'TIME_IN_MILLISECONDS', severity: 'warning', pointer: '/exp', location: 'payload' })
    expect(d?.message).toContain('2023-08-19T11:49:01Z')
  })
  it('flags strings, other types, negatives and the far future on the right row', () => {
    expect(
      codes({ exp: '1692445741', nbf: null, iat: -5, auth_time: 1e300, 'kubernetes.io': { warnafter: true } }),
    ).toEqual([
      ['TIME_NOT_A_NUMBER', '/exp'],
      ['TIME_NOT_A_NUMBER', '/nbf'],
      ['TIME_NEGATIVE', '/iat'],
      ['TIME_BEYOND_9999', '/auth_time'],
      ['TIME_NOT_A_NUMBER', '/kubernetes.io/warnafter'],
    ])
  })
  it('flags the order of iat, nbf and exp', () => {
    expect(codes({ iat: 200, nbf: 100, exp: 150 })).toEqual([
      ['TIME_IAT_AFTER_EXP', '/iat'],
      ['TIME_NBF_BEFORE_IAT', '/nbf'],
    ])
    expect(codes({ nbf: 200, exp: 200 })).toEqual([['TIME_NBF_NOT_BEFORE_EXP', '/nbf']])
  })
  it('accepts fractional seconds without a word', () => {
    expect(codes({ iat: 1660909741.25, exp: 1660913341.75 })).toEqual([])
  })
  it('reaches the page through analyze with the checks the knowledge base brings, attached to the claim row', () => {
    const token = rawToken('{"alg":"none"}', '{"exp":1692445741000}', '')
    const a = analyze(token, { checks: tokenChecks })
    expect(a.diagnostics.filter((d) => d.code.startsWith('TIME_')).map((d) => [d.code, d.pointer, d.location])).toEqual(
      [['TIME_IN_MILLISECONDS', '/exp', 'payload']],
    )
    // The first view, before the checks have loaded, shows the row without it.
    expect(analyze(token).diagnostics.filter((d) => d.code.startsWith('TIME_'))).toEqual([])
  })
})

describe('iatInFuture', () => {
  it('fires only beyond the leeway', () => {
    expect(iatInFuture({ iat: 1000 }, 1000)).toBeUndefined()
    expect(iatInFuture({ iat: 1001 }, 1000)?.code).toBe('TIME_IAT_IN_FUTURE')
    expect(iatInFuture({ iat: 1060 }, 1000, 60)).toBeUndefined()
    expect(iatInFuture({ iat: 1061 }, 1000, 60)).toMatchObject({ pointer: '/iat', location: 'payload' })
  })
})

import { describe, expect, it } from 'vitest'
import { fixture } from '../../test/tokens.ts'
import { decodeToken } from '../decode/decodeToken.ts'
import type { JsonObject } from '../encoding/json.ts'
import { lifetime, remainingSeconds, validityAt } from './validity.ts'

function fixturePayload(name: string): JsonObject {
  const p = decodeToken(fixture(name).token).payload
  if (p.kind !== 'claims') throw new Error(`${name} has no claims`)
  return p.json.value
}

describe('validityAt', () => {
  const seed = { iat: 1660909741, nbf: 1660909741, exp: 1692445741, 'kubernetes.io': { warnafter: 1660913348 } }
  const WARN = 1660913348
  it.each([
    [1660909741, 'valid'],
    [1660913348, 'valid'],
    [1660913349, 'stale'],
    [1692445740, 'stale'],
    [1692445741, 'expired'],
    [1660909740, 'not-yet-valid'],
  ] as const)('at %i the seed token is %s', (now, state) => {
    expect(validityAt(seed, now, 0, WARN)).toBe(state)
  })
  it('honours leeway on both ends', () => {
    expect(validityAt(seed, 1692445741 + 59, 60, WARN)).toBe('stale')
    expect(validityAt(seed, 1660909741 - 59, 60)).toBe('valid')
  })
  it('says no-expiry without exp', () => {
    expect(validityAt({ iss: 'kubernetes/serviceaccount' }, 0)).toBe('no-expiry')
  })
})

describe('every validity state, with and without leeway', () => {
  const t = { iat: 1000, nbf: 1000, exp: 2000 }
  it.each([
    [999, 0, 'not-yet-valid'],
    [999, 1, 'valid'],
    [940, 60, 'valid'],
    [939, 60, 'not-yet-valid'],
    [1000, 0, 'valid'],
    [1999, 0, 'valid'],
    [2000, 0, 'expired'],
    [2000, 60, 'valid'],
    [2059, 60, 'valid'],
    [2060, 60, 'expired'],
  ] as const)('at %i with %i s leeway: %s', (now, leeway, state) => {
    expect(validityAt(t, now, leeway)).toBe(state)
  })
  it('treats a non-number exp as absent: no-expiry (the row carries TIME_NOT_A_NUMBER)', () => {
    expect(validityAt({ exp: '2000' }, 0)).toBe('no-expiry')
  })
  it('stale does not use leeway: it is a warning threshold, not a rejection', () => {
    expect(validityAt(t, 1500, 60, 1500)).toBe('valid')
    expect(validityAt(t, 1501, 60, 1500)).toBe('stale')
    expect(validityAt(t, 2059, 60, 1500)).toBe('stale')
    expect(validityAt(t, 2060, 60, 1500)).toBe('expired')
  })
  it('knows no Kubernetes claims: without staleAfter a warnafter in the payload changes nothing', () => {
    expect(validityAt({ ...t, 'kubernetes.io': { warnafter: 1500 } }, 1600)).toBe('valid')
  })
  it('is not-yet-valid before nbf even without exp', () => {
    expect(validityAt({ nbf: 10 }, 9)).toBe('not-yet-valid')
    expect(validityAt({ nbf: 10 }, 10)).toBe('no-expiry')
  })
})

describe('the seed extended token', () => {
  const seed = fixturePayload('seed-bound-pod-v1.24')
  it('lives one year', () => {
    expect(lifetime(seed)).toEqual({ seconds: 31536000, from: 'iat' })
  })
  it('counts the remaining time down from exp', () => {
    expect(remainingSeconds(seed, 1692445741 - 3607)).toBe(3607)
    expect(remainingSeconds({}, 0)).toBeUndefined()
  })
})

describe('lifetime', () => {
  it('falls back to exp − nbf without iat, and is absent without exp', () => {
    expect(lifetime({ nbf: 100, exp: 700 })).toEqual({ seconds: 600, from: 'nbf' })
    expect(lifetime({ iat: 100 })).toBeUndefined()
    expect(lifetime({ exp: 100 })).toBeUndefined()
  })
})

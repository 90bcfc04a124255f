import { describe, expect, it } from 'vitest'
import { validityAt } from './validity.ts'

describe('validityAt', () => {
  const seed = { iat: 1660909741, nbf: 1660909741, exp: 1692445741, 'kubernetes.io': { warnafter: 1660913348 } }
  it.each([
    [1660909741, 'valid'],
    [1660913348, 'valid'],
    [1660913349, 'stale'],
    [1692445740, 'stale'],
    [1692445741, 'expired'],
    [1660909740, 'not-yet-valid'],
  ] as const)('at %i the seed token is %s', (now, state) => {
    expect(validityAt(seed, now)).toBe(state)
  })
  it('honours leeway on both ends', () => {
    expect(validityAt(seed, 1692445741 + 59, 60)).toBe('stale')
    expect(validityAt(seed, 1660909741 - 59, 60)).toBe('valid')
  })
  it('says no-expiry without exp', () => {
    expect(validityAt({ iss: 'kubernetes/serviceaccount' }, 0)).toBe('no-expiry')
  })
})

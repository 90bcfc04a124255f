import { hashKey } from '@tanstack/react-query'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { COLLIDING_SECRETS } from '../../test/colliding-secrets.ts'
import { kidsQueryKey, verifyQueryClient, verifyQueryKey } from './queryClient.ts'

/**
 * The key function this module used before (length and two 32-bit multiply-xor hashes), kept here
 * only to show that the two secrets of colliding-secrets.ts collide under it.
 */
function oldTextKey(text: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ text.length
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995)
    b ^= b >>> 15
  }
  return `${text.length}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`
}

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.e30.sig'

describe('verifyQueryKey', () => {
  it('separates two secrets that collided under the old 64-bit hash', () => {
    const [a, b] = COLLIDING_SECRETS
    expect(oldTextKey(a)).toBe(oldTextKey(b))
    expect(hashKey(verifyQueryKey(TOKEN, a, 'utf8', 'HS256'))).not.toBe(
      hashKey(verifyQueryKey(TOKEN, b, 'utf8', 'HS256')),
    )
    expect(hashKey(kidsQueryKey(a, 'utf8', 'HS256'))).not.toBe(hashKey(kidsQueryKey(b, 'utf8', 'HS256')))
  })

  it('gives different inputs different cache entries, as react-query hashes them', () => {
    const input = fc.tuple(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
      fc.constantFrom('utf8', 'base64', 'base64url') as fc.Arbitrary<'utf8' | 'base64' | 'base64url'>,
      fc.constantFrom('HS256', 'RS256', undefined),
    )
    fc.assert(
      fc.property(input, input, (x, y) => {
        fc.pre(JSON.stringify(x) !== JSON.stringify(y))
        expect(hashKey(verifyQueryKey(...x))).not.toBe(hashKey(verifyQueryKey(...y)))
      }),
      { numRuns: 2000 },
    )
  })

  it('leaves the token out while no key is given, so typing tokens alone keeps nothing', () => {
    expect(verifyQueryKey('a.b.c', '', 'utf8', 'RS256')).toEqual(verifyQueryKey('x.y.z', '', 'utf8', 'RS256'))
  })

  it('cached verification results expire within seconds', () => {
    expect(verifyQueryClient.getDefaultOptions().queries?.gcTime).toBeLessThanOrEqual(5_000)
  })
})

import { QueryClient } from '@tanstack/react-query'
import type { HmacEncoding } from '../../core/verify/index.ts'

// One client for the verification panel. Results depend only on the token and the key text, so
// they never go stale; they are dropped a few seconds after the panel stops showing them, so pasted
// secrets and large tokens do not linger in memory.
export const verifyQueryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, gcTime: 5_000, retry: false, refetchOnWindowFocus: false } },
})

/**
 * The query key of a verification: the exact token, key text, encoding and algorithm, so that
 * two different inputs can never share a verdict. It used to be a 64-bit non-cryptographic hash
 * of each text, and two crafted secrets with the same hash made the second show the first one's
 * "verified". The texts live in the cache only as long as the result (gcTime above); with no key
 * given the token is left out, so that typing tokens alone caches nothing.
 */
export function verifyQueryKey(token: string, keyText: string, encoding: HmacEncoding, alg: string | undefined) {
  return ['verify', keyText === '' ? '' : token, keyText, encoding, alg ?? null] as const
}

/** The query key of the Kubernetes key ids of a key text: they depend on nothing else. */
export function kidsQueryKey(keyText: string, encoding: HmacEncoding, alg: string | undefined) {
  return ['kids', keyText, encoding, alg ?? null] as const
}

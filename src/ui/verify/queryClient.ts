import { QueryClient } from '@tanstack/react-query'

// One client for the verification panel. Results depend only on the token and the key text, so
// they never go stale; they are dropped a few seconds after the panel stops showing them, so pasted
// secrets and large tokens do not linger in memory.
export const verifyQueryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, gcTime: 5_000, retry: false, refetchOnWindowFocus: false } },
})

/**
 * A short key for a text in a query key: its length and two independent 32-bit FNV-1a style
 * hashes. Query keys are hashed into strings and kept while cached; keying by the text itself kept
 * every pasted token (and key) in memory twice.
 */
export function textKey(text: string): string {
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

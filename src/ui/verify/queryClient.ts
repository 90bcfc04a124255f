import { QueryClient } from '@tanstack/react-query'

// One client for the verification panel. Results depend only on the token and the key text, so
// they never go stale; they are dropped a minute after the panel stops showing them, so pasted
// secrets do not linger in memory.
export const verifyQueryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, gcTime: 60_000, retry: false, refetchOnWindowFocus: false } },
})

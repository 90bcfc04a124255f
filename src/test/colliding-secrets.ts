// Two HMAC secrets of the same length whose old verification cache key (length and two 32-bit
// multiply-xor hashes, see src/ui/verify/queryClient.test.ts) was the same. Found for these tests
// by a birthday search over 2^25 prefixes (under 4 s): the states after the prefix agree in the
// high 16 bits of both hashes and in the xor of their low halves, and the last characters cancel
// the rest. With that cache, the second secret showed the first one's "verified".
export const COLLIDING_SECRETS = ['hs256-secret-tIxeA!', 'hs256-secret-MgofA\u274e'] as const

import { encodeBase64url } from './base64.ts'
import { isJsonObject, type JsonValue } from './json.ts'
import { sha256 } from './sha256.ts'

// RFC 7638 §3.2 (and RFC 8037 §2 for OKP): the members that make up a key's thumbprint.
const REQUIRED: Record<string, readonly string[]> = {
  EC: ['crv', 'kty', 'x', 'y'],
  RSA: ['e', 'kty', 'n'],
  oct: ['k', 'kty'],
  OKP: ['crv', 'kty', 'x'],
}

/**
 * The RFC 7638 SHA-256 thumbprint of a JWK, base64url: the required members only, in lexicographic
 * order, with no whitespace. It is what `cnf.jkt` and `dpop_jkt` carry (RFC 9449 §6). Undefined when
 * the key type is unknown or a required member is missing or not a string.
 */
export function jwkThumbprint(jwk: JsonValue | undefined): string | undefined {
  if (!isJsonObject(jwk) || typeof jwk.kty !== 'string') return undefined
  const members = REQUIRED[jwk.kty]
  if (!members || members.some((m) => typeof jwk[m] !== 'string')) return undefined
  const canonical = `{${members.map((m) => `${JSON.stringify(m)}:${JSON.stringify(jwk[m])}`).join(',')}}`
  return encodeBase64url(sha256(new TextEncoder().encode(canonical)))
}

/** base64url(SHA-256(ASCII text)): a DPoP proof's `ath` for an access token (RFC 9449 §4.2). */
export function accessTokenHash(token: string): string {
  return encodeBase64url(sha256(new TextEncoder().encode(token)))
}

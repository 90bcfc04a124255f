// The token as the authenticators' first look sees it (jwt.go hasCorrectIssuer, oidc.go
// untrustedIssuer): not JSON serialization, exactly three parts, a payload in unpadded base64url
// that json.Unmarshal accepts. Anything else makes an authenticator pass the token on.
import { isJsonObject, parseJson, type JsonObject } from '../encoding/json.ts'
import { structField } from './go.ts'

/** base64.RawURLEncoding.DecodeString: the URL alphabet, no padding, no stray characters. */
export function rawUrlDecode(seg: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(seg) || seg.length % 4 === 1) return null
  const std = seg.replace(/-/g, '+').replace(/_/g, '/')
  try {
    const bin = atob(std + '='.repeat((4 - (std.length % 4)) % 4))
    // A plain loop: Uint8Array.from with a callback per character took ~250 ms for a 1 MB token.
    const bytes = new Uint8Array(bin.length)
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
    return bytes
  } catch {
    return null
  }
}

export type CompactView =
  | {
      ok: true
      parts: [string, string, string]
      header: JsonObject | null
      claims: JsonObject
      untrustedIssuer: string
    }
  | { ok: false; why: string }

/**
 * Reads the parts the way upstream does before any check. `claims` is the payload object (empty
 * for a JSON `null`), `untrustedIssuer` what json.Unmarshal puts into a struct's `iss` field.
 */
export function compactView(token: string): CompactView {
  // Each authenticator reads the token again: remember the last one rather than decode and
  // parse a 1 MB token four times per evaluation.
  if (last?.token !== token) last = { token, view: readCompact(token) }
  return last.view
}

let last: { token: string; view: CompactView } | undefined

function readCompact(token: string): CompactView {
  if (token.trim().startsWith('{')) return { ok: false, why: 'it is JSON serialization, not a compact token' }
  const parts = token.split('.')
  if (parts.length !== 3) return { ok: false, why: `it has ${parts.length} parts, not 3` }
  const bytes = rawUrlDecode(parts[1]!)
  if (!bytes) return { ok: false, why: 'its payload is not unpadded base64url' }
  const parsed = parseJson(new TextDecoder().decode(bytes))
  if (parsed.error || parsed.value === undefined) return { ok: false, why: 'its payload is not JSON' }
  const value = parsed.value
  if (value !== null && !isJsonObject(value)) return { ok: false, why: 'its payload is not a JSON object' }
  const claims = value ?? {}
  const iss = structField(claims, 'iss')
  if (iss !== undefined && iss !== null && typeof iss !== 'string') return { ok: false, why: 'its iss is not a string' }
  const headerBytes = rawUrlDecode(parts[0]!.replace(/=+$/, ''))
  const headerJson = headerBytes ? parseJson(new TextDecoder().decode(headerBytes)) : undefined
  const header = headerJson && isJsonObject(headerJson.value) ? headerJson.value : null
  return { ok: true, parts: parts as [string, string, string], header, claims, untrustedIssuer: iss ?? '' }
}

/** The header's `alg` and `kid` as go-jose reads them (empty when absent or not strings). */
export function headerAlgKid(header: JsonObject | null): { alg: string; kid: string } {
  const alg = header?.alg
  const kid = header?.kid
  return { alg: typeof alg === 'string' ? alg : '', kid: typeof kid === 'string' ? kid : '' }
}

import type { JsonObject } from '../encoding/json.ts'

/** The `data-state` values of the validity test hook. */
export type ValidityState = 'valid' | 'expired' | 'not-yet-valid' | 'stale' | 'no-expiry'

function numeric(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

/**
 * Whether the claims are valid at `nowSeconds`, allowing `leewaySeconds` of clock skew. A token is
 * expired at exp itself (RFC 7519 §4.1.4: "on or after"), and not yet valid before nbf. Past
 * `staleAfter` (Kubernetes' warnafter, which the caller reads: this module knows no Kubernetes
 * claims) and before exp it is stale; that threshold takes no leeway, as it rejects nothing.
 */
export function validityAt(
  payload: JsonObject,
  nowSeconds: number,
  leewaySeconds = 0,
  staleAfter?: number,
): ValidityState {
  const exp = numeric(payload.exp)
  const nbf = numeric(payload.nbf)
  if (nbf !== undefined && nowSeconds < nbf - leewaySeconds) return 'not-yet-valid'
  if (exp === undefined) return 'no-expiry'
  if (nowSeconds >= exp + leewaySeconds) return 'expired'
  if (staleAfter !== undefined && nowSeconds > staleAfter) return 'stale'
  return 'valid'
}

/** The words a reader sees for each validity state; the badge never relies on colour alone. */
export const VALIDITY_WORDS: Record<ValidityState, string> = {
  valid: 'Valid now',
  expired: 'Expired',
  'not-yet-valid': 'Not yet valid',
  stale: 'Stale: past warnafter',
  'no-expiry': 'No expiry',
}

/** How long the token is meant to live: exp − iat, or exp − nbf when there is no iat. */
export interface Lifetime {
  seconds: number
  from: 'iat' | 'nbf'
}

/** The token's total lifetime, when it has `exp` and `iat` (or `nbf`). */
export function lifetime(payload: JsonObject): Lifetime | undefined {
  const exp = numeric(payload.exp)
  if (exp === undefined) return undefined
  const iat = numeric(payload.iat)
  if (iat !== undefined) return { seconds: exp - iat, from: 'iat' }
  const nbf = numeric(payload.nbf)
  return nbf !== undefined ? { seconds: exp - nbf, from: 'nbf' } : undefined
}

/** Seconds left until `exp` at `nowSeconds` (negative once expired), or undefined without exp. */
export function remainingSeconds(payload: JsonObject, nowSeconds: number): number | undefined {
  const exp = numeric(payload.exp)
  return exp === undefined ? undefined : exp - nowSeconds
}

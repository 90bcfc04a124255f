import type { JsonObject } from '../json.ts'

/** The `data-state` values of the validity test hook. */
export type ValidityState = 'valid' | 'expired' | 'not-yet-valid' | 'stale' | 'no-expiry'

function numeric(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

/** The Kubernetes `warnafter` of an auto-extended token, when present. */
export function warnAfter(payload: JsonObject): number | undefined {
  const k = payload['kubernetes.io']
  return k && typeof k === 'object' && !Array.isArray(k) ? numeric(k.warnafter) : undefined
}

/**
 * Whether the claims are valid at `nowSeconds`, allowing `leewaySeconds` of clock skew. A token is
 * expired at exp itself (RFC 7519 §4.1.4: "on or after"), and not yet valid before nbf.
 */
export function validityAt(payload: JsonObject, nowSeconds: number, leewaySeconds = 0): ValidityState {
  const exp = numeric(payload.exp)
  const nbf = numeric(payload.nbf)
  if (nbf !== undefined && nowSeconds < nbf - leewaySeconds) return 'not-yet-valid'
  if (exp === undefined) return 'no-expiry'
  if (nowSeconds >= exp + leewaySeconds) return 'expired'
  const warn = warnAfter(payload)
  if (warn !== undefined && nowSeconds > warn) return 'stale'
  return 'valid'
}

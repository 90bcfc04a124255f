import type { JsonObject } from '../encoding/json.ts'

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

/** Kubernetes' one-year extension of kubelet tokens (claims.go ExpirationExtensionSeconds). */
export const EXTENSION_SECONDS = 31536000
/** The expirationSeconds the kubelet requests for the default projected token (1 h 7 s). */
export const WARN_ONLY_SECONDS = 3607

/**
 * True for an auto-extended kubelet token: exp − iat is one year and warnafter − iat is 3607 s
 * (reference/kubernetes-tokens.md §3).
 */
export function isExtendedKubernetesToken(payload: JsonObject): boolean {
  const iat = numeric(payload.iat)
  const exp = numeric(payload.exp)
  const warn = warnAfter(payload)
  return (
    iat !== undefined &&
    exp !== undefined &&
    warn !== undefined &&
    exp - iat === EXTENSION_SECONDS &&
    warn - iat === WARN_ONLY_SECONDS
  )
}

/**
 * When the kubelet replaces a token that carries warnafter: at about 80 % of the duration it
 * requested (warnafter − iat), not 80 % of the JWT's exp, because it reads the TokenRequest status
 * (k/k pkg/kubelet/token/token_manager.go requiresRefresh; it adds under 10 s of jitter).
 */
export function kubeletRotationAt(payload: JsonObject): number | undefined {
  const iat = numeric(payload.iat)
  const warn = warnAfter(payload)
  if (iat === undefined || warn === undefined || warn <= iat) return undefined
  return iat + 0.8 * (warn - iat)
}

// The one home of the Kubernetes lifetime constants (under their upstream names), of the reading of
// `kubernetes.io.warnafter` and of the kubelet's rotation rule. Lazily loaded: the start-up bundle
// never needs them (the validity badge is passed warnafter, it does not read it).
import { isJsonObject, type JsonObject, type JsonValue } from '../encoding/json.ts'
import { spellDuration } from '../time/duration.ts'

/**
 * k/k pkg/serviceaccount/claims.go: the lifetime the kubelet requests for the default projected
 * token (1 h 7 s). A pod-bound request for exactly this many seconds, with API server audiences
 * only, is what the API server extends.
 */
export const WarnOnlyBoundTokenExpirationSeconds = 3607
/** k/k pkg/serviceaccount/claims.go: the extended lifetime of the in-process signer, 24·365 h. */
export const ExpirationExtensionSeconds = 31_536_000
/** k/k pkg/apis/authentication/validation/validation.go: the shortest TokenRequest, 10 min. */
export const MinTokenAgeSec = 600
/** k/k pkg/apis/authentication/v1/defaults.go sets 1 h when a TokenRequest names no duration (no constant upstream). */
export const DefaultTokenRequestExpirationSeconds = 3600
/**
 * k/k pkg/registry/core/serviceaccount/storage/token.go `maxAdmissionReviewWebhookTokenExpirationSeconds`:
 * tokens bound to a webhook configuration are silently cut to 10 min. With MinTokenAgeSec the
 * same, every such token lives exactly 600 s.
 */
export const MaxAdmissionReviewWebhookTokenExpirationSeconds = 600
/**
 * go-jose `jwt.DefaultLeeway`, which k/k pkg/serviceaccount/claims.go `Validate` applies to exp,
 * nbf and iat: the API server's own clock-skew allowance, whatever a reader of the token allows.
 */
export const ApiServerLeewaySeconds = 60
/** k/k pkg/kubelet/token/token_manager.go `maxTTL`: the kubelet replaces any token older than 24 h. */
export const KubeletMaxTTLSeconds = 24 * 3600
/** k/k pkg/kubelet/token/token_manager.go `maxJitter`: the rotation comes up to 10 s early, at random. */
export const KubeletMaxJitterSeconds = 10

const num = (v: JsonValue | undefined): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined

/** `kubernetes.io.warnafter`: set only on tokens the API server extended. */
export function warnAfter(payload: JsonObject): number | undefined {
  const k = payload['kubernetes.io']
  return isJsonObject(k) ? num(k.warnafter) : undefined
}

/** What `warnafter` says about a token's extension (token.go `Create`, claims.go `Claims`). */
export interface Extension {
  /** The lifetime the client asked for: warnafter − iat, 3607 s for the kubelet. */
  requestedSeconds: number
  /** exp − iat: one year with the in-process signer, min(1 year, the signer's maximum) with an external one. */
  extendedSeconds: number
  /** True when exp − iat is the in-process signer's one year. */
  fullYear: boolean
}

/**
 * Reads an extended token: `warnafter − iat` is 3607 s and exp lies beyond warnafter. The rule
 * deliberately ignores exp − iat, which is a year only with the in-process signer (an external
 * signer caps it at its own maximum). Returns undefined for any other token.
 */
export function extensionOf(payload: JsonObject): Extension | undefined {
  const iat = num(payload.iat)
  const exp = num(payload.exp)
  const warn = warnAfter(payload)
  if (iat === undefined || exp === undefined || warn === undefined) return undefined
  if (warn - iat !== WarnOnlyBoundTokenExpirationSeconds || exp <= warn) return undefined
  return {
    requestedSeconds: WarnOnlyBoundTokenExpirationSeconds,
    extendedSeconds: exp - iat,
    fullYear: exp - iat === ExpirationExtensionSeconds,
  }
}

/**
 * Seconds after issuance at which the kubelet replaces a projected token it requested for
 * `requestedSeconds`: when it is older than 24 h, or within 20 % of its requested lifetime of the
 * end, computed in whole seconds as Go does ((s·20)/100), up to 10 s earlier for jitter. The
 * kubelet works from the TokenRequest status, so an extended token is replaced by its requested
 * 3607 s (after 2886 s), never by its far exp.
 */
export function kubeletRefreshAfter(requestedSeconds: number): number {
  return Math.min(KubeletMaxTTLSeconds, requestedSeconds - Math.floor((requestedSeconds * 20) / 100))
}

/**
 * When the kubelet replaces an extended token, as a NumericDate: by its requested lifetime, long
 * before its far exp. Undefined for other tokens: a pod-bound token may come from
 * `kubectl create token` as well as from the kubelet, so only the extended shape says "kubelet".
 */
export function kubeletRotationAt(payload: JsonObject): number | undefined {
  const iat = num(payload.iat)
  const extension = extensionOf(payload)
  return iat === undefined || !extension ? undefined : iat + kubeletRefreshAfter(extension.requestedSeconds)
}

/** The rotation rule in words, for a token requested for `requestedSeconds`. */
export function rotationRule(requestedSeconds: number): string {
  const after = kubeletRefreshAfter(requestedSeconds)
  return `The kubelet replaces a projected token once it is older than 24 hours or within 20 % of the end of its requested lifetime, up to 10 s early at random: for ${requestedSeconds} s that is after ${spellDuration(after)} (${after} s). Clients must re-read the token file.`
}

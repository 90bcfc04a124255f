import type { SpecRef } from '../diagnostics/specRefs.ts'

/** Where a claim's or header parameter's meaning comes from. */
export type ClaimOrigin = 'registered' | 'oidc' | 'provider' | 'kubernetes' | 'private' | 'collision-resistant'

/** What the page says about one claim or header parameter. */
export interface ClaimInfo {
  /** One line, e.g. "Expiration Time". */
  title: string
  /** A plain explanation, in our own words. */
  description: string
  spec?: SpecRef
  /** The JSON type the specification requires, e.g. "NumericDate" or "StringOrURI | StringOrURI[]". */
  valueType?: string
  /** How a verifier processes it. */
  processing?: string
  origin: ClaimOrigin
  /** The provider whose meaning this is (e.g. "Microsoft Entra ID"), for provider entries. */
  provider?: string
  /** The release that introduced it, e.g. "Kubernetes 1.21". */
  since?: string
}

// The issuer and audiences the cluster settings state for a token: the one place where the
// cluster's expectations are written down, read by the plain claim checks as well as by the
// authenticators. Only what the settings say counts here; the defaults (the token's own issuer)
// would make these checks pass by construction, so they state nothing.
import { untrustedIssuer } from './jwt.ts'
import { LEGACY_ISSUER } from './serviceAccount.ts'
import type { ClusterSettings } from './types.ts'

export interface ClusterExpectations {
  /** Issuers some authenticator handles, as the settings state them; empty when they state none. */
  issuers: string[]
  /** Audiences the authenticator for this token's issuer accepts; empty when none are stated. */
  audiences: string[]
  /** Where the issuers come from (`--service-account-issuer`, `jwt[0].issuer.url`…). */
  issuerFrom: string[]
  /** Where the audiences come from. */
  audienceFrom?: string
}

/**
 * What the cluster settings expect of this token's `iss` and `aud`. Never throws.
 * @param token the compact token, read only for its (untrusted) issuer.
 */
export function clusterExpectations(settings: ClusterSettings, token: string): ClusterExpectations {
  const sa = settings.serviceAccount
  const jwtField =
    settings.jwtSource === 'oidc-flags' ? () => '--oidc-issuer-url' : (i: number) => `jwt[${i}].issuer.url`
  const issuers: string[] = []
  const issuerFrom: string[] = []
  if (sa.issuers.length) {
    // The legacy authenticator runs whenever service account keys are configured.
    issuers.push(...sa.issuers, LEGACY_ISSUER)
    issuerFrom.push('--service-account-issuer')
  }
  settings.jwt.forEach((a, i) => {
    issuers.push(a.issuer.url)
    issuerFrom.push(jwtField(i))
  })
  const iss = untrustedIssuer(token)
  const jwtIndex = settings.jwt.findIndex((a) => a.issuer.url === iss)
  const jwt = settings.jwt[jwtIndex]
  if (jwt)
    return {
      issuers,
      issuerFrom,
      audiences: jwt.issuer.audiences,
      audienceFrom: settings.jwtSource === 'oidc-flags' ? '--oidc-client-id' : `jwt[${jwtIndex}].issuer.audiences`,
    }
  if (sa.apiAudiences) return { issuers, issuerFrom, audiences: sa.apiAudiences, audienceFrom: '--api-audiences' }
  if (sa.issuers.length)
    return {
      issuers,
      issuerFrom,
      audiences: sa.issuers,
      audienceFrom: '--service-account-issuer (the API audiences when --api-audiences is not set)',
    }
  return { issuers, issuerFrom, audiences: [] }
}

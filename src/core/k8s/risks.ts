import type { JsonObject } from '../encoding/json.ts'
import { validityAt } from '../time/validity.ts'
import type { KubernetesClaims } from './claims.ts'
import { KUBERNETES_ALGS } from './header.ts'
import { isApiServerAudience } from './provider.ts'

export interface RiskItem {
  /** Stable id, used as the `data-risk` test hook. */
  id:
    | 'never-expires'
    | 'expired'
    | 'stale'
    | 'not-yet-valid'
    | 'foreign-audience'
    | 'unexpected-alg'
    | 'typ-present'
    | 'kid-empty'
    | 'kid-missing'
    | 'kid-unusual'
  severity: 'high' | 'medium' | 'low'
  message: string
}

const KID_SHA256 = /^[A-Za-z0-9_-]{43}$/

function headerRisks(header: JsonObject | undefined): RiskItem[] {
  if (!header) return []
  const out: RiskItem[] = []
  const alg = header.alg
  if (typeof alg === 'string' && !(KUBERNETES_ALGS as readonly string[]).includes(alg)) {
    out.push({
      id: 'unexpected-alg',
      severity: 'high',
      message: `alg ${alg}: the API server only signs with RS256 or ES256/384/512; this token did not come from it unchanged.`,
    })
  }
  if (header.typ !== undefined) {
    out.push({
      id: 'typ-present',
      severity: 'low',
      message:
        'The header has typ. The API server’s own signer writes none; an external signer (ExternalServiceAccountTokenSigner) must write typ JWT, and legacy tokens from around 2017 had it too. A hint, not proof.',
    })
  }
  if (header.kid === '')
    out.push({
      id: 'kid-empty',
      severity: 'low',
      message: 'kid is empty, as in tokens from Kubernetes 1.11–1.15: the API server then tries every configured key.',
    })
  else if (header.kid === undefined)
    out.push({
      id: 'kid-missing',
      severity: 'low',
      message:
        'No kid: tokens from current clusters name their key (a SHA-256 of it, or a provider-specific id such as EKS’s 40 hex digits).',
    })
  else if (typeof header.kid === 'string' && !KID_SHA256.test(header.kid) && !/^[0-9a-f]{40}$/.test(header.kid)) {
    out.push({
      id: 'kid-unusual',
      severity: 'low',
      message: `kid ${header.kid} is neither the 43-character SHA-256 key id Kubernetes derives nor a 40-hex EKS id; managed clusters may still use their own.`,
    })
  }
  return out
}

/**
 * The few facts about a Kubernetes token that matter most, for the banner at the top of the page:
 * no expiry, expired or stale at `nowSeconds`, an audience other than the API server, and header
 * oddities. Highest severity first.
 */
export function kubernetesRisks(
  c: KubernetesClaims,
  payload: JsonObject,
  header: JsonObject | undefined,
  nowSeconds: number,
): RiskItem[] {
  const out: RiskItem[] = []
  const state = validityAt(payload, nowSeconds)
  if (state === 'no-expiry') {
    out.push({
      id: 'never-expires',
      severity: 'high',
      message:
        c.shape === 'legacy'
          ? 'This token never expires. It is valid until its Secret is deleted, for anyone who holds a copy.'
          : 'This token has no exp, so it never expires.',
    })
  } else if (state === 'expired') {
    out.push({
      id: 'expired',
      severity: 'medium',
      message: 'This token has expired: the API server refuses it (after a leeway of one minute).',
    })
  } else if (state === 'stale') {
    out.push({
      id: 'stale',
      severity: 'medium',
      message:
        'Past warnafter: the token is still accepted, but each use is audited as stale-token. The client is not reloading its token file.',
    })
  } else if (state === 'not-yet-valid') {
    out.push({
      id: 'not-yet-valid',
      severity: 'medium',
      message: 'This token is not valid yet (nbf is in the future): check the clocks.',
    })
  }
  const foreign = c.aud.filter((a) => !isApiServerAudience(a, c.iss))
  if (foreign.length > 0) {
    out.push({
      id: 'foreign-audience',
      severity: 'medium',
      message: `Audience ${foreign.join(', ')}: meant for a service other than the API server. Whoever receives it can replay it to any other service that accepts that audience.`,
    })
  }
  out.push(...headerRisks(header))
  const order = { high: 0, medium: 1, low: 2 }
  return out.sort((a, b) => order[a.severity] - order[b.severity])
}

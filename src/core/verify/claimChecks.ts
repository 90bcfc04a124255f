import type { JsonObject } from '../encoding/json.ts'
import { validityAt } from '../time/validity.ts'

export interface Expectations {
  issuer?: string
  audience?: string
  /** Clock skew allowed on exp and nbf, shared with the time feature. */
  leewaySeconds: number
}

export interface ClaimCheck {
  claim: 'iss' | 'aud' | 'time'
  state: 'pass' | 'fail' | 'not-checked'
  message: string
}

/**
 * Checks the claims against what the user expects: issuer, audience, and exp/nbf at `nowSeconds`
 * with the shared leeway. Only meaningful together with a verified signature; the page says so.
 */
export function checkClaims(payload: JsonObject | null, expect: Expectations, nowSeconds: number): ClaimCheck[] {
  if (!payload) return []
  const checks: ClaimCheck[] = []
  const iss = payload.iss
  const wantIss = expect.issuer?.trim()
  if (wantIss) {
    if (iss === wantIss) checks.push({ claim: 'iss', state: 'pass', message: `iss is "${wantIss}".` })
    else if (typeof iss === 'string' && iss.replace(/\/$/, '') === wantIss.replace(/\/$/, ''))
      checks.push({
        claim: 'iss',
        state: 'fail',
        message: `iss is "${iss}": it differs from "${wantIss}" only by a trailing slash, which still makes it a different issuer.`,
      })
    else
      checks.push({
        claim: 'iss',
        state: 'fail',
        message: typeof iss === 'string' ? `iss is "${iss}", not "${wantIss}".` : 'The token has no string iss.',
      })
  }
  const wantAud = expect.audience?.trim()
  if (wantAud) {
    const aud = payload.aud
    const list =
      typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : []
    checks.push(
      list.includes(wantAud)
        ? { claim: 'aud', state: 'pass', message: `aud contains "${wantAud}".` }
        : {
            claim: 'aud',
            state: 'fail',
            message: list.length
              ? `aud is ${list.map((a) => `"${a}"`).join(', ')}; it does not contain "${wantAud}".`
              : 'The token has no aud.',
          },
    )
  }
  const leeway = Math.max(0, expect.leewaySeconds)
  const withLeeway = leeway ? ` (allowing ${leeway} s of clock skew)` : ''
  const state = validityAt(payload, nowSeconds, leeway)
  const time: ClaimCheck =
    state === 'expired'
      ? { claim: 'time', state: 'fail', message: `Expired: now is past exp${withLeeway}.` }
      : state === 'not-yet-valid'
        ? { claim: 'time', state: 'fail', message: `Not valid yet: now is before nbf${withLeeway}.` }
        : state === 'no-expiry'
          ? { claim: 'time', state: 'not-checked', message: 'No exp: the token never expires by itself.' }
          : { claim: 'time', state: 'pass', message: `Within its validity window now${withLeeway}.` }
  checks.push(time)
  return checks
}

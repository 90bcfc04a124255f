import type { JsonObject } from '../encoding/json.ts'
import { validityAt } from '../time/validity.ts'

export interface Expectations {
  /** The accepted issuer, or several (any one of them passes). */
  issuer?: string | readonly string[]
  /** The accepted audience, or several (the token's aud must hold at least one). */
  audience?: string | readonly string[]
  /** Clock skew allowed on exp and nbf, shared with the time feature. */
  leewaySeconds: number
}

export interface ClaimCheck {
  claim: 'iss' | 'aud' | 'time'
  state: 'pass' | 'fail' | 'not-checked'
  message: string
}

const wanted = (v: string | readonly string[] | undefined): string[] =>
  (typeof v === 'string' ? [v] : (v ?? [])).map((x) => x.trim()).filter((x) => x !== '')

const quoted = (list: readonly string[]) => list.map((a) => `"${a}"`).join(', ')

/**
 * Checks the claims against what the user expects: issuer, audience, and exp/nbf at `nowSeconds`
 * with the shared leeway. Only meaningful together with a verified signature; the page says so.
 */
export function checkClaims(payload: JsonObject | null, expect: Expectations, nowSeconds: number): ClaimCheck[] {
  if (!payload) return []
  const checks: ClaimCheck[] = []
  const iss = payload.iss
  const wantIss = wanted(expect.issuer)
  if (wantIss.length) {
    const one = wantIss.length === 1 ? `"${wantIss[0]}"` : `any of ${quoted(wantIss)}`
    const near =
      typeof iss === 'string'
        ? wantIss.find((w) => iss !== w && iss.replace(/\/$/, '') === w.replace(/\/$/, ''))
        : undefined
    if (typeof iss === 'string' && wantIss.includes(iss))
      checks.push({ claim: 'iss', state: 'pass', message: `iss is "${iss}".` })
    else if (typeof iss === 'string' && near !== undefined)
      checks.push({
        claim: 'iss',
        state: 'fail',
        message: `iss is "${iss}": it differs from "${near}" only by a trailing slash, which still makes it a different issuer.`,
      })
    else
      checks.push({
        claim: 'iss',
        state: 'fail',
        message: typeof iss === 'string' ? `iss is "${iss}", not ${one}.` : 'The token has no string iss.',
      })
  }
  const wantAud = wanted(expect.audience)
  if (wantAud.length) {
    const aud = payload.aud
    const list =
      typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : []
    const hit = wantAud.find((w) => list.includes(w))
    const one = wantAud.length === 1 ? `"${wantAud[0]}"` : `any of ${quoted(wantAud)}`
    checks.push(
      hit !== undefined
        ? { claim: 'aud', state: 'pass', message: `aud contains "${hit}".` }
        : {
            claim: 'aud',
            state: 'fail',
            message: list.length ? `aud is ${quoted(list)}; it does not contain ${one}.` : 'The token has no aud.',
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

import type { JsonObject } from '../../core/index.ts'
import { checkClaims } from '../../core/verify/index.ts'
import { useNow } from '../hooks.ts'

/** The issuer and audiences the cluster settings state, and where each comes from. */
export interface StatedExpectations {
  issuers: readonly string[]
  audiences: readonly string[]
  issuerFrom: readonly string[]
  audienceFrom?: string
}

interface Props {
  payload: JsonObject | null
  /** What the cluster settings expect: the one place where issuer and audience are stated. */
  expected: StatedExpectations
  leewaySeconds: number
  verified: boolean
}

const STATE_LABEL = { pass: 'Pass', fail: 'Fail', 'not-checked': 'Not checked' } as const

/**
 * iss and aud against what the cluster settings state, and the time window with the shared
 * leeway. There are no separate issuer and audience fields: the cluster settings say both.
 */
export function ClaimChecks({ payload, expected, leewaySeconds, verified }: Props) {
  const now = useNow()
  if (!payload) return null
  const checks = checkClaims(
    payload,
    { issuer: expected.issuers, audience: expected.audiences, leewaySeconds },
    Math.floor(now / 1000),
  )
  const from = [
    expected.issuerFrom.length ? `issuer from ${expected.issuerFrom.join(', ')}` : '',
    expected.audienceFrom && expected.audiences.length ? `audience from ${expected.audienceFrom}` : '',
  ].filter(Boolean)
  return (
    <fieldset className="claim-checks">
      <legend>Claim checks</legend>
      <p className="hint" data-testid="claim-check-source">
        {from.length
          ? `Expected by the cluster settings: ${from.join('; ')}.`
          : 'The cluster settings state no issuer or audience yet: paste them to check iss and aud.'}
      </p>
      <ul>
        {checks.map((c) => (
          <li
            key={c.claim}
            className={`claim-check check-${c.state}`}
            data-testid="claim-check"
            data-claim={c.claim}
            data-state={c.state}
          >
            <strong>{STATE_LABEL[c.state]}</strong> {c.message}
          </li>
        ))}
      </ul>
      <p className="hint">
        {verified
          ? 'The signature is verified, so these values come from the key holder.'
          : 'The signature is not verified: these checks only compare what the token says about itself.'}
      </p>
    </fieldset>
  )
}

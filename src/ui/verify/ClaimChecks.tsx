import type { JsonObject } from '../../core/index.ts'
import { checkClaims } from '../../core/verify/index.ts'
import { useNow } from '../hooks.ts'

interface Props {
  payload: JsonObject | null
  issuer: string
  audience: string
  onIssuer: (v: string) => void
  onAudience: (v: string) => void
  leewaySeconds: number
  verified: boolean
}

const STATE_LABEL = { pass: 'Pass', fail: 'Fail', 'not-checked': 'Not checked' } as const

/** Expected issuer and audience, and the time window with the shared leeway. */
export function ClaimChecks({ payload, issuer, audience, onIssuer, onAudience, leewaySeconds, verified }: Props) {
  const now = useNow()
  if (!payload) return null
  const checks = checkClaims(payload, { issuer, audience, leewaySeconds }, Math.floor(now / 1000))
  return (
    <fieldset className="claim-checks">
      <legend>Claim checks</legend>
      <div className="claim-check-inputs">
        <label>
          Expected issuer{' '}
          <input
            type="text"
            value={issuer}
            onChange={(e) => onIssuer(e.target.value)}
            spellCheck={false}
            autoComplete="off"
          />
        </label>
        <label>
          Expected audience{' '}
          <input
            type="text"
            value={audience}
            onChange={(e) => onAudience(e.target.value)}
            spellCheck={false}
            autoComplete="off"
          />
        </label>
      </div>
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

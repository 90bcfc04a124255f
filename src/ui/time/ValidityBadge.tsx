import {
  relativePhrase,
  spellDuration,
  toIsoUtc,
  validityAt,
  VALIDITY_WORDS,
  type JsonObject,
  type ValidityState,
} from '../../core/index.ts'
import { warnAfter } from '../../core/k8s/extension.ts'
import { useNow, useTimeSettings } from '../hooks.ts'

const SYMBOL: Record<ValidityState, string> = {
  valid: '✓',
  expired: '✗',
  'not-yet-valid': '…',
  stale: '!',
  'no-expiry': '∞',
}

function detail(state: ValidityState, payload: JsonObject, now: number): string {
  const exp = payload.exp as number
  const at = (t: number) => toIsoUtc(t)?.replace('T', ' ').replace('Z', ' UTC') ?? String(t)
  const when = (t: number) => `${relativePhrase(t, now)}, at ${at(t)}`
  switch (state) {
    case 'valid':
      return `Expires ${when(exp)} (${spellDuration(Math.floor(exp - now))} left).`
    case 'stale':
      return `Past warnafter ${relativePhrase(warnAfter(payload) ?? now, now)}. Kubernetes still accepts it until exp, ${when(exp)}, but records each use as a stale token.`
    case 'expired':
      return `Expired ${when(exp)}.`
    case 'not-yet-valid':
      return `Valid from nbf, ${when(payload.nbf as number)}.`
    case 'no-expiry':
      return 'There is no usable exp claim: nothing in the token limits its life.'
  }
}

/** The token's validity at this second; re-renders on the shared one-second clock. */
export function ValidityBadge({ payload }: { payload: JsonObject }) {
  const now = useNow() / 1000
  const { leewaySeconds } = useTimeSettings()
  const state = validityAt(payload, now, leewaySeconds, warnAfter(payload))
  return (
    <p className="validity-line">
      <span data-testid="validity" data-state={state} className={`validity validity-${state}`}>
        <span aria-hidden="true">{SYMBOL[state]}</span> {VALIDITY_WORDS[state]}
      </span>{' '}
      <span className="validity-detail">
        {detail(state, payload, now)}
        {leewaySeconds > 0 && ` Judged with ${leewaySeconds} s of clock-skew leeway.`}
      </span>
    </p>
  )
}

import { relativePhrase, validityAt, type JsonObject, type ValidityState } from '../../core/index.ts'
import { warnAfter } from '../../core/k8s/extension.ts'
import { useNow, useTimeSettings } from '../hooks.ts'

/**
 * The validity in a few words, for a heading or the summary card: "expired 3 years ago",
 * "valid · expires in 10 min", "no expiry".
 */
export function validityWords(state: ValidityState, payload: JsonObject, now: number): string {
  const exp = payload.exp as number
  switch (state) {
    case 'valid':
      return `valid · expires ${relativePhrase(exp, now)}`
    case 'stale':
      return `stale · past warnafter ${relativePhrase(warnAfter(payload) ?? now, now)}, expires ${relativePhrase(exp, now)}`
    case 'expired':
      return `expired ${relativePhrase(exp, now)}`
    case 'not-yet-valid':
      return `not yet valid · valid from ${relativePhrase(payload.nbf as number, now)}`
    case 'no-expiry':
      return 'no expiry'
  }
}

/** The validity state and its words at this second, on the shared one-second clock. */
export function useValidity(payload: JsonObject): { state: ValidityState; words: string; now: number } {
  const now = useNow() / 1000
  const { leewaySeconds } = useTimeSettings()
  const state = validityAt(payload, now, leewaySeconds, warnAfter(payload))
  return { state, words: validityWords(state, payload, now), now }
}

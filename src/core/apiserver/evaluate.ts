// The token authenticator chain of kube-apiserver (k/k pkg/kubeapiserver/authenticator/config.go):
// the legacy service account authenticator, the bound one, then the JWT authenticators; the first
// that accepts the token decides, errors of the others are collected, and system:authenticated is
// added to whoever is authenticated (apiserver pkg/authentication/group AuthenticatedGroupAdder).
import { decodeToken } from '../decode/decodeToken.ts'
import type { KeyMaterial } from '../verify/keyMaterial.ts'
import type { CelEngine } from './cel.ts'
import { compactView } from './compact.ts'
import { fieldErrorMessage } from './fieldErrors.ts'
import { aggregateMessage } from './go.ts'
import { authenticateJwt, untrustedIssuer } from './jwt.ts'
import type { AuthnOutcome } from './outcome.ts'
import { authenticateServiceAccount, LEGACY_ISSUER } from './serviceAccount.ts'
import type { ClusterSettings, SettingsError, TraceStep, UserInfo, Verdict } from './types.ts'
import { validateAuthenticationConfiguration } from './validate.ts'

export interface EvaluateInput {
  /** The compact token, as extracted from the paste. */
  token: string
  settings: ClusterSettings
  /** The key box, as recognizeKeyMaterial read it. */
  keys: KeyMaterial
  /** The instant of the check, in milliseconds since the epoch. */
  nowMs: number
  /** The CEL evaluator, needed only when the settings hold CEL expressions. */
  cel?: CelEngine
}

/** The service account issuers and API audiences in force, with the defaults for what was not given. */
export function effectiveServiceAccount(settings: ClusterSettings, token: string) {
  const notes: string[] = []
  let issuers = settings.serviceAccount.issuers
  let defaulted = false
  if (issuers.length === 0) {
    const iss = untrustedIssuer(token) ?? ''
    const jwtIssuers = settings.jwt.map((a) => a.issuer.url)
    // With JWT authenticators configured, only a token shaped like a service account token is
    // assumed to come from the cluster's own issuer; another token is left to them.
    const assume = settings.jwt.length === 0 || looksLikeServiceAccountToken(token)
    if (iss && assume && iss !== LEGACY_ISSUER && !jwtIssuers.includes(iss)) {
      issuers = [iss]
      defaulted = true
      notes.push(
        `No --service-account-issuer given: the token's own issuer ${JSON.stringify(iss)} is taken as the service account issuer.`,
      )
    }
  }
  const apiAudiences = settings.serviceAccount.apiAudiences ?? issuers
  if (!settings.serviceAccount.apiAudiences && issuers.length)
    notes.push(`No --api-audiences given: the API audiences are the service account issuers (${issuers.join(', ')}).`)
  return { issuers, apiAudiences, defaulted, notes }
}

function looksLikeServiceAccountToken(token: string): boolean {
  const v = compactView(token)
  if (!v.ok) return false
  const k = v.claims['kubernetes.io']
  return (
    (typeof k === 'object' && k !== null && !Array.isArray(k) && 'serviceaccount' in k) ||
    'kubernetes.io/serviceaccount/namespace' in v.claims
  )
}

/** authenticator.AuthenticatedGroupAdder. */
export function withAuthenticatedGroup(user: UserInfo): UserInfo {
  if (user.username === 'system:anonymous') return user
  if (user.groups.some((g) => g === 'system:authenticated' || g === 'system:unauthenticated')) return user
  return { ...user, groups: [...user.groups, 'system:authenticated'] }
}

function base(trace: TraceStep[], notes: string[]): Verdict {
  return {
    state: 'not-handled',
    audiences: [],
    signatureVerified: false,
    trace,
    liveChecks: [],
    settingsErrors: [],
    notes,
  }
}

/**
 * What the API server would decide for this token, offline. Never throws (a failure inside is
 * reported as an undetermined verdict). `authenticated` only when a pasted key verified the
 * signature; with every check passing but no key, `unverified`.
 */
export async function evaluateToken(input: EvaluateInput): Promise<Verdict> {
  try {
    return await evaluateInner(input)
  } catch (e) {
    const v = base([], [])
    v.state = 'undetermined'
    v.reason = 'INTERNAL'
    v.explanation = `The evaluation failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`
    return v
  }
}

async function evaluateInner({ token, settings, keys, nowMs, cel }: EvaluateInput): Promise<Verdict> {
  const sa = effectiveServiceAccount(settings, token)
  const notes = [...sa.notes]
  const settingsErrors: SettingsError[] = [...settings.errors]
  const validation = validateAuthenticationConfiguration(settings.jwt, undefined, sa.defaulted ? [] : sa.issuers, cel)
  for (const e of validation.errors) {
    const message = fieldErrorMessage(e)
    if (!settingsErrors.some((s) => s.message.endsWith(message)))
      settingsErrors.push({ code: 'SETTINGS_INVALID_FIELD', message, where: e.field, field: e })
  }
  if (settingsErrors.length) {
    const v = base([], notes)
    v.state = 'undetermined'
    v.reason = 'SETTINGS_INVALID'
    v.settingsErrors = settingsErrors
    v.explanation =
      'The API server would not start with these settings, so it gives no verdict. Fix the settings first.'
    return v
  }

  const view = compactView(token)
  const decoded = decodeToken(token)
  const outcomes: { name: string; outcome: AuthnOutcome }[] = []
  const trace: TraceStep[] = []
  const run = async (name: string, f: () => Promise<AuthnOutcome>) => {
    const outcome = await f()
    trace.push(...outcome.trace)
    outcomes.push({ name, outcome })
    return outcome
  }
  const saCtx = { issuers: sa.issuers, apiAudiences: sa.apiAudiences, lookup: settings.serviceAccount.lookup }
  const chain: [string, () => Promise<AuthnOutcome>][] = [
    [
      'service-account',
      () => authenticateServiceAccount('legacy', view, decoded, keys, { ...saCtx, issuers: [LEGACY_ISSUER] }, nowMs),
    ],
    ['service-account', () => authenticateServiceAccount('bound', view, decoded, keys, saCtx, nowMs)],
  ]
  settings.jwt.forEach((a, i) => {
    const v = validation.authenticators[i]!
    chain.push([
      `jwt:${a.issuer.url}`,
      () =>
        authenticateJwt(
          token,
          decoded,
          keys,
          { authenticator: a, compiled: v.compiled, signingAlgs: settings.signingAlgs, cel, celPending: v.celPending },
          nowMs,
        ),
    ])
  })
  let jwtFailed = false
  for (const [name, f] of chain) {
    // The JWT authenticators are one union that stops at the first error (tokenunion.NewFailOnError).
    if (jwtFailed && name.startsWith('jwt:')) break
    const outcome = await run(name, f)
    if (outcome.kind === 'error' && name.startsWith('jwt:')) jwtFailed = true
    if (outcome.kind === 'ok') {
      const v = base(trace, [...notes, ...outcome.notes])
      v.authenticator = name
      v.user = withAuthenticatedGroup(outcome.user)
      // JWT authenticators are audience-agnostic: they report the API audiences (WrapAudienceAgnosticToken).
      v.audiences = name.startsWith('jwt:') ? sa.apiAudiences : outcome.audiences
      v.signatureVerified = outcome.signatureVerified
      v.liveChecks = outcome.liveChecks
      v.state = outcome.signatureVerified ? 'authenticated' : 'unverified'
      v.explanation = outcome.signatureVerified
        ? `Every offline check passes and a pasted key verified the signature. ${v.liveChecks.length ? 'The checks below need the live cluster.' : ''}`.trim()
        : 'Every claim check passes, but no key was given: paste the issuer’s key to check the signature.'
      return v
    }
  }
  const undetermined = outcomes.find((o) => o.outcome.kind === 'undetermined')
  if (undetermined && undetermined.outcome.kind === 'undetermined') {
    const v = base(trace, notes)
    v.state = 'undetermined'
    v.authenticator = undetermined.name
    v.reason = undetermined.outcome.reason
    v.explanation = undetermined.outcome.explanation
    return v
  }
  const errors = outcomes.filter((o) => o.outcome.kind === 'error')
  const first = errors[0]
  if (first && first.outcome.kind === 'error') {
    const v = base(trace, notes)
    v.state = 'rejected'
    v.authenticator = first.name
    v.reason = first.outcome.reason
    v.error = aggregateMessage(errors.map((e) => (e.outcome.kind === 'error' ? e.outcome.error : '')))
    v.explanation = first.outcome.explanation
    v.failedCheck = [...first.outcome.trace].reverse().find((s) => s.outcome === 'fail')?.check
    v.signatureVerified = first.outcome.signatureVerified
    return v
  }
  const v = base(trace, notes)
  const iss = untrustedIssuer(token)
  const handled = [...(sa.issuers.length ? sa.issuers : []), LEGACY_ISSUER, ...settings.jwt.map((a) => a.issuer.url)]
  v.explanation =
    iss === undefined
      ? 'No authenticator reads this token: it is not a compact JWT with a JSON payload.'
      : `No configured authenticator handles the issuer ${JSON.stringify(iss)} (handled: ${handled.map((h) => JSON.stringify(h)).join(', ')}).`
  v.reason = 'NOT_HANDLED'
  return v
}

// The shapes the API server works with internally (apiserver pkg/apis/apiserver/types.go), as plain
// data, and the results this module returns.
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import type { FieldError } from './fieldErrors.ts'

/** `PrefixedClaimOrExpression`: a claim with a prefix (undefined = not set, "" = no prefix), or CEL. */
export interface PrefixedClaimOrExpression {
  claim: string
  prefix?: string
  expression: string
}

export interface ClaimOrExpression {
  claim: string
  expression: string
}

export interface ExtraMapping {
  key: string
  valueExpression: string
}

export interface ClaimValidationRule {
  claim: string
  requiredValue: string
  expression: string
  message: string
}

export interface UserValidationRule {
  expression: string
  message: string
}

export interface Issuer {
  url: string
  discoveryURL: string
  certificateAuthority: string
  audiences: string[]
  audienceMatchPolicy: string
  egressSelectorType: string
}

/** One `jwt[]` entry of an AuthenticationConfiguration, or the one the legacy `--oidc-*` flags make. */
export interface JwtAuthenticator {
  issuer: Issuer
  claimValidationRules: ClaimValidationRule[]
  claimMappings: {
    username: PrefixedClaimOrExpression
    groups: PrefixedClaimOrExpression
    uid: ClaimOrExpression
    extra: ExtraMapping[]
  }
  userValidationRules: UserValidationRule[]
}

/** What the pasted settings were recognised as. */
export type SettingsSource = 'none' | 'authentication-configuration' | 'flags' | 'static-pod'

/** A start-up error of the API server: with one of these the server would not run, so no verdict is given. */
export interface SettingsError {
  /** Stable code, e.g. `SETTINGS_INVALID_FIELD`. */
  code: string
  /** The API server's own message (the field error, or the flag error). */
  message: string
  /** The field path (`jwt[0].issuer.url`) or the flag (`--service-account-issuer`). */
  where: string
  field?: FieldError
}

/** Everything the authenticators need, as read from the paste (with upstream's defaults applied). */
export interface ClusterSettings {
  source: SettingsSource
  /** Sentences saying what was recognised and what was assumed. */
  found: string[]
  serviceAccount: {
    /** `--service-account-issuer` values; empty when not given (the token's issuer is then assumed). */
    issuers: string[]
    /** `--api-audiences`; undefined when not set (they then default to the issuers). */
    apiAudiences?: string[]
    keyFiles: string[]
    lookup: boolean
  }
  /** The JWT authenticators, from an AuthenticationConfiguration or the `--oidc-*` flags. */
  jwt: JwtAuthenticator[]
  jwtSource: 'authentication-configuration' | 'oidc-flags' | 'none'
  /** Algorithms the JWT authenticators accept: all nine with a config file, `--oidc-signing-algs` otherwise. */
  signingAlgs: string[]
  /** `--authentication-config` when only the flags were pasted (the file itself was not). */
  authenticationConfigPath?: string
  /** CEL expressions in the configuration: the evaluator is needed for these. */
  celExpressionCount: number
  errors: SettingsError[]
  diagnostics: Diagnostic[]
}

export type VerdictState = 'authenticated' | 'unverified' | 'rejected' | 'not-handled' | 'undetermined'

export interface ExtraValue {
  key: string
  values: string[]
}

/** `user.Info` as TokenReview reports it. */
export interface UserInfo {
  username: string
  uid: string
  groups: string[]
  extra: ExtraValue[]
}

export type StepOutcome = 'pass' | 'fail' | 'skip' | 'info' | 'not-checked'

/** One line of the trace: which check, what it compared, and how it came out. */
export interface TraceStep {
  /** Stable id of the check, e.g. `issuer`, `signature`, `audience`, `exp`. */
  check: string
  authenticator: string
  outcome: StepOutcome
  /** What was compared, in words, with the values. */
  detail: string
}

/** A check that only the live cluster can make, with the command that shows the object. */
export interface LiveCheck {
  id: string
  what: string
  /** The command, or undefined when a name in the token is not a valid object name. */
  command?: string
  /** Why no command is given. */
  refused?: string
}

export interface Verdict {
  state: VerdictState
  /** `service-account`, or `jwt:<issuer url>`; undefined for not-handled and settings errors. */
  authenticator?: string
  /** Stable reason code on rejected / undetermined. */
  reason?: string
  /** The API server's own error text where it has one. */
  error?: string
  /** Which check and which input caused the rejection, in words. */
  explanation?: string
  /** The id of the trace step that failed (`audience`, `exp`, `signature`…), on rejected. */
  failedCheck?: string
  user?: UserInfo
  /** Audiences the authenticator reports (TokenReview status.audiences). */
  audiences: string[]
  signatureVerified: boolean
  trace: TraceStep[]
  liveChecks: LiveCheck[]
  /** Start-up errors; when present, state is undetermined and no verdict is given. */
  settingsErrors: SettingsError[]
  notes: string[]
}

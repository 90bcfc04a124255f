/**
 * Would the cluster accept this token? The API server's token authenticators, offline.
 *
 * - {@link parseClusterSettings} reads the cluster settings box: an AuthenticationConfiguration
 *   (YAML or JSON), kube-apiserver flags, a kube-apiserver static Pod manifest, or nothing (then
 *   upstream's defaults, with the token's own issuer as service account issuer). Invalid settings
 *   come back as the API server's own start-up errors, with their field paths.
 * - {@link evaluateToken} runs the legacy and bound service account authenticators and the JWT
 *   authenticators in upstream's order and returns a {@link Verdict}: authenticated (every offline
 *   check passes and a pasted key verified the signature), unverified (no key), rejected (with the
 *   API server's error text), not-handled, or undetermined (settings invalid, or a CEL expression
 *   that cannot be evaluated offline), with the user, a trace and the checks only the live cluster
 *   can make.
 * - {@link tokenReviewFor} and {@link tokenReviewYaml} give the same result as a TokenReview.
 *
 * Pure: no DOM, no import(). YAML parsing and CEL evaluation are passed in by the caller (the
 * page loads both lazily); see {@link CelEngine}. Loaded lazily with the verification code.
 * @byPath ./codes.ts (its codes, which the registry joins by path)
 * @module
 */
export { parseClusterSettings, jwtFromOidcFlags, ALL_JWT_SIGNING_ALGS } from './settings.ts'
export type { ParseSettingsOptions, SettingsResult } from './settings.ts'
export { evaluateToken, effectiveServiceAccount, withAuthenticatedGroup } from './evaluate.ts'
export type { EvaluateInput } from './evaluate.ts'
export { VERDICT_REASONS, reasonInfo } from './reasons.ts'
export type { VerdictReason, ReasonInfo } from './reasons.ts'
export { clusterExpectations } from './expectations.ts'
export type { ClusterExpectations } from './expectations.ts'
export { tokenReviewFor, tokenReviewYaml, INVALID_BEARER_TOKEN } from './tokenReview.ts'
export type { TokenReview, TokenReviewStatus } from './tokenReview.ts'
export { validateAuthenticationConfiguration, validateJwtAuthenticator, MAX_JWT_AUTHENTICATORS } from './validate.ts'
export { decodeAuthConfig } from './authConfig.ts'
export { parseFlagText, shellWords } from './flags.ts'
export { SA_LEEWAY_SECONDS, LEGACY_ISSUER } from './serviceAccount.ts'
export { JWT_NBF_LEEWAY_SECONDS } from './jwt.ts'
export { kubectlGet, posixQuote, isObjectName, isNamespaceName } from './shell.ts'
export { fieldErrorMessage } from './fieldErrors.ts'
export type { FieldError } from './fieldErrors.ts'
export type {
  CelEngine,
  CelEnvKind,
  CelProgram,
  CelCompileResult,
  CelEvalResult,
  CelResultValue,
  CelUserInput,
} from './cel.ts'
export type {
  ClusterSettings,
  JwtAuthenticator,
  SettingsError,
  SettingsSource,
  Verdict,
  VerdictState,
  UserInfo,
  ExtraValue,
  TraceStep,
  StepOutcome,
  LiveCheck,
} from './types.ts'

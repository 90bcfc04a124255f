// The stable codes of the verdict's data-reason, one table: which check each belongs to and which
// inputs (token claims, cluster settings, the key box, the clock) can cause it, so that a rejection
// can say what to look at, and the README and the tests read the same list.

/** One verdict reason: the check it comes from, and the inputs that decide that check. */
export interface ReasonInfo {
  /** The trace step id of the check (`audience`, `signature`, `exp`…). */
  check: string
  /** What was compared, as the user knows it: claims, flags or fields, the key box, the clock. */
  inputs: readonly string[]
}

const CLOCK = 'the clock of this browser'
const KEY_BOX = 'the key box'
const SA_ISSUERS = '--service-account-issuer'
const API_AUDIENCES = '--api-audiences (when it is not set: the service account issuers)'
const MAPPING = (field: string) => `claimMappings.${field} of the JWT authenticator`

/**
 * Every `data-reason` a verdict can carry. `rejected` verdicts carry an `SA_*` or `JWT_*` code;
 * `undetermined` ones (this page's extension: no verdict can be given offline) carry a `CEL_*`,
 * `SETTINGS_INVALID`, `JWT_DISTRIBUTED_CLAIMS_FETCH` or `INTERNAL`; `not-handled` carries `NOT_HANDLED`.
 */
export const VERDICT_REASONS = {
  // The service account authenticators (legacy and bound)
  SA_ALGORITHM: { check: 'signature', inputs: ['the token’s alg header'] },
  SA_NO_KEY_FOR_KID: { check: 'signature', inputs: ['the token’s kid header', KEY_BOX] },
  SA_SIGNATURE_INVALID: { check: 'signature', inputs: ['the token’s signature', KEY_BOX] },
  SA_CLAIMS_UNREADABLE: { check: 'claims', inputs: ['the type of a registered or kubernetes.io claim'] },
  SA_AUDIENCE: { check: 'audience', inputs: ['the token’s aud', API_AUDIENCES] },
  SA_LEGACY_CLAIMS: { check: 'legacy-claims', inputs: ['sub and the kubernetes.io/serviceaccount/* claims'] },
  SA_NOT_YET_VALID: { check: 'nbf', inputs: ['the token’s nbf', CLOCK] },
  SA_EXPIRED: { check: 'exp', inputs: ['the token’s exp', CLOCK] },
  SA_ISSUED_IN_FUTURE: { check: 'iat', inputs: ['the token’s iat', CLOCK] },
  SA_CLAIMS_MISSING: { check: 'serviceaccount', inputs: ['kubernetes.io.namespace and kubernetes.io.serviceaccount'] },
  // The JWT authenticators of an AuthenticationConfiguration or of the --oidc-* flags
  JWT_MALFORMED: { check: 'form', inputs: ['the token’s form'] },
  JWT_CLAIMS_UNREADABLE: { check: 'claims', inputs: ['the type of iss, aud, exp, nbf or _claim_names'] },
  JWT_DISTRIBUTED_CLAIMS: { check: 'claims', inputs: ['the token’s _claim_names and _claim_sources'] },
  JWT_AUDIENCE: { check: 'audience', inputs: ['the token’s aud', 'issuer.audiences (or --oidc-client-id)'] },
  JWT_EXPIRED: { check: 'exp', inputs: ['the token’s exp', CLOCK] },
  JWT_NOT_YET_VALID: { check: 'nbf', inputs: ['the token’s nbf', CLOCK] },
  JWT_ALGORITHM: {
    check: 'algorithm',
    inputs: ['the token’s alg header', 'the accepted algorithms (--oidc-signing-algs with the flags)'],
  },
  JWT_SIGNATURE_INVALID: { check: 'signature', inputs: ['the token’s signature', KEY_BOX] },
  JWT_USERNAME: { check: 'username', inputs: [MAPPING('username'), 'the token’s claims'] },
  JWT_EMAIL_NOT_VERIFIED: { check: 'email_verified', inputs: ['the token’s email_verified', MAPPING('username')] },
  JWT_GROUPS: { check: 'groups', inputs: [MAPPING('groups'), 'the token’s claims'] },
  JWT_UID: { check: 'uid', inputs: [MAPPING('uid'), 'the token’s claims'] },
  JWT_EXTRA: { check: 'extra', inputs: [MAPPING('extra'), 'the token’s claims'] },
  JWT_REQUIRED_CLAIM: {
    check: 'required-claim',
    inputs: ['claimValidationRules[].claim and requiredValue (or --oidc-required-claim)', 'the token’s claims'],
  },
  JWT_CLAIM_RULE: { check: 'claim-rule', inputs: ['claimValidationRules[].expression', 'the token’s claims'] },
  JWT_USER_RULE: { check: 'user-rule', inputs: ['userValidationRules[].expression', 'the mapped user'] },
  // No verdict (this page's extension, `undetermined`)
  JWT_DISTRIBUTED_CLAIMS_FETCH: { check: 'groups', inputs: ['the token’s _claim_sources endpoint'] },
  CEL_ENGINE_NEEDED: { check: 'mapping', inputs: ['the CEL expressions of the configuration'] },
  CEL_NOT_EVALUABLE_OFFLINE: { check: 'mapping', inputs: ['a CEL expression of the configuration'] },
  SETTINGS_INVALID: { check: 'settings', inputs: ['the cluster settings'] },
  INTERNAL: { check: 'internal', inputs: [] },
  // No authenticator for this issuer
  NOT_HANDLED: { check: 'issuer', inputs: ['the token’s iss', `${SA_ISSUERS} and the JWT authenticators’ issuer.url`] },
} as const satisfies Record<string, ReasonInfo>

/** A stable `data-reason` code. */
export type VerdictReason = keyof typeof VERDICT_REASONS

/** The check and the inputs behind a reason. */
export function reasonInfo(reason: VerdictReason): ReasonInfo {
  return VERDICT_REASONS[reason]
}

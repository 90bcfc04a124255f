import { diagnosticsFor, type CodeOf } from '../diagnostics/diagnostic.ts'
import type { CodeInfo } from '../diagnostics/codes.ts'
import { UNICODE, oidc, rfc, spiffe } from '../diagnostics/specRefs.ts'

const KEY_IN_HEADER = rfc(8725, '3.10')

/**
 * The diagnostic codes of the checks that load on demand with the shape checks (decoding's notes,
 * the rarer header parameters and claims, misleading text, the tokens that sit next to Kubernetes
 * ones): part of the one registry (see `src/core/diagnostics/codes.ts`), kept beside the code that
 * emits them so that they load with it, in the `shapes` chunk, instead of with the knowledge base.
 */
export const SHAPE_CHECK_CODES = {
  // What decoding found that does not decide whether the token is well-formed (decodingNotes.ts)
  /** The payload is not JSON: a JWS but not a JWT. */
  PAYLOAD_NOT_JSON: { severity: 'warning', ref: rfc(7519, '7.2') },
  /** cty names content other than JSON, shown as text. */
  PAYLOAD_OTHER_CONTENT: { severity: 'info', ref: rfc(7515, '4.1.10') },
  /** An SD-JWT with disclosures. */
  SD_JWT: { severity: 'info', ref: rfc(9901, '4') },
  /** An integer beyond 2^53 loses precision. */
  JSON_NUMBER_PRECISION: { severity: 'warning', ref: rfc(8259, '6') },
  /** A number beyond a double's range: JavaScript reads ±Infinity or 0 (the row shows its text). */
  JSON_NUMBER_OUT_OF_RANGE: { severity: 'warning', ref: rfc(8259, '6') },
  /** An encrypted token (JWE): only the header is readable. */
  JWE_ENCRYPTED: { severity: 'info', ref: rfc(7516, '3.1') },
  /** An unsecured JWT: nothing vouches for the claims. */
  UNSECURED_JWT: { severity: 'warning', ref: rfc(7519, '6') },
  /** b64 false: the payload is not base64url-encoded. */
  UNENCODED_PAYLOAD: { severity: 'info', ref: rfc(7797, '3') },
  /** The payload part is empty (detached or lost). */
  DETACHED_PAYLOAD: { severity: 'warning', ref: rfc(7515, 'F', true) },
  /** cty JWT: the payload is a nested token. */
  NESTED_JWT: { severity: 'info', ref: rfc(7519, '5.2') },
  /** The payload looks like a token but cty is not JWT. */
  NESTED_JWT_WITHOUT_CTY: { severity: 'warning', ref: rfc(7519, '5.2') },

  // The rarer header parameters (headerRare.ts)
  /** RSA1_5 key encryption. */
  ALG_RSA1_5: { severity: 'warning', ref: rfc(8725, '3.2') },
  /** The header carries its own key. */
  HEADER_JWK: { severity: 'warning', ref: KEY_IN_HEADER },
  /** jku: keys at a URL the token chose. */
  HEADER_JKU: { severity: 'warning', ref: KEY_IN_HEADER },
  /** x5u: a certificate at a URL the token chose. */
  HEADER_X5U: { severity: 'warning', ref: KEY_IN_HEADER },
  /** The header carries its own certificate chain. */
  HEADER_X5C: { severity: 'warning', ref: KEY_IN_HEADER },
  /** crit is malformed. */
  CRIT_INVALID: { severity: 'error', ref: rfc(7515, '4.1.11') },
  /** crit makes extensions mandatory. */
  CRIT_EXTENSIONS: { severity: 'info', ref: rfc(7515, '4.1.11') },
  /** b64 false: an unencoded payload. */
  HEADER_B64_FALSE: { severity: 'warning', ref: rfc(7797, '3') },
  /** b64 false without crit. */
  B64_NOT_CRITICAL: { severity: 'error', ref: rfc(7797, '6') },
  /** Compressed before encryption. */
  HEADER_ZIP: { severity: 'warning', ref: rfc(8725, '3.6') },
  /** zip on a signed token. */
  HEADER_ZIP_JWS: { severity: 'warning', ref: rfc(7516, '4.1.3') },
  /** p2c is not a positive whole number. */
  PBES2_P2C_INVALID: { severity: 'error', ref: rfc(7518, '4.8.1.2') },
  /** p2c asks for a huge iteration count. */
  PBES2_P2C_LARGE: { severity: 'warning', ref: rfc(7518, '4.8.1.2') },
  /** typ names a special kind of token. */
  TYP_KIND: { severity: 'info', ref: rfc(8725, '3.11') },

  // The rarer claims (claimRare.ts)
  /** scope is not a string. */
  SCOPE_NOT_STRING: { severity: 'warning', ref: rfc(8693, '4.2') },
  /** scope is not separated by single spaces. */
  SCOPE_SEPARATOR: { severity: 'warning', ref: rfc(8693, '4.2') },
  /** cnf, act or may_act is not an object. */
  CLAIM_NOT_OBJECT: { severity: 'error', ref: rfc(8693, '4.1') },
  /** A nested act: an earlier actor. */
  ACT_PRIOR_ACTOR: { severity: 'info', ref: rfc(8693, '4.1') },
  /** at_hash, c_hash or s_hash is not a string. */
  OIDC_HASH_NOT_STRING: { severity: 'error', ref: oidc('3.1.3.6', 'CodeIDToken') },
  /** A hash claim's length does not fit alg. */
  OIDC_HASH_LENGTH: { severity: 'warning', ref: oidc('3.1.3.6', 'CodeIDToken') },
  /** email_verified or phone_number_verified not a boolean. */
  VERIFIED_NOT_BOOLEAN: { severity: 'warning', ref: oidc('5.1', 'StandardClaims') },

  // Text that could mislead a reader (deceptiveText.ts)
  /** A bidi control reorders how the text after it is displayed. */
  DISPLAY_BIDI_CONTROL: { severity: 'warning', ref: UNICODE.bidi },
  /** A control character, line or paragraph separator, lone surrogate or non-character. */
  DISPLAY_CONTROL_CHARACTER: { severity: 'warning', ref: UNICODE.security },
  /** A character that is not displayed at all (zero-width, format, default-ignorable). */
  DISPLAY_INVISIBLE_CHARACTER: { severity: 'warning', ref: UNICODE.security },
  /** A character that passes for another: other spaces, compatibility forms, mixed scripts. */
  DISPLAY_CONFUSABLE_CHARACTER: { severity: 'warning', ref: UNICODE.security },

  // Tokens that sit next to Kubernetes ones (dpop.ts, spiffe.ts, github.ts)
  /** A DPoP proof (RFC 9449): what it is and the checks that apply. */
  DPOP_PROOF: { severity: 'info', ref: rfc(9449, '4.2') },
  /** A DPoP proof that breaks a rule of RFC 9449 §4.2. */
  DPOP_PROOF_INVALID: { severity: 'error', ref: rfc(9449, '4.2') },
  /** A SPIFFE WIT-SVID: a workload identity token, never a bearer token. */
  WIT_SVID: { severity: 'info', ref: spiffe('WIT-SVID') },
  /** A JWT-SVID or WIT-SVID that breaks a rule of its SPIFFE standard. */
  SPIFFE_SVID_RULE: { severity: 'warning', ref: spiffe('JWT-SVID') },
  /** A GitHub Actions sub in the immutable owner@id/repo@id form. */
  GITHUB_SUB_IMMUTABLE: { severity: 'info' },
  /** The ids in a GitHub Actions sub differ from repository_owner_id or repository_id. */
  GITHUB_SUB_ID_MISMATCH: { severity: 'warning' },
} as const satisfies Record<string, CodeInfo>

/** Makes a diagnostic with one of these codes, or a start-up one, taking severity and ref from the registry. */
export const diagnostic = diagnosticsFor(SHAPE_CHECK_CODES)

/** The codes the shape checks may emit: their own and the start-up ones. */
export type ShapeCheckCode = CodeOf<typeof SHAPE_CHECK_CODES>

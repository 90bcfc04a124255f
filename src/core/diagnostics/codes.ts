import { K8S, oidc, rfc, type SpecRef } from './specRefs.ts'

/** How serious a diagnostic is; the `data-severity` test hook. */
export type Severity = 'error' | 'warning' | 'info'

/** The `data-risk` ids of the Kubernetes risk banner. */
export type BannerId =
  | 'never-expires'
  | 'expired'
  | 'stale'
  | 'not-yet-valid'
  | 'foreign-audience'
  | 'unexpected-alg'
  | 'typ-present'
  | 'kid-empty'
  | 'kid-missing'
  | 'kid-unusual'

/** What the registry knows about one code. */
export interface CodeInfo {
  /** The one severity every diagnostic with this code has. */
  readonly severity: Severity
  /** The spec section a diagnostic links to unless its emission site names a closer one. */
  readonly ref?: SpecRef
  /** Shown in the Kubernetes risk banner too, under this `data-risk` id. */
  readonly banner?: BannerId
}

const B64 = rfc(7515, '2')
const KEY_IN_HEADER = rfc(8725, '3.10')

/**
 * The one table of diagnostic codes. A code means one thing and has one severity; emission sites
 * name the code and the registry supplies severity and default reference (see `diagnostic()`).
 * Adding a code here without a witness in codes.test.ts fails that test.
 */
export const CODES = {
  // Finding the token in the paste
  /** The paste is too large to search for a token. */
  PASTE_TOO_LARGE: { severity: 'error' },
  /** Nothing in the paste holds a token. */
  NO_TOKEN_FOUND: { severity: 'error' },
  /** YAML-looking paste that does not parse; searched as text. */
  YAML_INVALID: { severity: 'info' },
  /** Spaces or line breaks were removed from the token. */
  WHITESPACE_REMOVED: { severity: 'info' },
  /** Base64 that decodes to something other than a JWT. */
  BASE64_NOT_JWT: { severity: 'error' },
  /** A token field holds an opaque token, not a JWT. */
  FIELD_NOT_JWT: { severity: 'info' },
  /** The Secret is not a service-account-token Secret. */
  SECRET_NOT_SA_TOKEN_TYPE: { severity: 'warning' },
  /** The Secret's data.token is not base64. */
  SECRET_DATA_NOT_BASE64: { severity: 'error' },
  /** The Secret's data.token holds a JWT not base64-encoded. */
  SECRET_DATA_TOKEN_UNENCODED: { severity: 'warning' },
  /** The Secret's metadata contradicts the token's claims. */
  SECRET_CLAIM_MISMATCH: { severity: 'warning' },
  /** The Secret's metadata matches the token's claims. */
  SECRET_CLAIMS_MATCH: { severity: 'info' },
  /** Kubeconfig users without a JWT, not offered. */
  KUBECONFIG_USER_WITHOUT_TOKEN: { severity: 'info' },
  /** A TokenRequest's status expiry differs from exp. */
  TOKEN_REQUEST_EXPIRY_DIFFERS: { severity: 'info' },
  /** The token in the address has a broken %-escape. */
  FRAGMENT_BAD_ESCAPE: { severity: 'error' },

  // Decoding the compact token
  /** Nothing to decode. */
  TOKEN_EMPTY: { severity: 'info' },
  /** The token is too large to decode. */
  TOKEN_TOO_LARGE: { severity: 'error' },
  /** JWS/JWE JSON serialization, not a compact token. */
  JSON_SERIALIZATION: { severity: 'error', ref: rfc(7515, '7.2') },
  /** Neither 3 nor 5 dot-separated parts. */
  SEGMENT_COUNT: { severity: 'error', ref: rfc(7516, '9') },
  /** The header or payload part is empty. */
  SEGMENT_EMPTY: { severity: 'error', ref: rfc(7515, '7.1') },
  /** A part ends with '=' padding. */
  B64_PADDING: { severity: 'warning', ref: B64 },
  /** A part has a character outside base64url. */
  B64_INVALID_CHAR: { severity: 'error', ref: B64 },
  /** A part uses base64's '+' or '/'. */
  B64_STANDARD_ALPHABET: { severity: 'warning', ref: B64 },
  /** A part has an impossible base64 length. */
  B64_BAD_LENGTH: { severity: 'error', ref: B64 },
  /** The decoded header or payload is not UTF-8. */
  UTF8_INVALID: { severity: 'error', ref: rfc(7519, '7.2') },
  /** The decoded JSON starts with a byte-order mark. */
  UTF8_BOM: { severity: 'warning', ref: rfc(8259, '8.1') },
  /** The decoded header or payload is not valid JSON. */
  JSON_SYNTAX: { severity: 'error', ref: rfc(8259) },
  /** The header is JSON but not an object. */
  HEADER_NOT_OBJECT: { severity: 'error', ref: rfc(7515, '4') },
  /** The claims are JSON but not an object. */
  PAYLOAD_NOT_OBJECT: { severity: 'error', ref: rfc(7519, '7.2') },
  /** A member name appears twice. */
  JSON_DUPLICATE_MEMBER: { severity: 'warning', ref: rfc(7519, '4') },
  /** An integer beyond 2^53 loses precision. */
  JSON_NUMBER_PRECISION: { severity: 'warning', ref: rfc(8259, '6') },
  /** A number beyond a double's range: JavaScript reads ±Infinity or 0 (the row shows its text). */
  JSON_NUMBER_OUT_OF_RANGE: { severity: 'warning', ref: rfc(8259, '6') },
  /** Five parts but no 'enc' in the header. */
  JWE_HEADER_NO_ENC: { severity: 'error', ref: rfc(7516, '4.1.2') },
  /** An encrypted token (JWE): only the header is readable. */
  JWE_ENCRYPTED: { severity: 'info', ref: rfc(7516, '3.1') },
  /** The header has 'enc' but the token has three parts. */
  JWE_SEGMENT_COUNT: { severity: 'error', ref: rfc(7516, '9') },
  /** The header has no 'alg'. */
  HEADER_ALG_MISSING: { severity: 'error', ref: rfc(7515, '4.1.1') },
  /** The header's 'alg' is not a string. */
  HEADER_ALG_NOT_STRING: { severity: 'error', ref: rfc(7515, '4.1.1') },
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
  /** The payload is not JSON: a JWS but not a JWT. */
  PAYLOAD_NOT_JSON: { severity: 'warning', ref: rfc(7519, '7.2') },
  /** cty names content other than JSON, shown as text. */
  PAYLOAD_OTHER_CONTENT: { severity: 'info', ref: rfc(7515, '4.1.10') },
  /** alg none with a signature part. */
  ALG_NONE_WITH_SIGNATURE: { severity: 'error', ref: rfc(7519, '6.1') },
  /** The signature part is empty. */
  SIGNATURE_EMPTY: { severity: 'error', ref: rfc(7515, '7.1') },
  /** The signature was left out of a shared link. */
  SIGNATURE_REMOVED_FOR_SHARING: { severity: 'info', ref: rfc(7515, '7.1') },
  /** The signature's length does not fit its algorithm. */
  SIGNATURE_LENGTH: { severity: 'warning', ref: rfc(7518, '3') },
  /** An SD-JWT with disclosures. */
  SD_JWT: { severity: 'info', ref: rfc(9901, '4') },
  /** A disclosure that cannot be read. */
  SD_JWT_DISCLOSURE_INVALID: { severity: 'error', ref: rfc(9901, '4') },

  // Header checks
  /** alg none: no signature. */
  ALG_NONE: { severity: 'warning', ref: rfc(8725, '3.1') },
  /** HMAC where a public key belongs: key confusion. */
  ALG_KEY_CONFUSION: { severity: 'warning', ref: rfc(8725, '3.1') },
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

  // Claim checks
  /** aud is neither a string nor strings. */
  AUD_INVALID_TYPE: { severity: 'error', ref: rfc(7519, '4.1.3') },
  /** iss or sub is not a string. */
  CLAIM_NOT_STRING: { severity: 'error', ref: rfc(7519, '4.1') },
  /** iss or sub has leading or trailing spaces. */
  CLAIM_WHITESPACE: { severity: 'warning', ref: rfc(7519, '4.1') },
  /** iss or sub has capitals in its scheme or host. */
  CASE_SENSITIVE_MATCH: { severity: 'info', ref: rfc(7519, '4.1') },
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

  // Time claims
  /** A NumericDate claim is not a number. */
  TIME_NOT_A_NUMBER: { severity: 'error', ref: rfc(7519, '2') },
  /** A NumericDate in milliseconds. */
  TIME_IN_MILLISECONDS: { severity: 'warning', ref: rfc(7519, '2') },
  /** A NumericDate beyond the year 9999. */
  TIME_BEYOND_9999: { severity: 'warning', ref: rfc(7519, '2') },
  /** A NumericDate before 1970. */
  TIME_NEGATIVE: { severity: 'warning', ref: rfc(7519, '2') },
  /** iat is after exp. */
  TIME_IAT_AFTER_EXP: { severity: 'warning', ref: rfc(7519, '4.1.6') },
  /** nbf is not before exp. */
  TIME_NBF_NOT_BEFORE_EXP: { severity: 'warning', ref: rfc(7519, '4.1.5') },
  /** nbf is before iat. */
  TIME_NBF_BEFORE_IAT: { severity: 'info', ref: rfc(7519, '4.1.5') },
  /** iat is in the future by this clock. */
  TIME_IAT_IN_FUTURE: { severity: 'warning', ref: rfc(7519, '4.1.6') },

  // Kubernetes service account tokens
  /** A legacy token lacks a required claim. */
  K8S_LEGACY_CLAIM_MISSING: { severity: 'error', ref: K8S.legacy },
  /** A bound token without namespace. */
  K8S_NAMESPACE_MISSING: { severity: 'error', ref: K8S.claims },
  /** A bound token without service account name or uid. */
  K8S_SERVICEACCOUNT_INCOMPLETE: { severity: 'error', ref: K8S.claims },
  /** Bound to a Secret and a pod or node. */
  K8S_BOUND_CONFLICT: { severity: 'error', ref: K8S.claims },
  /** A bound object without name or uid. */
  K8S_BOUND_REF_INCOMPLETE: { severity: 'warning', ref: K8S.claims },
  /** Bound to an object kind this page does not know. */
  K8S_UNKNOWN_BOUND_OBJECT: { severity: 'info' },
  /** A bound token without sub. */
  K8S_SUB_MISSING: { severity: 'warning', ref: K8S.claims },
  /** A bound token's sub is no service account username. */
  K8S_SUB_UNPARSABLE: { severity: 'warning', ref: K8S.username },
  /** A bound token's sub differs from its service account. */
  K8S_SUB_MISMATCH: { severity: 'warning', ref: K8S.claims },
  /** A legacy token without sub. */
  K8S_LEGACY_SUB_MISSING: { severity: 'error', ref: K8S.legacy },
  /** A legacy token's sub is no service account username. */
  K8S_LEGACY_SUB_UNPARSABLE: { severity: 'error', ref: K8S.username },
  /** A legacy token's sub differs from its service account. */
  K8S_LEGACY_SUB_MISMATCH: { severity: 'error', ref: K8S.legacy },
  /** Legacy and bound claims together. */
  K8S_MIXED_SHAPE: { severity: 'warning', ref: K8S.docs },
  /** Legacy claims with exp or aud. */
  K8S_LEGACY_WITH_EXPIRY: { severity: 'info', ref: K8S.legacy },
  /** An alg the API server never signs with. */
  K8S_ALG_UNEXPECTED: { severity: 'warning', ref: K8S.jwt, banner: 'unexpected-alg' },
  /** A service account token that never expires. */
  K8S_NEVER_EXPIRES: { severity: 'error', banner: 'never-expires' },
  /** Expired: the API server refuses it. */
  K8S_EXPIRED: { severity: 'warning', banner: 'expired' },
  /** Past warnafter: each use is audited as stale. */
  K8S_STALE: { severity: 'warning', banner: 'stale' },
  /** Not valid yet (nbf in the future). */
  K8S_NOT_YET_VALID: { severity: 'warning', banner: 'not-yet-valid' },
  /** An audience other than the API server. */
  K8S_FOREIGN_AUDIENCE: { severity: 'warning', banner: 'foreign-audience' },
  /** typ, which the API server's own signer never writes. */
  K8S_TYP_PRESENT: { severity: 'info', banner: 'typ-present' },
  /** An empty kid, as from Kubernetes 1.11 to 1.15. */
  K8S_KID_EMPTY: { severity: 'info', banner: 'kid-empty' },
  /** No kid. */
  K8S_KID_MISSING: { severity: 'info', banner: 'kid-missing' },
  /** A kid of neither Kubernetes nor EKS form. */
  K8S_KID_UNUSUAL: { severity: 'info', banner: 'kid-unusual' },

  // Key material and signature verification
  /** A private key was pasted and refused. */
  PRIVATE_KEY_REFUSED: { severity: 'error' },
  /** A PEM block without its END line. */
  PEM_INCOMPLETE: { severity: 'error', ref: rfc(7468, '2') },
  /** A PEM block that is not base64. */
  PEM_BAD_BASE64: { severity: 'error', ref: rfc(7468, '2') },
  /** A PEM block without a readable key. */
  PEM_BAD_DER: { severity: 'error', ref: rfc(7468, '2') },
  /** A PEM block that holds no public key. */
  PEM_LABEL_UNSUPPORTED: { severity: 'warning', ref: rfc(7468, '2') },
  /** Key text that is broken JSON. */
  KEY_JSON_INVALID: { severity: 'error' },
  /** JSON that is no JWK, JWK Set or discovery document. */
  KEY_JSON_NOT_KEY: { severity: 'error', ref: rfc(7517, '4') },
  /** Key text that is neither PEM nor JSON. */
  KEY_UNRECOGNISED: { severity: 'error' },
  /** An HMAC secret not in the chosen encoding. */
  HMAC_SECRET_ENCODING: { severity: 'error' },
  /** An HMAC secret shorter than its hash. */
  HMAC_SECRET_SHORT: { severity: 'warning', ref: rfc(7518, '3.2') },
  /** A JWK Set without keys. */
  JWKS_EMPTY: { severity: 'error', ref: rfc(7517, '5') },
  /** JWK Set entries that are not objects. */
  JWKS_ENTRY_NOT_OBJECT: { severity: 'warning', ref: rfc(7517, '5') },
  /** A discovery document, which holds no keys. */
  DISCOVERY_HAS_NO_KEYS: { severity: 'info' },
  /** alg none can never be verified. */
  ALG_NONE_NEVER_VERIFIED: { severity: 'error', ref: rfc(8725, '3.1') },

  // Cluster settings (the API server panel)
  /** The cluster settings box holds nothing this page can read. */
  SETTINGS_UNRECOGNISED: { severity: 'error' },
  /** The cluster settings start like JSON but are not valid JSON. */
  SETTINGS_JSON_INVALID: { severity: 'error' },
  /** The cluster settings look like YAML but do not parse. */
  SETTINGS_YAML_INVALID: { severity: 'error' },

  // Shared links
  /** Not a JWT Explorer shared link. */
  PERMALINK_NOT_A_LINK: { severity: 'error' },
  /** A shared link of an unknown format version. */
  PERMALINK_VERSION_UNSUPPORTED: { severity: 'error' },
  /** A damaged shared link. */
  PERMALINK_CORRUPT: { severity: 'error' },
  /** A shared link cut off in copying. */
  PERMALINK_TRUNCATED: { severity: 'error' },
  /** This browser cannot decompress shared links. */
  PERMALINK_UNSUPPORTED_BROWSER: { severity: 'error' },
  /** A shared link that expands too far. */
  PERMALINK_TOO_LARGE: { severity: 'error' },
  /** A shared link with malformed content. */
  PERMALINK_INVALID: { severity: 'error' },
  /** No readable header to share. */
  SHARE_NOTHING_TO_SHARE: { severity: 'info' },
  /** An encrypted token cannot be shared. */
  SHARE_ENCRYPTED: { severity: 'info' },
  /** A payload that cannot be shared. */
  SHARE_PAYLOAD_UNSUPPORTED: { severity: 'info' },
  /** A value redacted by the sharer. */
  SHARED_VALUE_REDACTED: { severity: 'info' },
  /** Classified differently than on the sharer’s page. */
  SHARED_KIND_DIFFERS: { severity: 'warning' },

  // The page itself
  /** More diagnostics of one code than are listed (the first 20 are); one per such code. */
  DIAGNOSTICS_CAPPED: { severity: 'info' },
  /** A bug in JWT Explorer while showing the token. */
  INTERNAL_ERROR: { severity: 'error' },
} as const satisfies Record<string, CodeInfo>

/** Every diagnostic code: the closed union the UI's `data-code` hook takes its values from. */
export type DiagnosticCode = keyof typeof CODES

/** The registry entry of a code, widened so that optional fields can be read on any code. */
export function codeInfo(code: DiagnosticCode): CodeInfo {
  return CODES[code]
}

import type { DecodedJson, DecodedToken } from '../decode/decodeToken.ts'
import type { JsonObject } from '../encoding/json.ts'
import { readKubernetesClaims } from '../k8s/claims.ts'
import { hasRareKubernetesShape } from '../k8s/shapeChecks.ts'
import type { ProviderId } from '../knowledge/types.ts'

// Whether a token has one of the rarer shapes whose checks load on demand (checks/shapes.ts):
// cheap tests on the decoded token, with the knowledge base, so that the page asks for those
// checks only for a token they can say something about.

/** True when the header's typ says DPoP proof (media types compare without case, RFC 7515 §4.1.9). */
export function isDpopProof(header: JsonObject): boolean {
  return typeof header.typ === 'string' && header.typ.toLowerCase().replace(/^application\//, '') === 'dpop+jwt'
}

/** True when the header's typ says SPIFFE WIT-SVID. */
export function isWit(header: JsonObject): boolean {
  return typeof header.typ === 'string' && header.typ.toLowerCase() === 'wit+jwt'
}

// The header parameters whose warnings are checks/headerRare.ts; typ is one unless it says JWT.
const RARE_HEADER_PARAMS = ['jwk', 'jku', 'x5u', 'x5c', 'crit', 'b64', 'zip', 'p2c']

/**
 * True when the header has a parameter whose warnings load with the shape checks
 * (checks/headerRare.ts): a key or key URL, crit, b64, zip, p2c, alg RSA1_5, or a typ other than
 * JWT. Never throws.
 */
export function hasRareHeader(header: JsonObject | undefined): boolean {
  if (!header) return false
  const typ = header.typ
  return (
    RARE_HEADER_PARAMS.some((name) => Object.hasOwn(header, name) && header[name] !== undefined) ||
    header.alg === 'RSA1_5' ||
    (typeof typ === 'string' && typ.toLowerCase().replace(/^application\//, '') !== 'jwt')
  )
}

// The claims whose value checks are checks/claimRare.ts.
const RARE_CLAIMS = [
  'scope',
  'cnf',
  'act',
  'may_act',
  'at_hash',
  'c_hash',
  's_hash',
  'email_verified',
  'phone_number_verified',
]

/** True when the claims have one whose value checks load with the shape checks (checks/claimRare.ts). */
export function hasRareClaim(claims: JsonObject): boolean {
  return RARE_CLAIMS.some((name) => Object.hasOwn(claims, name) && claims[name] !== undefined)
}

// Text that findDeceptive could flag has a character outside printable ASCII once decoded: in the
// JSON text, either one as it is or an escape other than \", \\ and \/ (\t, \n, \u202e…).
const MAYBE_DECEPTIVE = /[^\x20-\x7e]|\\[^"\\/]/

/**
 * True when the header or the claims may hold a misleading character (checks/deceptiveText.ts,
 * which loads with the shape checks): their JSON text has a character or an escape that decodes
 * to something outside printable ASCII. Never throws.
 */
export function mayHaveDeceptiveText(decoded: DecodedToken): boolean {
  return (
    (decoded.header != null && MAYBE_DECEPTIVE.test(decoded.header.text)) ||
    (decoded.payload.kind === 'claims' && MAYBE_DECEPTIVE.test(decoded.payload.json.text))
  )
}

/** A payload that opened like JSON but did not parse into an object: decoding said why, and shows it as text. */
export function payloadJsonError(decoded: DecodedToken): boolean {
  return decoded.diagnostics.some(
    (d) => d.part === 'payload' && (d.code === 'JSON_SYNTAX' || d.code === 'PAYLOAD_NOT_OBJECT'),
  )
}

/** Whether a decoded JSON part has a member twice or a number JavaScript cannot hold exactly. */
const hasJsonNotes = (json: DecodedJson | null | undefined) =>
  json != null && (json.duplicates.length > 0 || json.impreciseNumbers.length > 0)

/**
 * True when decoding found something that its notes put in words (checks/decodingNotes.ts, which
 * loads with the shape checks): an encrypted or unsecured token, an SD-JWT, a payload that is
 * not claims (unencoded, detached, nested, text that is no broken JSON), a duplicate member or
 * an imprecise number. A pod's bound token has none of them. Never throws.
 */
export function hasDecodingNotes(decoded: DecodedToken): boolean {
  const { payload } = decoded
  return (
    decoded.form === 'jwe' ||
    decoded.form === 'unsecured' ||
    decoded.sdJwt !== undefined ||
    payload.kind === 'unencoded' ||
    payload.kind === 'detached' ||
    payload.kind === 'nested' ||
    (payload.kind === 'text' && !payloadJsonError(decoded)) ||
    hasJsonNotes(decoded.header) ||
    (payload.kind === 'claims' && hasJsonNotes(payload.json))
  )
}

/** The header and claims of a well-formed JWS or unsecured JWT, which the shape checks read. */
export function shapeParts(decoded: DecodedToken): { header: JsonObject; payload: JsonObject } | undefined {
  const header = decoded.header?.value
  if (!decoded.wellFormed || !header || decoded.form === 'jwe' || decoded.payload.kind !== 'claims') return undefined
  return { header, payload: decoded.payload.json.value }
}

/**
 * True when the token has a shape whose checks are in checks/shapes.ts: a Kubernetes token bound
 * to an admission webhook, carrying attestations or signed through an external signer; a DPoP
 * proof; a SPIFFE WIT-SVID or JWT-SVID; a token from GitHub Actions. For any other token those
 * checks find nothing, so the page need not load them. Never throws.
 */
export function needsShapeChecks(decoded: DecodedToken, providers: readonly ProviderId[]): boolean {
  const parts = shapeParts(decoded)
  if (!parts) return false
  const { header, payload } = parts
  const k8s = readKubernetesClaims(payload)
  if (k8s && hasRareKubernetesShape(k8s, header)) return true
  return (
    isDpopProof(header) ||
    isWit(header) ||
    (typeof payload.sub === 'string' && payload.sub.startsWith('spiffe://')) ||
    providers.includes('github-actions')
  )
}

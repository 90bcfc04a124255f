/**
 * Verification: a signature checked offline against keys the user pasted (PEM, JWK, JWKS,
 * certificates, HMAC secrets), with private keys refused in every form and public keys never
 * taken as HMAC secrets. Loaded on demand with jose; the claim checks and the "not verified"
 * meaning load earlier, with the panel.
 *
 * Public too, but imported by path by other core folders (the code registry, the compose view):
 * re-exported here they would cost every loader of this chunk a namespace entry each.
 * @byPath ./codes.ts ./der.ts ./pem.ts ./spki.ts
 * @module
 */
export {
  isVerifiableAlg,
  caseVariantOf,
  keyTypeFor,
  keyMismatch,
  importParams,
  spkiParams,
  VERIFIABLE_ALGS,
} from './algorithms.ts'
export { checkClaims, type Expectations, type ClaimCheck } from './claimChecks.ts'
export { fetchCommand, providerJwksUrl, keySourceHints, type KeySourceHint } from './keyHelp.ts'
export {
  secretBytes,
  privateKeyRefusal,
  recognizeKeyMaterial,
  MAX_SECRET_LENGTH,
  type HmacEncoding,
  type MaterialKind,
  type KeyMaterial,
} from './keyMaterial.ts'
export {
  jwkIsPrivate,
  jwkCandidate,
  describeKey,
  PRIVATE_JWK_MEMBERS,
  type PublicJwk,
  type KeyCandidate,
} from './keys.ts'
export { kubernetesKeyId, compareKid, type KidCheckState, type KidCheck } from './kid.ts'
export { UNVERIFIED_MEANING, type SignatureState, type StateMeaning } from './meaning.ts'
export { STATE_MEANING } from './stateMeaning.ts'
export {
  kubernetesKeyIds,
  signedPart,
  verifySignature,
  type KeyAttempt,
  type VerifyResult,
  type VerifyOptions,
} from './verify.ts'

// Signature checks as each authenticator makes them, on top of the project's verifier
// (src/core/verify): one key at a time, with the key selection and algorithm rules of the
// authenticator in question rather than those of a generic verifier.
import type { DecodedToken } from '../decode/decodeToken.ts'
import type { KeyCandidate } from '../verify/keys.ts'
import type { KeyMaterial } from '../verify/keyMaterial.ts'
import { kubernetesKeyId } from '../verify/kid.ts'
import { verifySignature } from '../verify/verify.ts'

/** go-jose's message for any failed check (jws.go DetachedVerify returns ErrCryptoFailure). */
export const GO_JOSE_CRYPTO_FAILURE = 'go-jose/go-jose: error in cryptographic primitive'

export interface KeyTry {
  index: number
  /** The Kubernetes key id derived from the key (service account mode). */
  keyId?: string | null
  outcome: 'verified' | 'failed' | 'not-selected'
  reason: string
}

export type SignatureCheck =
  | { state: 'no-keys' }
  | { state: 'verified'; keyIndex: number; tries: KeyTry[] }
  | { state: 'failed'; error: string; tries: KeyTry[] }

/** Verifies with exactly this key; the key's own kid, alg and use are ignored, as go-jose ignores them. */
export async function verifyWithKey(decoded: DecodedToken, key: KeyCandidate): Promise<boolean> {
  const bare: KeyCandidate = { ...key, kid: undefined, alg: undefined, use: undefined, keyOps: undefined }
  const material: KeyMaterial = { kind: 'pem', summary: '', keys: [bare], diagnostics: [] }
  const result = await verifySignature(decoded, material, () => 0, { kids: 'verifying' })
  return result.state === 'verified'
}

const EC_ALG: Record<string, string> = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' }

/** The keys `--service-account-key-file` can hold: RSA and ECDSA (keyutil.ParsePublicKeysPEM). */
export function serviceAccountKeys(material: KeyMaterial): { usable: KeyCandidate[]; ignored: KeyCandidate[] } {
  const usable: KeyCandidate[] = []
  const ignored: KeyCandidate[] = []
  for (const k of material.keys) {
    if (!k.unusable && (k.kty === 'RSA' || (k.kty === 'EC' && k.crv && EC_ALG[k.crv]))) usable.push(k)
    else ignored.push(k)
  }
  return { usable, ignored }
}

/**
 * The service account authenticator's check (k/k pkg/serviceaccount/jwt.go): key ids are derived
 * from each key; a token kid picks the keys with that id and none other, an absent kid tries them
 * all, and a failure is go-jose's one message. RSA keys verify RS* and PS*, EC keys ES* on their
 * curve, as go-jose's verifiers do.
 */
export async function checkServiceAccountSignature(
  decoded: DecodedToken,
  material: KeyMaterial,
  alg: string,
  kid: string,
): Promise<SignatureCheck & { keyIds: (string | null)[] }> {
  const { usable } = serviceAccountKeys(material)
  if (usable.length === 0) return { state: 'no-keys', keyIds: [] }
  const keyIds = await Promise.all(usable.map((k) => kubernetesKeyId(k)))
  const tries: KeyTry[] = []
  const selected: KeyCandidate[] = []
  usable.forEach((k, i) => {
    if (kid === '' || keyIds[i] === kid) selected.push(k)
    else
      tries.push({
        index: k.index,
        keyId: keyIds[i],
        outcome: 'not-selected',
        reason: `its key id ${keyIds[i] ?? '(none)'} is not the token’s kid`,
      })
  })
  if (selected.length === 0) return { state: 'failed', error: 'invalid signature, no keys found', tries, keyIds }
  for (const k of selected) {
    const keyId = keyIds[usable.indexOf(k)]
    const fits = k.kty === 'RSA' ? /^(RS|PS)(256|384|512)$/.test(alg) : EC_ALG[k.crv ?? ''] === alg
    if (fits && (await verifyWithKey(decoded, k))) {
      tries.push({ index: k.index, keyId, outcome: 'verified', reason: `the ${alg} signature matches` })
      return { state: 'verified', keyIndex: k.index, tries, keyIds }
    }
    tries.push({
      index: k.index,
      keyId,
      outcome: 'failed',
      reason: fits
        ? 'the signature does not match this key'
        : `a ${k.kty} key cannot check ${alg || 'an unnamed algorithm'}`,
    })
  }
  return { state: 'failed', error: GO_JOSE_CRYPTO_FAILURE, tries, keyIds }
}

/**
 * The JWT authenticator's check (go-oidc remote key set): a token kid picks the JWKS keys with that
 * kid, an absent kid tries them all. A key pasted as PEM has no kid of its own; it is tried whatever
 * the token's kid, and the trace says so.
 */
export async function checkJwtSignature(
  decoded: DecodedToken,
  material: KeyMaterial,
  kid: string,
): Promise<SignatureCheck> {
  const keys = material.keys.filter((k) => !k.unusable && !k.secret)
  if (keys.length === 0) return { state: 'no-keys' }
  const tries: KeyTry[] = []
  for (const k of keys) {
    if (kid !== '' && k.kid !== undefined && k.kid !== kid) {
      tries.push({ index: k.index, outcome: 'not-selected', reason: `its kid "${k.kid}" is not the token’s "${kid}"` })
      continue
    }
    if (await verifyWithKey(decoded, k)) {
      tries.push({
        index: k.index,
        outcome: 'verified',
        reason:
          k.kid === undefined && kid !== ''
            ? 'the signature matches (this key was given without a kid; the issuer’s JWKS must list it under the token’s kid)'
            : 'the signature matches',
      })
      return { state: 'verified', keyIndex: k.index, tries }
    }
    tries.push({ index: k.index, outcome: 'failed', reason: 'the signature does not match this key' })
  }
  return { state: 'failed', error: 'failed to verify id token signature', tries }
}

import { encodeBase64url } from '../encoding/base64.ts'
import { spkiParams } from './algorithms.ts'
import type { KeyCandidate } from './keys.ts'

/**
 * The key id Kubernetes derives for a public key (k/k pkg/serviceaccount jwt.go keyIDFromPublicKey):
 * unpadded base64url of SHA-256 over the DER SubjectPublicKeyInfo. The key goes through WebCrypto
 * so that the SPKI is the canonical encoding, as Go's x509.MarshalPKIXPublicKey writes it.
 * Null for secrets and for keys WebCrypto cannot read.
 */
export async function kubernetesKeyId(key: KeyCandidate): Promise<string | null> {
  const params = spkiParams(key)
  if (!params || key.secret) return null
  try {
    const crypto = globalThis.crypto.subtle
    const imported = key.spki
      ? await crypto.importKey('spki', key.spki as BufferSource, params, true, ['verify'])
      : key.jwk
        ? await crypto.importKey('jwk', { ...key.jwk, ext: true }, params, true, ['verify'])
        : null
    if (!imported) return null
    const spki = new Uint8Array(await crypto.exportKey('spki', imported))
    return encodeBase64url(new Uint8Array(await crypto.digest('SHA-256', spki)))
  } catch {
    return null
  }
}

export type KidCheckState = 'match' | 'mismatch' | 'not-applicable'

export interface KidCheck {
  state: KidCheckState
  tokenKid?: string
  /** The recomputed id that was compared, and the key it came from. */
  computedKid?: string
  keyIndex?: number
  message: string
  /** Set when the token's kid has the shape EKS uses (40 hex characters). */
  providerNote?: string
}

const EKS_KID = /^[0-9a-f]{40}$/i

/**
 * Compares the token's `kid` with the ids recomputed from the supplied keys. The key that verified
 * the token is the one compared when there is one; otherwise any key whose id matches.
 */
export function compareKid(tokenKid: string | undefined, computed: (string | null)[], verifiedBy?: number): KidCheck {
  if (tokenKid === undefined || tokenKid === '') {
    return { state: 'not-applicable', message: 'The token header has no kid, so there is nothing to compare.' }
  }
  const available = computed
    .map((kid, i) => ({ kid, index: i + 1 }))
    .filter((c): c is { kid: string; index: number } => c.kid !== null)
  if (available.length === 0) {
    return {
      state: 'not-applicable',
      tokenKid,
      message:
        'No Kubernetes key id could be recomputed: HMAC secrets have none, and keys that could not be read give none.',
    }
  }
  const providerNote = EKS_KID.test(tokenKid)
    ? 'This kid is 40 hex characters, the form EKS uses. Managed providers choose their own key ids, so a mismatch here is not proof of forgery: trust the signature result.'
    : undefined
  const chosen =
    verifiedBy !== undefined ? available.find((c) => c.index === verifiedBy) : available.find((c) => c.kid === tokenKid)
  if (chosen && chosen.kid === tokenKid) {
    return {
      state: 'match',
      tokenKid,
      computedKid: chosen.kid,
      keyIndex: chosen.index,
      message: `The kid equals base64url(SHA-256(SPKI)) of key ${chosen.index}, exactly as Kubernetes derives it.`,
    }
  }
  const shown = chosen ?? available[0]!
  return {
    state: 'mismatch',
    tokenKid,
    computedKid: shown.kid,
    keyIndex: shown.index,
    providerNote,
    message: `The token's kid is not the Kubernetes key id of ${available.length === 1 ? 'the key given' : chosen ? `key ${chosen.index}` : 'any key given'}. Either the token was signed with another key, or its issuer does not derive kids the Kubernetes way (managed providers may not).`,
  }
}

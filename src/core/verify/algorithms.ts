import { secretHoldsKey } from './keyScan.ts'
import type { KeyCandidate } from './keys.ts'

/** JWS algorithms this page can check. Kubernetes itself signs with RS256 and ES256/384/512 only. */
export const VERIFIABLE_ALGS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
  'HS256',
  'HS384',
  'HS512',
] as const

export function isVerifiableAlg(alg: string): boolean {
  return (VERIFIABLE_ALGS as readonly string[]).includes(alg)
}

/**
 * The registered spelling of an algorithm name written in other letter case ("hs256" → "HS256"),
 * or undefined. Names are case-sensitive (RFC 7515 §4.1.1), so such a token names no algorithm.
 */
export function caseVariantOf(alg: string): string | undefined {
  const lower = alg.toLowerCase()
  return VERIFIABLE_ALGS.find((a) => a !== alg && a.toLowerCase() === lower)
}

const EC_CURVE: Record<string, string> = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' }

/** The key type an algorithm needs, in words, for messages. */
export function keyTypeFor(alg: string): string {
  if (alg.startsWith('HS')) return 'an HMAC secret'
  if (alg.startsWith('RS') || alg.startsWith('PS')) return 'an RSA public key'
  if (alg.startsWith('ES')) return `an EC ${EC_CURVE[alg] ?? ''} public key`
  return 'an Ed25519 public key'
}

/**
 * Whether `key` may check a token signed with `alg`. The algorithm must fit the key's type (an
 * RSA or EC key is never an HMAC secret) and any alg/use/key_ops the key itself declares.
 * Returns null when it fits, or the reason it does not.
 */
export function keyMismatch(key: KeyCandidate, alg: string): string | null {
  if (key.unusable) return key.unusable
  if (key.alg !== undefined && key.alg !== alg) return `the key is declared for ${key.alg}, the token uses ${alg}`
  if (key.use !== undefined && key.use !== 'sig') return `the key is declared for use "${key.use}", not signatures`
  if (key.keyOps && !key.keyOps.includes('verify')) return 'the key’s key_ops do not include "verify"'
  const needs = keyTypeFor(alg)
  if (alg.startsWith('HS')) {
    // The classic RS256→HS256 confusion: a verifier that feeds a public key to HMAC accepts
    // tokens anyone can make. Only secrets given as secrets are used for HS*.
    if (!key.secret)
      return `${alg} needs ${needs}; using a public key as an HMAC secret is the key-confusion attack, so it is never done`
    // A secret whose bytes are a key in some encoding (an oct JWK whose "k" is a PEM, say) is refused too.
    const held = secretHoldsKey(key.secret)
    return held
      ? `the secret's bytes are ${held}; key material is never used as an HMAC secret (the key-confusion attack)`
      : null
  }
  if (key.secret) return `${alg} needs ${needs}, not an HMAC secret`
  if (alg.startsWith('RS') || alg.startsWith('PS')) return key.kty === 'RSA' ? null : `${alg} needs ${needs}`
  if (alg.startsWith('ES')) return key.kty === 'EC' && key.crv === EC_CURVE[alg] ? null : `${alg} needs ${needs}`
  return key.kty === 'OKP' && key.crv === 'Ed25519' ? null : `${alg} needs ${needs}`
}

/** WebCrypto import parameters for a public key used with `alg` (as jose expects them). */
export function importParams(alg: string, key: KeyCandidate): RsaHashedImportParams | EcKeyImportParams | Algorithm {
  const hash = `SHA-${alg.slice(2)}`
  if (alg.startsWith('RS')) return { name: 'RSASSA-PKCS1-v1_5', hash }
  if (alg.startsWith('PS')) return { name: 'RSA-PSS', hash }
  if (alg.startsWith('ES')) return { name: 'ECDSA', namedCurve: key.crv ?? '' }
  return { name: 'Ed25519' }
}

/** Import parameters that serve only to export the SPKI (for the Kubernetes key id). */
export function spkiParams(key: KeyCandidate): RsaHashedImportParams | EcKeyImportParams | Algorithm | null {
  if (key.kty === 'RSA') return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
  if (key.kty === 'EC' && key.crv) return { name: 'ECDSA', namedCurve: key.crv }
  if (key.kty === 'OKP' && key.crv === 'Ed25519') return { name: 'Ed25519' }
  return null
}

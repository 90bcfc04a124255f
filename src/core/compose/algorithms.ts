/** The algorithms Compose signs with, and what WebCrypto needs for each. */

/** Every algorithm the alg picker offers, `none` last. */
export const COMPOSE_ALGS = ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA', 'HS256', 'HS384', 'HS512', 'none'] as const
export type ComposeAlg = (typeof COMPOSE_ALGS)[number]
/** The algorithms that sign, i.e. all but `none`. */
export type SigningAlg = Exclude<ComposeAlg, 'none'>

export interface AlgSpec {
  kty: 'RSA' | 'EC' | 'OKP' | 'oct'
  crv?: 'P-256' | 'P-384' | 'Ed25519'
  /** For HMAC: the hash output in bytes, the least secret length RFC 7518 §3.2 allows. */
  hashBytes?: number
  importParams: RsaHashedImportParams | EcKeyImportParams | HmacImportParams | Algorithm
  signParams: AlgorithmIdentifier | RsaPssParams | EcdsaParams
  /** What the key must be, for messages: "an RSA key", "an EC P-256 key", … */
  needs: string
}

const rsa = (name: string, signParams: AlgSpec['signParams']): AlgSpec => ({
  kty: 'RSA',
  importParams: { name, hash: 'SHA-256' },
  signParams,
  needs: 'an RSA key',
})
const ec = (crv: 'P-256' | 'P-384', hash: string): AlgSpec => ({
  kty: 'EC',
  crv,
  importParams: { name: 'ECDSA', namedCurve: crv },
  // WebCrypto's ECDSA signature is r || s at the curve size, exactly JWS's form (RFC 7518 §3.4).
  signParams: { name: 'ECDSA', hash },
  needs: `an EC ${crv} key`,
})
const hmac = (bits: number): AlgSpec => ({
  kty: 'oct',
  hashBytes: bits / 8,
  importParams: { name: 'HMAC', hash: `SHA-${bits}` },
  signParams: { name: 'HMAC' },
  needs: 'a shared secret',
})

export const ALGS: Record<SigningAlg, AlgSpec> = {
  RS256: rsa('RSASSA-PKCS1-v1_5', { name: 'RSASSA-PKCS1-v1_5' }),
  // RFC 7518 §3.5: the salt is as long as the hash output.
  PS256: rsa('RSA-PSS', { name: 'RSA-PSS', saltLength: 32 }),
  ES256: ec('P-256', 'SHA-256'),
  ES384: ec('P-384', 'SHA-384'),
  EdDSA: {
    kty: 'OKP',
    crv: 'Ed25519',
    importParams: { name: 'Ed25519' },
    signParams: { name: 'Ed25519' },
    needs: 'an Ed25519 key',
  },
  HS256: hmac(256),
  HS384: hmac(384),
  HS512: hmac(512),
}

/** True for the HMAC algorithms, which sign with a shared secret rather than a key pair. */
export function isHmac(alg: SigningAlg): boolean {
  return ALGS[alg].kty === 'oct'
}

/** The algorithm that fits a key of this type, to suggest when the chosen one does not. */
export function algForKey(kty: string, crv?: string): SigningAlg | undefined {
  if (kty === 'RSA') return 'RS256'
  if (kty === 'EC' && crv === 'P-256') return 'ES256'
  if (kty === 'EC' && crv === 'P-384') return 'ES384'
  if (kty === 'OKP' && crv === 'Ed25519') return 'EdDSA'
  if (kty === 'oct') return 'HS256'
  return undefined
}

/** Whether a key of this type can sign with `alg`. */
export function keyFits(alg: SigningAlg, kty: string, crv?: string): boolean {
  const spec = ALGS[alg]
  return spec.kty === kty && (spec.crv === undefined || spec.crv === crv)
}

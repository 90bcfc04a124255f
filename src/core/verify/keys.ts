import { decodeBase64Loose } from '../encoding/base64.ts'
import { bitLength } from './spki.ts'

/** The public members of a JWK that WebCrypto needs; nothing private is ever copied here. */
export interface PublicJwk {
  kty: string
  n?: string
  e?: string
  crv?: string
  x?: string
  y?: string
}

/** One key the user supplied, reduced to its public part and what is known about it. */
export interface KeyCandidate {
  /** 1-based position in what was pasted, so the page can say "key 2 verified". */
  index: number
  /** How it was given, e.g. "PEM PUBLIC KEY" or "JWK in the set". */
  origin: string
  kty: string
  /** RSA modulus size, or HMAC secret size, in bits. */
  bits?: number
  crv?: string
  kid?: string
  use?: string
  alg?: string
  keyOps?: string[]
  /** DER SubjectPublicKeyInfo, for keys given as PEM. */
  spki?: Uint8Array
  jwk?: PublicJwk
  /** HMAC secret bytes. */
  secret?: Uint8Array
  /** Why the key cannot verify any JWS, when that is known before trying. */
  unusable?: string
}

/** JWK members that only private (or symmetric-secret) keys carry. */
export const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'priv'] as const

/** True when a parsed JWK carries private key members. */
export function jwkIsPrivate(jwk: Record<string, unknown>): boolean {
  return PRIVATE_JWK_MEMBERS.some((m) => m in jwk)
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

function b64uBits(v: unknown): number | undefined {
  const bytes = typeof v === 'string' && /^[A-Za-z0-9_-]+$/.test(v) ? decodeBase64Loose(v) : null
  return bytes ? bitLength(bytes) : undefined
}

/**
 * Reads a public JWK (already checked to hold no private members) into a candidate. Missing or
 * malformed members make the key `unusable` with the reason, rather than failing the whole paste.
 */
export function jwkCandidate(jwk: Record<string, unknown>, index: number, origin: string): KeyCandidate {
  const kty = str(jwk.kty) ?? '(none)'
  const keyOps = Array.isArray(jwk.key_ops) ? jwk.key_ops.filter((o): o is string => typeof o === 'string') : undefined
  const base: KeyCandidate = { index, origin, kty, kid: str(jwk.kid), use: str(jwk.use), alg: str(jwk.alg), keyOps }
  switch (kty) {
    case 'RSA': {
      const bits = b64uBits(jwk.n)
      if (bits === undefined || b64uBits(jwk.e) === undefined)
        return { ...base, unusable: 'The RSA JWK lacks a valid base64url "n" or "e".' }
      return { ...base, bits, jwk: { kty, n: jwk.n as string, e: jwk.e as string } }
    }
    case 'EC': {
      const crv = str(jwk.crv)
      if (!crv || !['P-256', 'P-384', 'P-521'].includes(crv))
        return {
          ...base,
          crv,
          unusable: `The EC curve ${crv ? `"${crv}"` : '(missing)'} is not one JWS uses here (P-256, P-384, P-521).`,
        }
      if (b64uBits(jwk.x) === undefined || b64uBits(jwk.y) === undefined)
        return { ...base, crv, unusable: 'The EC JWK lacks a valid "x" or "y".' }
      return { ...base, crv, jwk: { kty, crv, x: jwk.x as string, y: jwk.y as string } }
    }
    case 'OKP': {
      const crv = str(jwk.crv)
      if (crv !== 'Ed25519')
        return {
          ...base,
          crv,
          unusable: `OKP curve ${crv ? `"${crv}"` : '(missing)'} cannot verify signatures here; only Ed25519 can.`,
        }
      if (b64uBits(jwk.x) === undefined) return { ...base, crv, unusable: 'The OKP JWK lacks a valid "x".' }
      return { ...base, crv, jwk: { kty, crv, x: jwk.x as string } }
    }
    case 'oct': {
      const k = typeof jwk.k === 'string' && /^[A-Za-z0-9_-]*$/.test(jwk.k) ? decodeBase64Loose(jwk.k) : null
      if (!k) return { ...base, unusable: 'The symmetric JWK lacks a valid base64url "k".' }
      return { ...base, bits: k.length * 8, secret: k }
    }
    default:
      return { ...base, unusable: `Key type "${kty}" cannot verify a JWS here.` }
  }
}

/** One line describing a key: type, size or curve, and the kid/use/alg it declares. */
export function describeKey(key: KeyCandidate): string {
  const type =
    key.kty === 'RSA'
      ? `RSA ${key.bits ?? '?'}-bit`
      : key.kty === 'EC'
        ? `EC ${key.crv ?? '?'}`
        : key.kty === 'OKP'
          ? `OKP ${key.crv ?? '?'}`
          : key.kty === 'oct'
            ? `HMAC secret, ${key.bits ?? 0} bits`
            : key.kty
  const extras = [
    key.kid !== undefined ? `kid "${key.kid}"` : 'no kid',
    key.use && `use "${key.use}"`,
    key.alg && `alg "${key.alg}"`,
  ].filter(Boolean)
  return `${type} (${key.origin}); ${extras.join(', ')}`
}

/**
 * WebCrypto imports private keys only as PKCS#8 or JWK. kubeadm writes its service account key as
 * PKCS#1 (`RSA PRIVATE KEY`) and `openssl ecparam -genkey` writes SEC 1 (`EC PRIVATE KEY`), so
 * both are wrapped into a PKCS#8 PrivateKeyInfo here (RFC 5208 §5) — no crypto, only DER. Every
 * read is bounds-checked and returns null on malformed input.
 */
import { children, concat, oidText, readWhole, RSA_ALGORITHM_ID, writeTlv } from '../verify/der.ts'
import { CURVES, OKP } from '../verify/spki.ts'

/** The key type a PKCS#8 PrivateKeyInfo holds, read from its AlgorithmIdentifier. */
export type PrivateKeyKind =
  | { kty: 'RSA' }
  | { kty: 'EC'; crv: 'P-256' | 'P-384' | 'P-521' }
  | { kty: 'OKP'; crv: 'Ed25519' | 'Ed448' | 'X25519' | 'X448' }
  | { kty: 'unknown'; oid: string }

const RSA_OID = '1.2.840.113549.1.1.1'
const EC_OID = '1.2.840.10045.2.1'
// version INTEGER 0 (RFC 5208 §5: v1, no public key attribute).
const VERSION_0 = new Uint8Array([0x02, 0x01, 0x00])
// OBJECT IDENTIFIER id-ecPublicKey 1.2.840.10045.2.1 (RFC 5480 §2.1.1).
const EC_PUBLIC_KEY_OID = new Uint8Array([0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01])
/** The named-curve OIDs, for a SEC 1 key that leaves its curve out. */
export const CURVE_OID_TLV: Record<'P-256' | 'P-384', Uint8Array> = {
  'P-256': new Uint8Array([0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07]),
  'P-384': new Uint8Array([0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22]),
}

/** Reads which kind of key a PKCS#8 PrivateKeyInfo holds; null when the DER is not one. */
export function describePkcs8(der: Uint8Array): PrivateKeyKind | null {
  const outer = readWhole(der)
  if (!outer || outer.tag !== 0x30) return null
  const [version, algId, key] = children(der, outer) ?? []
  if (!version || version.tag !== 0x02 || !algId || algId.tag !== 0x30 || !key || key.tag !== 0x04) return null
  const parts = children(der, algId)
  const oid = parts?.[0]
  if (!parts || !oid || oid.tag !== 0x06) return null
  const alg = oidText(der.subarray(oid.start, oid.end))
  if (alg === RSA_OID) return { kty: 'RSA' }
  if (alg === EC_OID) {
    const param = parts[1]
    const curveOid = param && param.tag === 0x06 ? oidText(der.subarray(param.start, param.end)) : ''
    const crv = CURVES[curveOid]
    return crv ? { kty: 'EC', crv } : { kty: 'unknown', oid: curveOid || alg }
  }
  const okp = OKP[alg]
  return okp ? { kty: 'OKP', crv: okp } : { kty: 'unknown', oid: alg }
}

/**
 * Wraps a PKCS#1 RSAPrivateKey (RFC 8017 A.1.2: version and eight INTEGERs) into PKCS#8; null
 * when the DER is not one.
 */
export function pkcs1ToPkcs8(pkcs1: Uint8Array): Uint8Array | null {
  const seq = readWhole(pkcs1)
  const ints = seq && seq.tag === 0x30 ? children(pkcs1, seq) : null
  if (!ints || ints.length < 9 || !ints.every((t) => t.tag === 0x02)) return null
  return writeTlv(0x30, concat(VERSION_0, RSA_ALGORITHM_ID, writeTlv(0x04, pkcs1)))
}

/**
 * Wraps a SEC 1 ECPrivateKey (RFC 5915 §3) into PKCS#8, taking the curve from its parameters, or
 * from `curve` when it has none. Null when the DER is not one, or the curve is unknown.
 */
export function sec1ToPkcs8(sec1: Uint8Array, curve?: 'P-256' | 'P-384'): Uint8Array | null {
  const seq = readWhole(sec1)
  const parts = seq && seq.tag === 0x30 ? children(sec1, seq) : null
  const [version, key] = parts ?? []
  if (!parts || !version || version.tag !== 0x02 || !key || key.tag !== 0x04) return null
  const params = parts.find((t) => t.tag === 0xa0)
  const inner = params ? children(sec1, params)?.[0] : undefined
  const curveOid =
    inner && inner.tag === 0x06 ? sec1.slice(inner.offset, inner.end) : curve ? CURVE_OID_TLV[curve] : undefined
  if (!curveOid) return null
  return writeTlv(0x30, concat(VERSION_0, writeTlv(0x30, concat(EC_PUBLIC_KEY_OID, curveOid)), writeTlv(0x04, sec1)))
}

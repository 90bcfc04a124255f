import { children, oidText, readTlv, readWhole } from './der.ts'

/** What a SubjectPublicKeyInfo holds, read from its DER without any crypto. */
export type SpkiKind =
  | { kty: 'RSA'; bits: number }
  | { kty: 'EC'; crv: 'P-256' | 'P-384' | 'P-521' }
  | { kty: 'OKP'; crv: 'Ed25519' | 'Ed448' | 'X25519' | 'X448' }
  | { kty: 'unknown'; oid: string }

/** Named-curve OIDs of the EC keys JWS uses (RFC 5480 §2.1.1.1). */
export const CURVES: Record<string, 'P-256' | 'P-384' | 'P-521'> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
}
/** Algorithm OIDs of the Edwards and Montgomery curve keys (RFC 8410 §3). */
export const OKP: Record<string, 'Ed25519' | 'Ed448' | 'X25519' | 'X448'> = {
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
  '1.3.101.110': 'X25519',
  '1.3.101.111': 'X448',
}

/** Bit length of an unsigned big-endian integer, ignoring leading zero bytes and bits. */
export function bitLength(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length && bytes[i] === 0) i++
  if (i === bytes.length) return 0
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i] as number))
}

/**
 * Reads the key type and size (or curve) of a DER SubjectPublicKeyInfo. Null when the bytes are
 * not an SPKI at all.
 */
export function describeSpki(der: Uint8Array): SpkiKind | null {
  const outer = readWhole(der)
  if (!outer || outer.tag !== 0x30) return null
  const parts = children(der, outer)
  const [algId, key] = parts ?? []
  if (!parts || parts.length !== 2 || !algId || !key || algId.tag !== 0x30 || key.tag !== 0x03) return null
  const algParts = children(der, algId)
  const oid = algParts?.[0]
  if (!algParts || !oid || oid.tag !== 0x06) return null
  const algOid = oidText(der.subarray(oid.start, oid.end))
  if (algOid === '1.2.840.113549.1.1.1') {
    // BIT STRING: one "unused bits" byte, then RSAPublicKey ::= SEQUENCE { n INTEGER, e INTEGER }.
    const seq = readTlv(der, key.start + 1, key.end)
    const ints = seq && seq.tag === 0x30 ? children(der, seq) : null
    const n = ints?.[0]
    if (!n || n.tag !== 0x02) return null
    return { kty: 'RSA', bits: bitLength(der.subarray(n.start, n.end)) }
  }
  if (algOid === '1.2.840.10045.2.1') {
    const param = algParts[1]
    const crv = param && param.tag === 0x06 ? CURVES[oidText(der.subarray(param.start, param.end))] : undefined
    return crv
      ? { kty: 'EC', crv }
      : { kty: 'unknown', oid: param && param.tag === 0x06 ? oidText(der.subarray(param.start, param.end)) : algOid }
  }
  const okp = OKP[algOid]
  return okp ? { kty: 'OKP', crv: okp } : { kty: 'unknown', oid: algOid }
}

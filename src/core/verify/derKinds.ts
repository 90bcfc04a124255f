import { oidText, readHeader, type TlvHeader } from './der.ts'
import { describeSpki } from './spki.ts'
import { certificateSpki } from './der.ts'

/**
 * What a DER value holds, judged from its first elements only, so that a key cut off in copying
 * (or one line of a PEM body) is still recognised. These checks decide what must never be kept
 * or used as an HMAC secret, so they lean towards recognising too much rather than too little.
 */

const SEQUENCE = 0x30
const INTEGER = 0x02
const OCTET_STRING = 0x04
const BIT_STRING = 0x03
const OID = 0x06

// Key algorithms a SubjectPublicKeyInfo or a PKCS#8 key names (RFC 8017, RFC 5480, RFC 8410, DSA, RSA-PSS).
const KEY_ALGORITHMS = new Set([
  '1.2.840.113549.1.1.1',
  '1.2.840.113549.1.1.10',
  '1.2.840.10045.2.1',
  '1.3.101.110',
  '1.3.101.111',
  '1.3.101.112',
  '1.3.101.113',
  '1.2.840.10040.4.1',
])

const OPENSSH_PRIVATE_MAGIC = 'openssh-key-v1\0'

/** The element headers at the start of a SEQUENCE, as far as the bytes go (at most `max`). */
function leadingChildren(bytes: Uint8Array, max: number): TlvHeader[] | null {
  const outer = readHeader(bytes, 0)
  if (!outer || outer.tag !== SEQUENCE) return null
  const out: TlvHeader[] = []
  let pos = outer.start
  while (out.length < max && pos < bytes.length) {
    const h = readHeader(bytes, pos)
    if (!h) break
    out.push(h)
    pos = h.start + h.length
  }
  return out
}

/** The value of a small INTEGER whose content is fully present, else null. */
function smallInt(bytes: Uint8Array, h: TlvHeader | undefined): number | null {
  if (!h || h.tag !== INTEGER || h.length < 1 || h.length > 2 || h.start + h.length > bytes.length) return null
  let v = 0
  for (let i = 0; i < h.length; i++) v = v * 256 + (bytes[h.start + i] as number)
  return v
}

/** The dotted OID that starts the content of the SEQUENCE `h` (an AlgorithmIdentifier), when present. */
function firstOid(bytes: Uint8Array, h: TlvHeader | undefined): string | null {
  if (!h || h.tag !== SEQUENCE) return null
  const oid = readHeader(bytes, h.start)
  if (!oid || oid.tag !== OID || oid.start + oid.length > bytes.length) return null
  return oidText(bytes.subarray(oid.start, oid.start + oid.length))
}

function startsWithAscii(bytes: Uint8Array, text: string): boolean {
  if (bytes.length < text.length) return false
  for (let i = 0; i < text.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false
  return true
}

/**
 * Names the kind of private key these bytes start, or null: PKCS#8 (plain or encrypted), PKCS#1
 * RSA (or DSA), SEC 1 EC, a PKCS#12 bundle, or an OpenSSH private key.
 */
export function privateDerKind(bytes: Uint8Array): string | null {
  if (startsWithAscii(bytes, OPENSSH_PRIVATE_MAGIC)) return 'an OpenSSH private key'
  const kids = leadingChildren(bytes, 4)
  if (!kids || kids.length === 0) return null
  const [a, b, c] = kids
  const version = smallInt(bytes, a)
  // PrivateKeyInfo / OneAsymmetricKey (RFC 5958): version 0 or 1, AlgorithmIdentifier, OCTET STRING.
  if ((version === 0 || version === 1) && b?.tag === SEQUENCE) {
    const oid = firstOid(bytes, b)
    if (oid === null || KEY_ALGORITHMS.has(oid) || c?.tag === OCTET_STRING) return 'a PKCS#8 private key'
  }
  // RSAPrivateKey (RFC 8017 A.1.2) and DSA keys: version 0 (or 1, multi-prime), then INTEGERs.
  if ((version === 0 || version === 1) && b?.tag === INTEGER && (c === undefined || c.tag === INTEGER))
    return 'an RSA (PKCS#1) or DSA private key'
  // ECPrivateKey (RFC 5915): version 1, then the private key as an OCTET STRING.
  if (version === 1 && b?.tag === OCTET_STRING) return 'an EC (SEC 1) private key'
  // EncryptedPrivateKeyInfo (RFC 5958 §3): a password-based encryption AlgorithmIdentifier, then the ciphertext.
  const pbe = firstOid(bytes, a)
  if (pbe && /^1\.2\.840\.113549\.1\.(5|12)\./.test(pbe) && (b === undefined || b.tag === OCTET_STRING))
    return 'an encrypted PKCS#8 private key'
  // PFX (RFC 7292): version 3, then a ContentInfo; such bundles carry private keys.
  if (version === 3 && b?.tag === SEQUENCE && firstOid(bytes, b)?.startsWith('1.2.840.113549.1.7.'))
    return 'a PKCS#12 bundle, which holds private keys'
  return null
}

/**
 * Names the kind of public key these bytes hold, or null: a SubjectPublicKeyInfo, an X.509
 * certificate, or a PKCS#1 RSAPublicKey. Also recognises the start of one that was cut off.
 */
export function publicDerKind(bytes: Uint8Array): string | null {
  if (describeSpki(bytes)) return 'a public key in DER (SubjectPublicKeyInfo)'
  if (certificateSpki(bytes)) return 'an X.509 certificate in DER'
  const kids = leadingChildren(bytes, 3)
  if (!kids || kids.length < 1) return null
  const [a, b] = kids
  // SubjectPublicKeyInfo: AlgorithmIdentifier naming a key algorithm, then a BIT STRING.
  const oid = firstOid(bytes, a)
  if (oid && KEY_ALGORITHMS.has(oid) && (b === undefined || b.tag === BIT_STRING))
    return 'a public key in DER (SubjectPublicKeyInfo)'
  // Certificate: tbsCertificate starts with the [0] version, or (v1) the serial number.
  if (a?.tag === SEQUENCE) {
    const first = readHeader(bytes, a.start)
    const second = first ? readHeader(bytes, first.start + first.length) : null
    if (first?.tag === 0xa0 || (first?.tag === INTEGER && second?.tag === SEQUENCE && b !== undefined))
      return 'an X.509 certificate in DER'
  }
  // RSAPublicKey: the modulus (at least 512 bits) and the exponent.
  if (a?.tag === INTEGER && a.length >= 64 && (b === undefined || b.tag === INTEGER) && kids.length <= 2)
    return 'an RSA public key in DER (PKCS#1)'
  return null
}

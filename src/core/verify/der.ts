/**
 * Just enough DER to find a public key: read the TLVs of a SubjectPublicKeyInfo or an X.509
 * certificate, and write the one wrapper Kubernetes' key id needs (PKCS#1 → SPKI). Every read is
 * bounds-checked and returns null on malformed input, so pasted garbage never throws.
 */

export interface Tlv {
  tag: number
  /** Offset of the tag byte. */
  offset: number
  /** Offset of the content. */
  start: number
  /** Offset just past the content. */
  end: number
}

/** Reads one TLV at `offset`; null when the bytes are not DER (or use a long-form tag). */
export function readTlv(bytes: Uint8Array, offset: number, limit = bytes.length): Tlv | null {
  if (offset + 2 > limit) return null
  const tag = bytes[offset] as number
  if ((tag & 0x1f) === 0x1f) return null
  let len = bytes[offset + 1] as number
  let pos = offset + 2
  if (len & 0x80) {
    const n = len & 0x7f
    // Indefinite lengths are BER, not DER; four length bytes are plenty for any key.
    if (n === 0 || n > 4 || pos + n > limit) return null
    len = 0
    for (let i = 0; i < n; i++) len = len * 256 + (bytes[pos + i] as number)
    pos += n
  }
  if (pos + len > limit) return null
  return { tag, offset, start: pos, end: pos + len }
}

/** The TLVs directly inside a constructed TLV; null when they do not tile it exactly. */
export function children(bytes: Uint8Array, parent: Tlv): Tlv[] | null {
  const out: Tlv[] = []
  let pos = parent.start
  while (pos < parent.end) {
    const t = readTlv(bytes, pos, parent.end)
    if (!t) return null
    out.push(t)
    pos = t.end
  }
  return out
}

/** Reads a whole DER value that must fill `bytes` exactly. */
export function readWhole(bytes: Uint8Array): Tlv | null {
  const t = readTlv(bytes, 0)
  return t && t.end === bytes.length ? t : null
}

/** Dotted-decimal form of an OBJECT IDENTIFIER's content bytes. */
export function oidText(content: Uint8Array): string {
  if (content.length === 0) return ''
  const first = content[0] as number
  const parts = [Math.min(2, Math.floor(first / 40)), first - Math.min(2, Math.floor(first / 40)) * 40]
  let value = 0
  for (let i = 1; i < content.length; i++) {
    const b = content[i] as number
    value = value * 128 + (b & 0x7f)
    if (!(b & 0x80)) {
      parts.push(value)
      value = 0
    }
  }
  return parts.join('.')
}

function lengthBytes(len: number): number[] {
  if (len < 0x80) return [len]
  const out: number[] = []
  for (let n = len; n > 0; n = Math.floor(n / 256)) out.unshift(n & 0xff)
  return [0x80 | out.length, ...out]
}

/** Writes one TLV. */
export function writeTlv(tag: number, content: Uint8Array): Uint8Array {
  const head = [tag, ...lengthBytes(content.length)]
  const out = new Uint8Array(head.length + content.length)
  out.set(head, 0)
  out.set(content, head.length)
  return out
}

/** Joins byte arrays. */
export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let pos = 0
  for (const p of parts) {
    out.set(p, pos)
    pos += p.length
  }
  return out
}

// AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }, as Go's MarshalPKIXPublicKey writes it.
export const RSA_ALGORITHM_ID = new Uint8Array([
  0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
])

/**
 * Wraps a PKCS#1 RSAPublicKey (`RSA PUBLIC KEY` PEM) into a SubjectPublicKeyInfo, the form
 * WebCrypto imports and the Kubernetes key id hashes.
 */
export function pkcs1ToSpki(pkcs1: Uint8Array): Uint8Array {
  const bitString = writeTlv(0x03, concat(new Uint8Array([0]), pkcs1))
  return writeTlv(0x30, concat(RSA_ALGORITHM_ID, bitString))
}

/** The SubjectPublicKeyInfo inside an X.509 certificate, or null when the DER is not a certificate. */
export function certificateSpki(cert: Uint8Array): Uint8Array | null {
  const outer = readWhole(cert)
  if (!outer || outer.tag !== 0x30) return null
  const top = children(cert, outer)
  const tbs = top?.[0]
  if (!tbs || tbs.tag !== 0x30 || top.length !== 3) return null
  const fields = children(cert, tbs)
  if (!fields) return null
  // tbsCertificate: [0] version (optional), serial, signature, issuer, validity, subject, SPKI, ...
  const skip = fields[0]?.tag === 0xa0 ? 1 : 0
  const spki = fields[skip + 5]
  if (!spki || spki.tag !== 0x30) return null
  return cert.slice(spki.offset, spki.end)
}

/** The tag, content start and declared length of the TLV at `offset`, read without requiring its content. */
export interface TlvHeader {
  tag: number
  start: number
  length: number
}

/**
 * Reads only the tag and length at `offset`, so that a DER value cut off in copying can still be
 * recognised by its first elements. Null when no well-formed header fits.
 */
export function readHeader(bytes: Uint8Array, offset: number): TlvHeader | null {
  if (offset + 2 > bytes.length) return null
  const tag = bytes[offset] as number
  if ((tag & 0x1f) === 0x1f) return null
  let length = bytes[offset + 1] as number
  let start = offset + 2
  if (length & 0x80) {
    const n = length & 0x7f
    if (n === 0 || n > 4 || start + n > bytes.length) return null
    length = 0
    for (let i = 0; i < n; i++) length = length * 256 + (bytes[start + i] as number)
    start += n
  }
  return { tag, start, length }
}

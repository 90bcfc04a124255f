import type { DecodedToken } from '../decode/decodeToken.ts'
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { rfc, type SpecRef } from '../diagnostics/specRefs.ts'
import { decodeBase64urlSegment } from '../encoding/base64url.ts'
import { diagnostic } from './codes.ts'

const FIXED_LENGTHS: Record<string, number> = {
  HS256: 32,
  HS384: 48,
  HS512: 64,
  ES256: 64,
  ES384: 96,
  ES512: 132,
  ES256K: 64,
  Ed25519: 64,
}
const RSA_BYTES = new Set([128, 256, 384, 512, 768, 1024])

/** Where the fixed signature length of an algorithm is defined: ECDSA, EdDSA (RFC 8037) or HMAC. */
function fixedLengthRef(alg: string): SpecRef {
  if (alg.startsWith('ES')) return rfc(7518, '3.4')
  if (alg === 'EdDSA' || alg === 'Ed25519') return rfc(8037, '3.1')
  return rfc(7518, '3.2')
}

/**
 * A sanity check on the signature's size, before any key is involved: a wrong length points to a
 * truncated token, or to an implementation that wrote a DER-encoded ECDSA signature. For a JWS
 * whose header names its algorithm and whose signature part decodes (decoding reports the rest:
 * decode/signatureShape.ts). A warning, so it never changes whether the token is well-formed,
 * and it loads with the other checks, after the first view.
 */
export function signatureLengthDiagnostics(decoded: DecodedToken): Diagnostic[] {
  const seg = decoded.segments[2]
  const alg = decoded.header?.value.alg
  if (decoded.form !== 'jws' || !seg || seg.text === '' || typeof alg !== 'string') return []
  // Decoded again rather than kept from decoding: only the length and the first byte matter here.
  const { bytes } = decodeBase64urlSegment(seg.text, seg.start, 'signature')
  if (!bytes) return []
  const span = { start: seg.start, end: seg.start + seg.text.length }
  const n = bytes.length
  const name = alg === 'EdDSA' ? 'Ed25519' : alg
  // hasOwn: alg is the token's to choose, and "constructor" is a member of every object.
  const expected = Object.hasOwn(FIXED_LENGTHS, name) ? FIXED_LENGTHS[name] : undefined
  if (expected !== undefined && n !== expected) {
    const der = alg.startsWith('ES') && bytes[0] === 0x30
    return [
      diagnostic(
        'SIGNATURE_LENGTH',
        der
          ? `The ${alg} signature is ${n} bytes and starts with 0x30: it looks DER-encoded. JWS needs the raw ${expected}-byte R‖S form, so standard verifiers reject it.`
          : `The ${alg} signature is ${n} bytes; ${alg} signatures are always ${expected} bytes. The token may be truncated.`,
        { part: 'signature', span, ref: fixedLengthRef(alg) },
      ),
    ]
  }
  if (/^(RS|PS)\d{3}$/.test(alg) && !RSA_BYTES.has(n)) {
    return [
      diagnostic(
        'SIGNATURE_LENGTH',
        `The ${alg} signature is ${n} bytes, which matches no common RSA key size (it equals the modulus size, e.g. 256 bytes for 2048-bit keys). The token may be truncated.`,
        { part: 'signature', span, ref: rfc(7518, '3.3') },
      ),
    ]
  }
  return []
}

import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts'
import { rfc, type SpecRef } from '../diagnostics/rfc.ts'
import type { Segment } from './decodeToken.ts'

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
 * Sanity checks on the signature's size, before any key is involved: a wrong length points to a
 * truncated token, or to an implementation that wrote a DER-encoded ECDSA signature.
 */
export function checkSignatureShape(
  alg: string | undefined,
  seg: Segment,
  bytes: Uint8Array | null,
  signatureRemoved = false,
): Diagnostic[] {
  const span = { start: seg.start, end: seg.start + Math.max(seg.text.length, 1) }
  const isNone = alg !== undefined && alg.toLowerCase() === 'none'
  if (isNone) {
    return seg.text === ''
      ? []
      : [
          diagnostic(
            'ALG_NONE_WITH_SIGNATURE',
            'The header says alg "none", yet a signature part is present. An unsecured JWT must have an empty third part.',
            { part: 'signature', span },
          ),
        ]
  }
  if (seg.text === '' && signatureRemoved) {
    // A shared link drops the signature on purpose; SIGNATURE_EMPTY would blame copying.
    return [
      diagnostic(
        'SIGNATURE_REMOVED_FOR_SHARING',
        "The signature was removed when this link was shared, so the token cannot be verified and no server would accept it. The claims are shown as the sharer's page decoded them.",
        { part: 'signature', span: { start: seg.start, end: seg.start } },
      ),
    ]
  }
  if (seg.text === '') {
    return [
      diagnostic(
        'SIGNATURE_EMPTY',
        `The signature part is empty although the header names ${alg ? `alg "${alg}"` : 'an algorithm'}. The signature was stripped or lost in copying, so the token cannot be verified.`,
        { part: 'signature', span: { start: seg.start, end: seg.start } },
      ),
    ]
  }
  if (!bytes || alg === undefined) return []
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

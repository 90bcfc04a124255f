import { decodeBase64Loose, encodeBase64url } from '../encoding/base64.ts'
import type { PublicJwk } from './keys.ts'
import { bitLength } from './spki.ts'

/**
 * OpenSSH public keys: `authorized_keys` lines (`ssh-ed25519 AAAA… comment`), their base64 blobs
 * alone, and RFC 4716 `---- BEGIN SSH2 PUBLIC KEY ----` blocks. The blob is the SSH wire format
 * (RFC 4253 §6.6, RFC 5656 §3.1, RFC 8709 §4): length-prefixed strings and mpints.
 */

/** An SSH public key, with the JWK it converts to when JWS can use it. */
export interface SshPublicKey {
  /** The key type named in the blob, e.g. `ssh-ed25519`. */
  type: string
  kty: string
  crv?: string
  bits?: number
  jwk?: PublicJwk
  /** Why it cannot verify a JWS, when it cannot. */
  unusable?: string
}

const KEY_TYPE =
  /^(?:ssh-(?:rsa|dss|ed25519|ed448)|ecdsa-sha2-nistp(?:256|384|521)|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com|[a-z0-9.-]+-cert-v01@openssh\.com)$/

const EC_CURVES: Record<string, { crv: string; size: number }> = {
  nistp256: { crv: 'P-256', size: 32 },
  nistp384: { crv: 'P-384', size: 48 },
  nistp521: { crv: 'P-521', size: 66 },
}

/** Reads the SSH wire strings of a blob; null when the lengths do not tile it. */
function wireStrings(bytes: Uint8Array, max = 8): Uint8Array[] | null {
  const out: Uint8Array[] = []
  let pos = 0
  while (pos < bytes.length && out.length < max) {
    if (pos + 4 > bytes.length) return null
    const len =
      (((bytes[pos] as number) << 24) |
        ((bytes[pos + 1] as number) << 16) |
        ((bytes[pos + 2] as number) << 8) |
        (bytes[pos + 3] as number)) >>>
      0
    pos += 4
    if (pos + len > bytes.length) return null
    out.push(bytes.subarray(pos, pos + len))
    pos += len
  }
  return out
}

// Only short strings (key type and curve names) are read as text.
const ascii = (bytes: Uint8Array) => String.fromCharCode(...bytes.subarray(0, 64))

/** The key type a blob starts with, when it is one OpenSSH writes; works on a cut-off blob too. */
export function sshBlobType(bytes: Uint8Array): string | null {
  if (bytes.length < 8) return null
  const len =
    (((bytes[0] as number) << 24) |
      ((bytes[1] as number) << 16) |
      ((bytes[2] as number) << 8) |
      (bytes[3] as number)) >>>
    0
  if (len < 7 || len > 64 || 4 + len > bytes.length) return null
  const type = ascii(bytes.subarray(4, 4 + len))
  return KEY_TYPE.test(type) ? type : null
}

function unsigned(mpint: Uint8Array): Uint8Array {
  let i = 0
  while (i < mpint.length - 1 && mpint[i] === 0) i++
  return mpint.subarray(i)
}

/** Reads an SSH public key blob into what JWS needs; null when it is not one. */
export function readSshBlob(bytes: Uint8Array): SshPublicKey | null {
  const type = sshBlobType(bytes)
  if (!type) return null
  const parts = wireStrings(bytes)
  if (!parts || ascii(parts[0] ?? new Uint8Array()) !== type) return null
  if (type === 'ssh-rsa') {
    const [, e, n] = parts
    if (!e || !n || n.length === 0) return null
    const modulus = unsigned(n)
    return {
      type,
      kty: 'RSA',
      bits: bitLength(modulus),
      jwk: { kty: 'RSA', n: encodeBase64url(modulus), e: encodeBase64url(unsigned(e)) },
    }
  }
  if (type === 'ssh-ed25519') {
    const x = parts[1]
    if (!x || x.length !== 32) return null
    return { type, kty: 'OKP', crv: 'Ed25519', jwk: { kty: 'OKP', crv: 'Ed25519', x: encodeBase64url(x) } }
  }
  const ec = /^ecdsa-sha2-(nistp\d+)$/.exec(type)
  if (ec) {
    const curve = EC_CURVES[ec[1] as string]
    const [, name, q] = parts
    if (!curve || !name || ascii(name) !== ec[1] || !q || q.length !== 1 + 2 * curve.size || q[0] !== 4) return null
    const x = encodeBase64url(q.subarray(1, 1 + curve.size))
    const y = encodeBase64url(q.subarray(1 + curve.size))
    return { type, kty: 'EC', crv: curve.crv, jwk: { kty: 'EC', crv: curve.crv, x, y } }
  }
  const why = type.endsWith('-cert-v01@openssh.com')
    ? 'It is an OpenSSH certificate; paste the plain public key it certifies instead.'
    : type.startsWith('sk-')
      ? 'It is a security-key (FIDO) SSH key, which signs SSH challenges, not JWS.'
      : `${type} keys cannot verify a JWS.`
  return { type, kty: type === 'ssh-dss' ? 'DSA' : 'OKP', unusable: why }
}

const LINE = /(?:^|\s)((?:ssh|ecdsa|sk)-[A-Za-z0-9@.-]+)\s+(AAAA[A-Za-z0-9+/]+={0,3})(?=[\s,;.'")\]]|$)/g

/** One OpenSSH public key found in a text, with where its blob came from. */
export interface SshFound {
  key: SshPublicKey
  /** `authorized_keys line`, `SSH2 PUBLIC KEY block` or `blob`. */
  form: string
}

/** Every OpenSSH public key in a text: authorized_keys lines and RFC 4716 blocks. */
export function sshPublicKeys(text: string): SshFound[] {
  const out: SshFound[] = []
  for (const m of text.matchAll(LINE)) {
    const bytes = decodeBase64Loose(m[2] as string)
    const key = bytes ? readSshBlob(bytes) : null
    if (key && key.type === m[1]) out.push({ key, form: 'authorized_keys line' })
  }
  for (const block of text.matchAll(/---- BEGIN SSH2 PUBLIC KEY ----([\s\S]*?)---- END SSH2 PUBLIC KEY ----/g)) {
    const body = rfc4716Body(block[1] as string)
    const bytes = decodeBase64Loose(body)
    const key = bytes ? readSshBlob(bytes) : null
    if (key) out.push({ key, form: 'SSH2 PUBLIC KEY block' })
  }
  return out
}

/** The base64 body of an RFC 4716 block: header lines (`Name: value`, continued by `\`) are skipped. */
function rfc4716Body(inner: string): string {
  let continued = false
  const body: string[] = []
  for (const raw of inner.split(/\r?\n/)) {
    const line = raw.trim()
    if (continued || line.includes(':')) {
      continued = line.endsWith('\\')
      continue
    }
    body.push(line)
  }
  return body.join('')
}

/** True when the text mentions an SSH public key in a form this module reads. */
export function hasSshMarker(text: string): boolean {
  return (
    /(?:^|\s)(?:ssh|ecdsa|sk)-[A-Za-z0-9@.-]+\s+AAAA/.test(text) || text.includes('---- BEGIN SSH2 PUBLIC KEY ----')
  )
}

import { publicDerKind, privateDerKind } from './derKinds.ts'
import { bytesAsText, encodedPieces } from './encodedPieces.ts'
import { PRIVATE_JWK_MEMBERS } from './keys.ts'
import { findJwks, leadingJson, type FoundJwk } from './leadingJson.ts'
import { sshBlobType, sshPublicKeys } from './ssh.ts'

/**
 * Looks for key material in a text whatever form it was pasted in: PEM, JSON (also with trailing
 * text, trailing commas, nested or in an array), YAML, OpenSSH, and base64 or hex of any of these
 * or of DER. Private keys found this way are refused; public keys found this way are never used
 * as HMAC secrets (the key-confusion attack, e.g. PyJWT GHSA-ffqj-6fqr-9h24). Each finder returns
 * what it found as a noun phrase for messages, or null.
 */

/** How many layers of encoding are looked through (base64 of a kubeconfig holding base64 of a PEM is three). */
const MAX_DEPTH = 3
/**
 * Decoded text longer than this is not searched again: keys, Secrets and kubeconfigs are far
 * smaller, and searching every layer of a megabyte of base64 would freeze the page.
 */
const MAX_INNER_TEXT = 256 * 1024

/** The bytes as text, when they are text short enough to search one layer deeper. */
const innerText = (bytes: Uint8Array) => (bytes.length > MAX_INNER_TEXT ? null : bytesAsText(bytes))

const PRIVATE_PEM = /-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----/
// A BEGIN line cut at its start still ends like this.
const CUT_PRIVATE_PEM = /PRIVATE KEY(?: BLOCK)?-----/
const OTHER_PRIVATE: ReadonlyArray<[RegExp, string]> = [
  [/PuTTY-User-Key-File-\d+:/, 'a PuTTY private key (.ppk)'],
  [/---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----/, 'an SSH2 private key'],
]
// Member names as JSON (also escaped inside a JSON string) or YAML writes them.
const member = (names: string) => new RegExp(`(?:^|[\\s{,])\\\\?["']?(${names})\\\\?["']?\\s*:`, 'm')
const KTY = member('kty')
// Private members hold long base64url strings (oth an array), which tells them from other "d"s.
const PRIVATE_MEMBER = new RegExp(
  `${member(PRIVATE_JWK_MEMBERS.join('|')).source}\\s*(?:\\\\?["']?[A-Za-z0-9_-]{16}|\\[)`,
  'm',
)
const PUBLIC_KTY = /(?:^|[\s{,])\\?["']?kty\\?["']?\s*:\s*\\?["']?(RSA|EC|OKP)\b/m
// Fields that hold private keys in Kubernetes objects, named by their key; a short value such as
// DATA+OMITTED (kubectl config view) is a placeholder, not key data.
const KEY_FIELDS: ReadonlyArray<[RegExp, string]> = [
  [member('client-key-data'), 'a kubeconfig holding a client private key (client-key-data)'],
  [member('tls\\.key'), 'a Secret holding a TLS private key (tls.key)'],
  [member('ssh-privatekey'), 'a Secret holding an SSH private key (ssh-privatekey)'],
]
const FIELD_VALUE = /^\s*["']?[|>]?[-+]?\s*["']?[A-Za-z0-9+/_-]{16,}/
const PUBLIC_PEM =
  /-----BEGIN ((?:RSA |EC )?PUBLIC KEY|(?:X509 |TRUSTED )?CERTIFICATE|(?:NEW )?CERTIFICATE REQUEST|PGP PUBLIC KEY BLOCK)-----/
const CUT_PUBLIC_PEM = /(PUBLIC KEY|CERTIFICATE)-----/

function keyField(text: string): string | null {
  for (const [re, what] of KEY_FIELDS) {
    const m = re.exec(text)
    if (m && FIELD_VALUE.test(text.slice(m.index + m[0].length, m.index + m[0].length + 200))) return what
  }
  return null
}

/** String values inside parsed JSON that are themselves JSON text (a JWK kept as a string). */
function jsonInStrings(value: unknown, out: string[] = [], budget = { nodes: 100_000 }): string[] {
  if (--budget.nodes < 0) return out
  if (typeof value === 'string') {
    if (/^\s*[{[]/.test(value)) out.push(value)
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) jsonInStrings(v, out, budget)
  }
  return out
}

const where = (pointer: string) => (pointer === '' ? '' : ` at ${pointer} in the JSON`)

/** What one search of a text found: the private key and the public key in it, named for messages. */
export interface KeyTextFindings {
  privateKey: string | null
  publicKey: string | null
}

// A decoded text is searched one layer deeper only if something in it could start a key; most
// decoded pieces of an ordinary paste are plain text or binary.
const WORTH_SEARCHING = /-----|kty|ssh-|ecdsa-|sk-|PuTTY|SSH2|key|[A-Za-z0-9+/_-]{40}|(?:[0-9a-fA-F]{2}){32}/

function privateInPlainText(text: string, jwks: FoundJwk[] | null): string | null {
  const pem = PRIVATE_PEM.exec(text)
  if (pem) return `a private key (PEM "${pem[1]}")`
  if (CUT_PRIVATE_PEM.test(text)) return 'a private key (PEM)'
  for (const [re, what] of OTHER_PRIVATE) if (re.test(text)) return what
  const field = keyField(text)
  if (field) return field
  if (jwks) {
    // Parsed JSON is searched exactly: every object with a kty, at any depth.
    for (const { jwk, pointer } of jwks) {
      const m = PRIVATE_JWK_MEMBERS.find((name) => name in jwk)
      if (m) return `a private JWK (it has the private member "${m}")${where(pointer)}`
    }
    return null
  }
  // YAML, or JSON too broken to parse: the member names are all there is to go by.
  const privateMember = PRIVATE_MEMBER.exec(text)
  return privateMember && KTY.test(text) ? `a private JWK (it has the private member "${privateMember[1]}")` : null
}

function publicInPlainText(text: string, jwks: FoundJwk[] | null): string | null {
  const pem = PUBLIC_PEM.exec(text) ?? CUT_PUBLIC_PEM.exec(text)
  if (pem) return `${/^[AEIOU]/.test(pem[1] as string) ? 'an' : 'a'} ${pem[1]} (PEM)`
  const ssh = sshPublicKeys(text)[0]
  if (ssh) return `an OpenSSH ${ssh.key.type} public key`
  const kty = PUBLIC_KTY.exec(text)
  if (kty) return `a public JWK (kty ${kty[1]})`
  for (const { jwk, pointer } of jwks ?? []) {
    if (jwk.kty === 'RSA' || jwk.kty === 'EC' || jwk.kty === 'OKP')
      return `a public JWK (kty ${jwk.kty})${where(pointer)}`
  }
  return null
}

/**
 * Searches a text for private and public key material in every form above, looking through up to
 * three layers of encoding, with one decoding of each layer for both. Stops at the first private
 * key, which is all that matters then.
 */
export function scanKeyText(text: string, depth = 0): KeyTextFindings {
  const json = leadingJson(text)
  const jwks = json ? findJwks(json.value) : null
  const privateKey = privateInPlainText(text, jwks)
  if (privateKey) return { privateKey, publicKey: null }
  let publicKey = publicInPlainText(text, jwks)
  if (depth >= MAX_DEPTH) return { privateKey: null, publicKey }
  const deeper = (inner: string, wrap: (found: string) => string) => {
    const found = scanKeyText(inner, depth + 1)
    if (found.privateKey) return wrap(found.privateKey)
    if (!publicKey && found.publicKey) publicKey = wrap(found.publicKey)
    return null
  }
  for (const inner of json ? jsonInStrings(json.value) : []) {
    const found = deeper(inner, (f) => f)
    if (found) return { privateKey: found, publicKey: null }
  }
  for (const bytes of encodedPieces(text)) {
    const der = privateDerKind(bytes)
    if (der)
      return { privateKey: `${der} in DER, written out as base64 or hex without BEGIN/END lines`, publicKey: null }
    if (!publicKey) {
      const pub = publicDerKind(bytes)
      const ssh = pub ? null : sshBlobType(bytes)
      if (pub) publicKey = `${pub}, written out as base64 or hex`
      else if (ssh) publicKey = `an OpenSSH ${ssh} public key (its base64 blob)`
    }
    const inner = innerText(bytes)
    if (inner === null || !WORTH_SEARCHING.test(inner)) continue
    const found = deeper(inner, (f) => `the base64 of ${f}`)
    if (found) return { privateKey: found, publicKey: null }
  }
  return { privateKey: null, publicKey }
}

/** Names the private key in `text`, in any of the forms above; null when there is none. */
export function findPrivateKey(text: string): string | null {
  return scanKeyText(text).privateKey
}

/** Names the public key (or certificate) in `text`, in any of the forms above; null when there is none. */
export function findPublicKey(text: string): string | null {
  return scanKeyText(text).publicKey
}

/**
 * Names the key material that the bytes of an HMAC secret are, or hold: DER or an SSH blob as
 * raw bytes, or any of the text forms above when the bytes are text. A secret for which this
 * returns anything is never used.
 */
export function secretHoldsKey(secret: Uint8Array): string | null {
  const raw = privateDerKind(secret) ?? publicDerKind(secret)
  if (raw) return raw
  const ssh = sshBlobType(secret)
  if (ssh) return `an OpenSSH ${ssh} public key (its raw blob)`
  const text = bytesAsText(secret)
  if (text === null) return null
  const found = scanKeyText(text)
  return found.privateKey ?? found.publicKey
}

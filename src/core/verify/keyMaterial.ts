import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { children, pkcs1ToSpki, readWhole, certificateSpki } from './der.ts'
import { jwkCandidate, jwkIsPrivate, type KeyCandidate } from './keys.ts'
import { hasPemMarker, isPrivateLabel, pemBlocks } from './pem.ts'
import { describeSpki } from './spki.ts'
import { decodeBase64Loose } from '../encoding/base64.ts'
import { fetchCommand } from './keyHelp.ts'
import { diagnostic, type VerifyCode } from './codes.ts'
import { bytesAsText, wholeTextBytes } from './encodedPieces.ts'
import { scanKeyText, secretHoldsKey } from './keyScan.ts'
import { findJwks, leadingJson } from './leadingJson.ts'
import { hasSshMarker, readSshBlob, sshPublicKeys, type SshFound } from './ssh.ts'
import { caseVariantOf } from './algorithms.ts'

/** How an HMAC secret typed into the key box is turned into bytes. */
export type HmacEncoding = 'utf8' | 'base64' | 'base64url'

/**
 * What the key text was recognised as. `der` is a PEM body without its BEGIN/END lines (base64 or
 * hex DER); `ssh` is an OpenSSH public key.
 */
export type MaterialKind =
  'empty' | 'pem' | 'der' | 'ssh' | 'jwk' | 'jwks' | 'discovery' | 'hmac-secret' | 'private-key' | 'unrecognised'

export interface KeyMaterial {
  kind: MaterialKind
  /** One sentence saying what was recognised. */
  summary: string
  keys: KeyCandidate[]
  diagnostics: Diagnostic[]
  /** For an OpenID discovery document: where its keys are, and how to fetch them by hand. */
  discovery?: { issuer?: string; jwksUri?: string; commands: string[] }
}

function refused(what: string): KeyMaterial {
  return {
    kind: 'private-key',
    summary: `This is ${what}. It was refused and not kept.`,
    keys: [],
    diagnostics: [
      diagnostic(
        'PRIVATE_KEY_REFUSED',
        `${what[0]?.toUpperCase()}${what.slice(1)} was pasted. Checking a signature needs only the public key; a private key lets anyone sign tokens as this issuer. Nothing of it was kept: paste the public key instead, and treat the private key as exposed if it left a safe place.`,
      ),
    ],
  }
}

function unrecognised(code: VerifyCode, message: string, summary = 'Not recognised as a key.'): KeyMaterial {
  return { kind: 'unrecognised', summary, keys: [], diagnostics: [diagnostic(code, message)] }
}

function publicNotSecret(what: string, alg: string): KeyMaterial {
  return {
    kind: 'unrecognised',
    summary: 'Public key material, which is never used as an HMAC secret.',
    keys: [],
    diagnostics: [
      diagnostic(
        'ALG_KEY_CONFUSION',
        `This is ${what}. Public keys are public: a verifier that took one as the secret of an ${alg} token would accept tokens made by anyone who has the key (the key-confusion attack). It is never used as a secret here. A token signed with this key names RS, PS, ES or EdDSA as its alg, not ${alg}.`,
      ),
    ],
  }
}

/** A public key candidate read from DER, or why none could be read. */
type DerRead = { key: Omit<KeyCandidate, 'index'> } | { diagnostic: Diagnostic } | { skipped: Diagnostic }

function readDerKey(label: string, der: Uint8Array, where: string, via: string): DerRead {
  let spki: Uint8Array | null = null
  let origin = `PEM ${label}`
  if (label === 'PUBLIC KEY') spki = der
  else if (label === 'RSA PUBLIC KEY') {
    const seq = readWhole(der)
    const ints = seq && seq.tag === 0x30 ? children(der, seq) : null
    spki = ints && ints.length === 2 && ints.every((t) => t.tag === 0x02) ? pkcs1ToSpki(der) : null
    origin = 'PEM RSA PUBLIC KEY (PKCS#1)'
  } else if (label === 'CERTIFICATE') {
    spki = certificateSpki(der)
    origin = 'public key of an X.509 CERTIFICATE'
  } else {
    return {
      skipped: diagnostic(
        'PEM_LABEL_UNSUPPORTED',
        `${where} is a "${label}", which holds no public key to check signatures with; it was skipped.`,
      ),
    }
  }
  origin += via
  const kind = spki ? describeSpki(spki) : null
  if (!spki || !kind) {
    return {
      diagnostic: diagnostic(
        'PEM_BAD_DER',
        `${where} (${label}) does not contain a well-formed key: its DER structure could not be read.`,
      ),
    }
  }
  if (kind.kty === 'unknown')
    return {
      key: { origin, kty: 'unknown', spki, unusable: `The key algorithm (OID ${kind.oid}) cannot verify a JWS here.` },
    }
  if (kind.kty === 'OKP' && kind.crv !== 'Ed25519')
    return {
      key: {
        origin,
        kty: 'OKP',
        crv: kind.crv,
        spki,
        unusable: `${kind.crv} keys cannot verify signatures here; only Ed25519 can.`,
      },
    }
  return { key: { origin, spki, ...kind } }
}

function fromDerBlocks(
  kind: 'pem' | 'der',
  blocks: { label: string; der: Uint8Array | null }[],
  via: string,
): KeyMaterial {
  const keys: KeyCandidate[] = []
  const diagnostics: Diagnostic[] = []
  blocks.forEach((block, i) => {
    const where = blocks.length > 1 ? `PEM block ${i + 1}` : 'The PEM block'
    if (!block.der) {
      diagnostics.push(diagnostic('PEM_BAD_BASE64', `${where} (${block.label}) is not valid base64.`))
      return
    }
    const read = readDerKey(block.label, block.der, where, via)
    if ('key' in read) keys.push({ index: keys.length + 1, ...read.key })
    else diagnostics.push('diagnostic' in read ? read.diagnostic : read.skipped)
  })
  const what = kind === 'pem' ? 'in PEM' : 'in DER, given without BEGIN/END lines'
  const summary =
    keys.length === 0
      ? 'PEM text without a usable public key.'
      : `${keys.length === 1 ? 'One public key' : `${keys.length} public keys`} ${what}${via}.`
  return { kind: keys.length ? kind : 'unrecognised', summary, keys, diagnostics }
}

function fromPem(text: string, via: string): KeyMaterial {
  const blocks = pemBlocks(text)
  // findPrivateKey has refused these already; kept so that this function is safe on its own.
  if (blocks.some((b) => isPrivateLabel(b.label)) || /PRIVATE KEY-----/.test(text))
    return refused('a private key (PEM)')
  if (blocks.length === 0)
    return unrecognised(
      'PEM_INCOMPLETE',
      'The text starts a PEM block but has no matching END line; the key was cut off in copying.',
    )
  return fromDerBlocks('pem', blocks, via)
}

/** The PEM label a bare DER public key would have carried, from its structure. */
function derLabel(der: Uint8Array): string | null {
  if (describeSpki(der)) return 'PUBLIC KEY'
  if (certificateSpki(der)) return 'CERTIFICATE'
  const seq = readWhole(der)
  const ints = seq && seq.tag === 0x30 ? children(der, seq) : null
  return ints && ints.length === 2 && ints.every((t) => t.tag === 0x02) ? 'RSA PUBLIC KEY' : null
}

function fromSsh(found: SshFound[], via: string): KeyMaterial {
  if (found.length === 0)
    return unrecognised(
      'KEY_UNRECOGNISED',
      'The text looks like an OpenSSH public key, but its base64 part could not be read as one; it may be cut off.',
      'A damaged OpenSSH public key.',
    )
  const keys: KeyCandidate[] = found.map(({ key, form }, i) => ({
    index: i + 1,
    origin: `OpenSSH ${key.type} public key (${form})${via}`,
    kty: key.kty,
    ...(key.crv !== undefined && { crv: key.crv }),
    ...(key.bits !== undefined && { bits: key.bits }),
    ...(key.jwk !== undefined && { jwk: key.jwk }),
    ...(key.unusable !== undefined && { unusable: key.unusable }),
  }))
  return {
    kind: 'ssh',
    summary: `${keys.length === 1 ? 'One OpenSSH public key' : `${keys.length} OpenSSH public keys`}${via}.`,
    keys,
    diagnostics: [],
  }
}

function jwkSet(
  entries: Record<string, unknown>[],
  total: number,
  origin: string,
  diagnostics: Diagnostic[],
): KeyMaterial {
  if (entries.some(jwkIsPrivate)) return refused('a key set with a private key in it')
  const keys = entries.map((k, i) => jwkCandidate(k, i + 1, origin))
  if (entries.length !== total)
    diagnostics.push(
      diagnostic('JWKS_ENTRY_NOT_OBJECT', 'Some entries of "keys" are not JSON objects and were skipped.'),
    )
  if (keys.length === 0) diagnostics.push(diagnostic('JWKS_EMPTY', 'The key set has no keys.'))
  return {
    kind: 'jwks',
    summary: `A JWK Set with ${keys.length} key${keys.length === 1 ? '' : 's'}.`,
    keys,
    diagnostics,
  }
}

const isObject = (k: unknown): k is Record<string, unknown> => !!k && typeof k === 'object' && !Array.isArray(k)

function fromJson(value: unknown): KeyMaterial {
  if (Array.isArray(value)) {
    // A bare array of JWKs, as copied from inside a key set: read as the set it came from.
    const found = findJwks(value)
    if (found.length === 0)
      return unrecognised('KEY_JSON_NOT_KEY', 'This JSON is not a JWK, a JWK Set or an OpenID discovery document.')
    // Said in the summary rather than as a diagnostic: it is how the key was read, not a fault.
    const m = jwkSet(
      found.map((f) => f.jwk),
      found.length,
      'JWK in the array',
      [],
    )
    return m.kind === 'jwks'
      ? { ...m, summary: `${m.summary.slice(0, -1)}, given as a bare JSON array (a JWK Set is {"keys": [ … ]}).` }
      : m
  }
  if (!isObject(value))
    return unrecognised('KEY_JSON_NOT_KEY', 'This JSON is not a JWK, a JWK Set or an OpenID discovery document.')
  const obj = value
  if (Array.isArray(obj.keys)) {
    return jwkSet(obj.keys.filter(isObject), obj.keys.length, 'JWK in the set', [])
  }
  if (typeof obj.kty === 'string') {
    if (jwkIsPrivate(obj)) return refused('a private JWK (it has private members such as "d")')
    return { kind: 'jwk', summary: 'A single JWK.', keys: [jwkCandidate(obj, 1, 'JWK')], diagnostics: [] }
  }
  if (typeof obj.jwks_uri === 'string' || (typeof obj.issuer === 'string' && 'response_types_supported' in obj)) {
    const jwksUri = typeof obj.jwks_uri === 'string' ? obj.jwks_uri : undefined
    const issuer = typeof obj.issuer === 'string' ? obj.issuer : undefined
    const commands = jwksUri ? fetchCommand(jwksUri) : []
    return {
      kind: 'discovery',
      summary: 'An OpenID discovery document: it names where the keys are but holds none.',
      keys: [],
      discovery: { issuer, jwksUri, commands },
      diagnostics: [
        diagnostic(
          'DISCOVERY_HAS_NO_KEYS',
          jwksUri
            ? `This discovery document holds no keys. Its keys are at ${jwksUri}: fetch that (this page never does) and paste the result here.`
            : 'This discovery document holds no keys and names no "jwks_uri".',
        ),
      ],
    }
  }
  // JWKs nested in some other object, such as {"jwk": {…}} or a config file.
  const nested = findJwks(obj)
  if (nested.length > 0) {
    const m = jwkSet(
      nested.map((f) => f.jwk),
      nested.length,
      'JWK inside the JSON',
      [],
    )
    if (m.kind !== 'jwks') return m
    const at = nested.map((f) => f.pointer).join(', ')
    return nested.length === 1
      ? { ...m, kind: 'jwk', summary: `A single JWK, found at ${at} inside the JSON.` }
      : { ...m, summary: `${m.summary.slice(0, -1)}, found at ${at} inside the JSON.` }
  }
  return unrecognised(
    'KEY_JSON_NOT_KEY',
    'This JSON is not a JWK (no "kty"), a JWK Set (no "keys") or an OpenID discovery document (no "jwks_uri").',
    'JSON, but not a key.',
  )
}

function fromJsonText(text: string): KeyMaterial {
  const json = leadingJson(text)
  if (!json)
    return unrecognised(
      'KEY_JSON_INVALID',
      'The key text starts like JSON but is not valid JSON; it may be cut off.',
      'Broken JSON.',
    )
  const m = fromJson(json.value)
  if (m.kind === 'private-key' || (json.rest === '' && !json.trailingCommas)) return m
  const repairs = [
    json.trailingCommas && 'commas before closing brackets were ignored',
    json.rest !== '' &&
      `the text after it was ignored ("${json.rest.length > 24 ? `${json.rest.slice(0, 24)}…` : json.rest}")`,
  ].filter(Boolean)
  return { ...m, summary: `${m.summary} The JSON was read leniently: ${repairs.join(', and ')}.` }
}

/**
 * A key given in encoded form: a PEM body without its BEGIN/END lines (DER as base64 or hex), an
 * SSH blob, or the base64 of a PEM, an SSH line or a JWK (as Kubernetes stores files in Secrets
 * and ConfigMaps). Null when the text is none of these, so that it may still be a secret.
 */
function fromEncoded(text: string, options: RecognizeOptions, depth: number): KeyMaterial | null {
  for (const bytes of wholeTextBytes(text)) {
    const label = derLabel(bytes)
    if (label) return fromDerBlocks('der', [{ label, der: bytes }], '')
    const ssh = readSshBlob(bytes)
    if (ssh) return fromSsh([{ key: ssh, form: 'base64 blob' }], '')
    // Keys, even as base64, are far below this; larger decoded text is not searched again.
    const inner = bytes.length > 256 * 1024 ? null : bytesAsText(bytes)
    if (inner === null) continue
    const m = recognizePublic(inner.trim(), options, depth + 1, ', given as base64')
    // Decoded JSON that is no key may still be a secret's bytes; a decoded PEM or SSH key never is.
    if (m && (m.keys.length > 0 || m.kind === 'discovery' || hasPemMarker(inner) || hasSshMarker(inner))) return m
  }
  return null
}

/** The bytes of an HMAC secret written in `encoding`; null when the text is not in it. */
export function secretBytes(text: string, encoding: HmacEncoding): Uint8Array | null {
  if (encoding === 'utf8') return new TextEncoder().encode(text)
  const body = text.replace(/\s+/g, '')
  const ok = encoding === 'base64' ? /^[A-Za-z0-9+/]+={0,2}$/.test(body) : /^[A-Za-z0-9_-]+$/.test(body)
  return ok ? decodeBase64Loose(body) : null
}

/**
 * Longer text is never an HMAC secret: real secrets are tens or hundreds of bytes, and a text this
 * long is a file, whose every layer of encoding could not be searched for key material cheaply.
 */
export const MAX_SECRET_LENGTH = 64 * 1024

interface RecognizeOptions {
  encoding: HmacEncoding
  tokenAlg?: string
}

function notForThisAlg(alg: string | undefined): KeyMaterial {
  const registered = alg ? caseVariantOf(alg) : undefined
  if (alg && registered)
    return unrecognised(
      'KEY_UNRECOGNISED',
      `The key text is not PEM, JSON or an SSH key, and the token's alg "${alg}" is not a registered algorithm name: names are case-sensitive, and the registered one is "${registered}". So no kind of key fits the token, and plain text is not read as a secret for it.`,
    )
  return unrecognised(
    'KEY_UNRECOGNISED',
    `The key text is not PEM (-----BEGIN …-----), not JSON (a JWK or JWK Set) and not an OpenSSH public key.${alg ? ` A ${alg} token needs a public key; plain text is only read as a secret for HS256/384/512 tokens.` : ''}`,
  )
}

/** Key material in the text, or null when it is not shaped like any key (so it may be a secret). */
function recognizePublic(trimmed: string, options: RecognizeOptions, depth: number, via = ''): KeyMaterial | null {
  if (hasPemMarker(trimmed)) return fromPem(trimmed, via)
  if (hasSshMarker(trimmed)) return fromSsh(sshPublicKeys(trimmed), via)
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return fromJsonText(trimmed)
  return depth < 2 ? fromEncoded(trimmed, options, depth) : null
}

/**
 * The message refusing `text` when it holds a private key in any form, or null. This is the
 * check the key box runs before it accepts an insertion, cheaper than full recognition.
 */
export function privateKeyRefusal(text: string): string | null {
  const what = scanKeyText(text.trim()).privateKey
  return what ? (refused(what).diagnostics[0]?.message ?? null) : null
}

/**
 * Recognises pasted key material by itself: PEM (SPKI, PKCS#1, certificate), a PEM body without
 * its BEGIN/END lines, an OpenSSH public key, a JWK, a JWK Set (such as `kubectl get --raw
 * /openid/v1/jwks`, also as a bare array, nested, or with trailing text), an OpenID discovery
 * document, any of these as base64, or an HMAC secret. Private keys in any of these forms are
 * refused and nothing of them is returned. Text is read as an HMAC secret only when the token is
 * an HMAC token and neither the text nor the secret's bytes hold key material in any form, so a
 * public key can never become a secret (the RS→HS key-confusion attack).
 */
export function recognizeKeyMaterial(text: string, options: RecognizeOptions): KeyMaterial {
  const trimmed = text.trim()
  if (trimmed === '') return { kind: 'empty', summary: 'No key given.', keys: [], diagnostics: [] }
  const found = scanKeyText(trimmed)
  if (found.privateKey) return refused(found.privateKey)
  const recognised = recognizePublic(trimmed, options, 0)
  if (recognised) return recognised
  const alg = options.tokenAlg
  if (!alg || !/^HS(256|384|512)$/.test(alg)) return notForThisAlg(alg)
  if (found.publicKey) return publicNotSecret(found.publicKey, alg)
  if (trimmed.length > MAX_SECRET_LENGTH)
    return unrecognised(
      'KEY_UNRECOGNISED',
      `The text is ${trimmed.length.toLocaleString('en')} characters long. No one uses an HMAC secret of that size (${options.tokenAlg} needs ${Number(alg.slice(2)) / 8} bytes or more, rarely more than a few hundred); this looks like a file, so it is not used as a secret.`,
      'Too long to be an HMAC secret.',
    )
  const bytes = secretBytes(trimmed, options.encoding)
  if (!bytes || bytes.length === 0) {
    return unrecognised(
      'HMAC_SECRET_ENCODING',
      `The secret is not valid ${options.encoding === 'base64' ? 'base64' : 'base64url'}. Pick the encoding the secret is written in.`,
    )
  }
  // The text itself was searched above; the bytes differ from it only when they were decoded.
  const held = options.encoding === 'utf8' ? null : secretHoldsKey(bytes)
  if (held) return publicNotSecret(`a secret whose bytes are ${held}`, alg)
  const label = options.encoding === 'utf8' ? 'UTF-8 text' : options.encoding
  const key: KeyCandidate = {
    index: 1,
    origin: `secret as ${label}`,
    kty: 'oct',
    bits: bytes.length * 8,
    secret: bytes,
  }
  return {
    kind: 'hmac-secret',
    summary: `An HMAC secret of ${bytes.length} bytes, read as ${label}.`,
    keys: [key],
    diagnostics: [],
  }
}

import type { DiagnosticCode } from '../diagnostics/codes.ts'
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts'
import { children, pkcs1ToSpki, readWhole, certificateSpki } from './der.ts'
import { jwkCandidate, jwkIsPrivate, type KeyCandidate } from './keys.ts'
import { hasPemMarker, isPrivateLabel, pemBlocks } from './pem.ts'
import { describeSpki } from './spki.ts'
import { decodeBase64Loose } from '../encoding/base64url.ts'
import { fetchCommand } from './keyHelp.ts'

/** How an HMAC secret typed into the key box is turned into bytes. */
export type HmacEncoding = 'utf8' | 'base64' | 'base64url'

export type MaterialKind =
  'empty' | 'pem' | 'jwk' | 'jwks' | 'discovery' | 'hmac-secret' | 'private-key' | 'unrecognised'

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

function unrecognised(code: DiagnosticCode, message: string, summary = 'Not recognised as a key.'): KeyMaterial {
  return { kind: 'unrecognised', summary, keys: [], diagnostics: [diagnostic(code, message)] }
}

function fromPem(text: string): KeyMaterial {
  const blocks = pemBlocks(text)
  if (blocks.some((b) => isPrivateLabel(b.label)) || /PRIVATE KEY-----/.test(text))
    return refused('a private key (PEM)')
  if (blocks.length === 0)
    return unrecognised(
      'PEM_INCOMPLETE',
      'The text starts a PEM block but has no matching END line; the key was cut off in copying.',
    )
  const keys: KeyCandidate[] = []
  const diagnostics: Diagnostic[] = []
  blocks.forEach((block, i) => {
    const where = blocks.length > 1 ? `PEM block ${i + 1}` : 'The PEM block'
    if (!block.der) {
      diagnostics.push(diagnostic('PEM_BAD_BASE64', `${where} (${block.label}) is not valid base64.`))
      return
    }
    let spki: Uint8Array | null = null
    let origin = `PEM ${block.label}`
    if (block.label === 'PUBLIC KEY') spki = block.der
    else if (block.label === 'RSA PUBLIC KEY') {
      const seq = readWhole(block.der)
      const ints = seq && seq.tag === 0x30 ? children(block.der, seq) : null
      spki = ints && ints.length === 2 && ints.every((t) => t.tag === 0x02) ? pkcs1ToSpki(block.der) : null
      origin = 'PEM RSA PUBLIC KEY (PKCS#1)'
    } else if (block.label === 'CERTIFICATE') {
      spki = certificateSpki(block.der)
      origin = 'public key of an X.509 CERTIFICATE'
    } else {
      diagnostics.push(
        diagnostic(
          'PEM_LABEL_UNSUPPORTED',
          `${where} is a "${block.label}", which holds no public key to check signatures with; it was skipped.`,
        ),
      )
      return
    }
    const kind = spki ? describeSpki(spki) : null
    if (!spki || !kind) {
      diagnostics.push(
        diagnostic(
          'PEM_BAD_DER',
          `${where} (${block.label}) does not contain a well-formed key: its DER structure could not be read.`,
        ),
      )
      return
    }
    const index = keys.length + 1
    if (kind.kty === 'unknown')
      keys.push({
        index,
        origin,
        kty: 'unknown',
        spki,
        unusable: `The key algorithm (OID ${kind.oid}) cannot verify a JWS here.`,
      })
    else if (kind.kty === 'OKP' && kind.crv !== 'Ed25519')
      keys.push({
        index,
        origin,
        kty: 'OKP',
        crv: kind.crv,
        spki,
        unusable: `${kind.crv} keys cannot verify signatures here; only Ed25519 can.`,
      })
    else keys.push({ index, origin, spki, ...kind })
  })
  const summary =
    keys.length === 0
      ? 'PEM text without a usable public key.'
      : `${keys.length === 1 ? 'One public key' : `${keys.length} public keys`} in PEM.`
  return { kind: keys.length ? 'pem' : 'unrecognised', summary, keys, diagnostics }
}

function fromJson(value: unknown): KeyMaterial {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return unrecognised('KEY_JSON_NOT_KEY', 'This JSON is not a JWK, a JWK Set or an OpenID discovery document.')
  const obj = value as Record<string, unknown>
  if (Array.isArray(obj.keys)) {
    const entries = obj.keys.filter(
      (k): k is Record<string, unknown> => !!k && typeof k === 'object' && !Array.isArray(k),
    )
    if (entries.some(jwkIsPrivate)) return refused('a key set with a private key in it')
    const keys = entries.map((k, i) => jwkCandidate(k, i + 1, 'JWK in the set'))
    const diagnostics: Diagnostic[] = []
    if (entries.length !== obj.keys.length)
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
  return unrecognised(
    'KEY_JSON_NOT_KEY',
    'This JSON is not a JWK (no "kty"), a JWK Set (no "keys") or an OpenID discovery document (no "jwks_uri").',
    'JSON, but not a key.',
  )
}

function secretBytes(text: string, encoding: HmacEncoding): Uint8Array | null {
  if (encoding === 'utf8') return new TextEncoder().encode(text)
  const body = text.replace(/\s+/g, '')
  const ok = encoding === 'base64' ? /^[A-Za-z0-9+/]+={0,2}$/.test(body) : /^[A-Za-z0-9_-]+$/.test(body)
  return ok ? decodeBase64Loose(body) : null
}

/**
 * Recognises pasted key material by itself: PEM (SPKI, PKCS#1, certificate), a JWK, a JWK Set
 * (such as `kubectl get --raw /openid/v1/jwks`), an OpenID discovery document, or an HMAC secret.
 * Private keys are refused and nothing of them is returned. Text that is not PEM or JSON is read
 * as an HMAC secret only when the token is an HMAC token, so a public key can never become a
 * secret (the RS→HS key-confusion attack).
 */
export function recognizeKeyMaterial(
  text: string,
  options: { encoding: HmacEncoding; tokenAlg?: string },
): KeyMaterial {
  const trimmed = text.trim()
  if (trimmed === '') return { kind: 'empty', summary: 'No key given.', keys: [], diagnostics: [] }
  if (hasPemMarker(trimmed)) return fromPem(trimmed)
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let value: unknown
    try {
      value = JSON.parse(trimmed)
    } catch {
      return unrecognised(
        'KEY_JSON_INVALID',
        'The key text starts like JSON but is not valid JSON; it may be cut off.',
        'Broken JSON.',
      )
    }
    return fromJson(value)
  }
  if (!options.tokenAlg?.startsWith('HS')) {
    return unrecognised(
      'KEY_UNRECOGNISED',
      `The key text is not PEM (-----BEGIN …-----) and not JSON (a JWK or JWK Set).${options.tokenAlg ? ` A ${options.tokenAlg} token needs a public key; plain text is only read as a secret for HS256/384/512 tokens.` : ''}`,
    )
  }
  const bytes = secretBytes(trimmed, options.encoding)
  if (!bytes || bytes.length === 0) {
    return unrecognised(
      'HMAC_SECRET_ENCODING',
      `The secret is not valid ${options.encoding === 'base64' ? 'base64' : 'base64url'}. Pick the encoding the secret is written in.`,
    )
  }
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

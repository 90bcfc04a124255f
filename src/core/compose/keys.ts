/**
 * Signing keys for Compose: made in the browser with WebCrypto, or pasted by the user (PKCS#8,
 * PKCS#1 or SEC 1 PEM, a private JWK, or an HMAC secret). The private half is imported
 * non-extractable and lives only in the returned object, in memory; nothing here stores it.
 */
import { diagnostic, type ComposeCode } from './codes.ts'
import type { Diagnostic, DiagnosticOptions } from '../diagnostics/diagnostic.ts'
import { rfc } from '../diagnostics/specRefs.ts'
import { decodeBase64Loose, encodeBase64url } from '../encoding/base64.ts'
import { spkiParams } from '../verify/algorithms.ts'
import { secretBytes, type HmacEncoding } from '../verify/keyMaterial.ts'
import type { KeyCandidate } from '../verify/keys.ts'
import { kubernetesKeyId } from '../verify/kid.ts'
import { hasPemMarker, isPrivateLabel, pemBlocks } from '../verify/pem.ts'
import { bitLength } from '../verify/spki.ts'
import { algForKey, ALGS, isHmac, keyFits, type SigningAlg } from './algorithms.ts'
import { describePkcs8, pkcs1ToPkcs8, sec1ToPkcs8, type PrivateKeyKind } from './pkcs8.ts'

/** A public key as a JWK Set member, in the member order of Kubernetes' /openid/v1/jwks (go-jose). */
export interface PublicSigningJwk {
  use: 'sig'
  kty: string
  kid: string
  crv?: string
  alg: SigningAlg
  x?: string
  y?: string
  n?: string
  e?: string
}

/** What a verifier needs: the public key, with the key id Kubernetes would give it. */
export interface PublicKeyOutput {
  /** base64url(SHA-256(DER SubjectPublicKeyInfo)), as the API server derives it. */
  kid: string
  jwk: PublicSigningJwk
  jwks: { keys: PublicSigningJwk[] }
  /** The JWK Set as text, two-space indented, ready to paste into a verifier. */
  jwksText: string
  /** The SubjectPublicKeyInfo as a `PUBLIC KEY` PEM block. */
  pem: string
}

/** Where a signing key came from. */
export type KeyOrigin = 'generated' | 'pkcs8' | 'pkcs1' | 'sec1' | 'jwk' | 'secret'

/** A key that can sign for one algorithm. Private material: keep it in memory only. */
export interface SigningKey {
  alg: SigningAlg
  origin: KeyOrigin
  /** One line, e.g. "EC P-256 key pair made here". */
  description: string
  /** The private key (or HMAC key), not extractable. */
  signer: CryptoKey
  /** Undefined for HMAC, whose secret has no public half. */
  public?: PublicKeyOutput
  /** For a generated HMAC secret only: its bytes as base64url, so it can be given to a verifier. */
  secret?: string
}

export type KeyResult =
  | { ok: true; key: SigningKey; diagnostics: Diagnostic[] }
  | {
      ok: false
      diagnostics: Diagnostic[]
      /** When the key is fine but the algorithm does not fit it: the one that would. */
      suggestedAlg?: SigningAlg
    }

const fail = (code: ComposeCode, message: string, options?: DiagnosticOptions): KeyResult => ({
  ok: false,
  diagnostics: [diagnostic(code, message, options)],
})
const subtle = () => globalThis.crypto.subtle
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e))

function toPem(label: string, der: Uint8Array): string {
  const b64 = encodeBase64url(der).replace(/-/g, '+').replace(/_/g, '/')
  const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4)
  return `-----BEGIN ${label}-----\n${padded.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END ${label}-----\n`
}

/** The public JWK (kty, n/e or crv/x/y) with the kid, the PEM and the JWK Set. */
async function publicOutput(jwk: JsonWebKey, alg: SigningAlg): Promise<PublicKeyOutput> {
  const candidate: KeyCandidate = { index: 1, origin: 'compose', kty: jwk.kty ?? '' }
  if (jwk.crv) candidate.crv = jwk.crv
  const params = spkiParams(candidate)
  if (!params) throw new Error(`no SubjectPublicKeyInfo for a ${jwk.kty} key`)
  const pub: JsonWebKey = { kty: jwk.kty, n: jwk.n, e: jwk.e, crv: jwk.crv, x: jwk.x, y: jwk.y, ext: true }
  const imported = await subtle().importKey('jwk', pub, params, true, ['verify'])
  const spki = new Uint8Array(await subtle().exportKey('spki', imported))
  // The key id exactly as the project's verifier recomputes it (verify/kid.ts).
  const kid = await kubernetesKeyId({ ...candidate, spki })
  if (kid === null) throw new Error('the key id could not be computed')
  const out: PublicSigningJwk = {
    use: 'sig',
    kty: candidate.kty,
    kid,
    ...(jwk.crv ? { crv: jwk.crv } : {}),
    alg,
  }
  if (jwk.x) out.x = jwk.x
  if (jwk.y) out.y = jwk.y
  if (jwk.n) out.n = jwk.n
  if (jwk.e) out.e = jwk.e
  const jwks = { keys: [out] }
  return { kid, jwk: out, jwks, jwksText: JSON.stringify(jwks, null, 2), pem: toPem('PUBLIC KEY', spki) }
}

function keyWords(kty: string, crv: string | undefined, bits: number | undefined): string {
  if (kty === 'RSA') return `RSA ${bits ?? '?'}-bit`
  if (kty === 'EC') return `EC ${crv ?? '?'}`
  return crv ?? kty
}

function rsaBits(jwk: JsonWebKey): number | undefined {
  const n = typeof jwk.n === 'string' ? decodeBase64Loose(jwk.n) : null
  return n ? bitLength(n) : undefined
}

function shortRsa(bits: number | undefined, alg: SigningAlg): Diagnostic[] {
  if (bits === undefined || bits >= 2048) return []
  return [
    diagnostic(
      'COMPOSE_KEY_RSA_SHORT',
      `The RSA key has ${bits} bits; ${alg} needs 2048 or more, so careful verifiers (jose, and this page) refuse the token.`,
      { ref: rfc(7518, '3.3') },
    ),
  ]
}

/**
 * Makes a fresh key for `alg` with WebCrypto: an RSA 2048-bit, EC or Ed25519 key pair, or an HMAC
 * secret as long as the hash. Never throws: a browser without the algorithm gets a diagnostic.
 */
export async function generateSigningKey(alg: SigningAlg): Promise<KeyResult> {
  const spec = ALGS[alg]
  try {
    if (isHmac(alg)) {
      const bytes = globalThis.crypto.getRandomValues(new Uint8Array(spec.hashBytes ?? 32))
      const signer = await subtle().importKey('raw', bytes, spec.importParams, false, ['sign'])
      return {
        ok: true,
        key: {
          alg,
          origin: 'generated',
          description: `${bytes.length * 8}-bit HMAC secret made here`,
          signer,
          secret: encodeBase64url(bytes),
        },
        diagnostics: [],
      }
    }
    const params =
      spec.kty === 'RSA'
        ? { ...spec.importParams, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) }
        : spec.importParams
    const pair = (await subtle().generateKey(params, false, ['sign', 'verify'])) as CryptoKeyPair
    const jwk = await subtle().exportKey('jwk', pair.publicKey)
    return {
      ok: true,
      key: {
        alg,
        origin: 'generated',
        description: `${keyWords(spec.kty, spec.crv, rsaBits(jwk))} key pair made here`,
        signer: pair.privateKey,
        public: await publicOutput(jwk, alg),
      },
      diagnostics: [],
    }
  } catch (e) {
    return fail('COMPOSE_WEBCRYPTO_FAILED', `This browser could not make a key for ${alg}: ${errorText(e)}.`)
  }
}

export interface ImportKeyOptions {
  /** How a pasted HMAC secret is turned into bytes (default: its UTF-8 text). */
  encoding?: HmacEncoding
}

async function importSecret(bytes: Uint8Array, alg: SigningAlg, label: string): Promise<KeyResult> {
  const need = ALGS[alg].hashBytes ?? 32
  const diagnostics: Diagnostic[] =
    bytes.length < need
      ? [
          diagnostic(
            'HMAC_SECRET_SHORT',
            `The secret is ${bytes.length} bytes; ${alg} needs at least ${need}. Short secrets can be guessed offline, and some verifiers refuse them.`,
          ),
        ]
      : []
  const signer = await subtle().importKey('raw', bytes as BufferSource, ALGS[alg].importParams, false, ['sign'])
  return {
    ok: true,
    key: { alg, origin: 'secret', description: `HMAC secret of ${bytes.length} bytes (${label})`, signer },
    diagnostics,
  }
}

function mismatch(alg: SigningAlg, kty: string, crv: string | undefined, what: string): KeyResult {
  const suggestedAlg = algForKey(kty, crv)
  return {
    ok: false,
    suggestedAlg,
    diagnostics: [
      diagnostic(
        'COMPOSE_KEY_ALG_MISMATCH',
        `${what} cannot sign ${alg}, which needs ${ALGS[alg].needs}.${suggestedAlg ? ` Pick ${suggestedAlg} for this key, or paste another key.` : ''}`,
      ),
    ],
  }
}

async function importPrivate(
  format: 'pkcs8' | 'jwk',
  data: Uint8Array | JsonWebKey,
  alg: SigningAlg,
  origin: KeyOrigin,
  kind: { kty: string; crv?: string },
  label: string,
): Promise<KeyResult> {
  const params = ALGS[alg].importParams
  const load = (extractable: boolean) =>
    format === 'pkcs8'
      ? subtle().importKey('pkcs8', data as BufferSource, params, extractable, ['sign'])
      : subtle().importKey('jwk', data as JsonWebKey, params, extractable, ['sign'])
  let signer: CryptoKey
  let jwk: JsonWebKey
  try {
    // Once extractable, only to read the public half; the key kept for signing is not extractable.
    jwk = await subtle().exportKey('jwk', await load(true))
    signer = await load(false)
  } catch (e) {
    return fail('COMPOSE_KEY_INVALID', `The ${label} could not be read as ${ALGS[alg].needs}: ${errorText(e)}.`)
  }
  const bits = kind.kty === 'RSA' ? rsaBits(jwk) : undefined
  try {
    return {
      ok: true,
      key: {
        alg,
        origin,
        description: `${keyWords(kind.kty, kind.crv, bits)} private key (${label})`,
        signer,
        public: await publicOutput(jwk, alg),
      },
      diagnostics: shortRsa(bits, alg),
    }
  } catch (e) {
    return fail('COMPOSE_KEY_INVALID', `The public half of the ${label} could not be derived: ${errorText(e)}.`)
  }
}

const PEM_HINTS: Record<string, string> = {
  'ENCRYPTED PRIVATE KEY':
    'It is encrypted with a passphrase; decrypt it first (openssl pkcs8 -in key.pem -out plain.pem) and paste the result.',
  'OPENSSH PRIVATE KEY':
    'OpenSSH’s own format is not read here; convert a copy with ssh-keygen -p -m PKCS8 -f <copy of the key>.',
}

async function fromPem(text: string, alg: SigningAlg): Promise<KeyResult> {
  const blocks = pemBlocks(text)
  if (blocks.length === 0)
    return fail(
      'PEM_INCOMPLETE',
      'The text starts a PEM block but has no matching END line; the key was cut off in copying.',
    )
  const privates = blocks.filter((b) => isPrivateLabel(b.label))
  if (privates.length === 0) {
    const publicLabels = ['PUBLIC KEY', 'RSA PUBLIC KEY', 'CERTIFICATE']
    return blocks.some((b) => publicLabels.includes(b.label))
      ? fail(
          'COMPOSE_KEY_PUBLIC',
          'This is a public key: it checks signatures but cannot make them. Paste the private key, or generate a key pair here.',
        )
      : fail('COMPOSE_KEY_UNSUPPORTED', `A "${blocks[0]?.label}" PEM block holds no private key to sign with.`)
  }
  if (privates.length > 1)
    return fail(
      'COMPOSE_KEY_UNSUPPORTED',
      `The text holds ${privates.length} private keys; paste the one to sign with.`,
    )
  const block = privates[0]!
  if (PEM_HINTS[block.label]) return fail('COMPOSE_KEY_UNSUPPORTED', PEM_HINTS[block.label]!)
  if (/Proc-Type:\s*4,ENCRYPTED/i.test(text))
    return fail(
      'COMPOSE_KEY_UNSUPPORTED',
      'The key is encrypted with a passphrase (Proc-Type: 4,ENCRYPTED); decrypt it first (openssl pkey -in key.pem -out plain.pem) and paste the result.',
    )
  if (!block.der) return fail('PEM_BAD_BASE64', `The PEM block (${block.label}) is not valid base64.`)
  let pkcs8: Uint8Array | null
  let origin: KeyOrigin
  let label: string
  if (block.label === 'PRIVATE KEY') [pkcs8, origin, label] = [block.der, 'pkcs8', 'PKCS#8 PEM']
  else if (block.label === 'RSA PRIVATE KEY') [pkcs8, origin, label] = [pkcs1ToPkcs8(block.der), 'pkcs1', 'PKCS#1 PEM']
  else if (block.label === 'EC PRIVATE KEY') {
    const crv = ALGS[alg].crv
    ;[pkcs8, origin, label] = [sec1ToPkcs8(block.der, crv === 'P-384' ? 'P-384' : 'P-256'), 'sec1', 'SEC 1 PEM']
  } else
    return fail(
      'COMPOSE_KEY_UNSUPPORTED',
      `A "${block.label}" PEM block is not a key format read here (PKCS#8, PKCS#1 or SEC 1).`,
    )
  const kind: PrivateKeyKind | null = pkcs8 && describePkcs8(pkcs8)
  if (!pkcs8 || !kind)
    return fail(
      'PEM_BAD_DER',
      `The ${label} block does not hold a well-formed key: its DER structure could not be read.`,
    )
  if (kind.kty === 'unknown')
    return fail('COMPOSE_KEY_UNSUPPORTED', `The key's algorithm (OID ${kind.oid}) cannot sign a JWS here.`)
  const crv = 'crv' in kind ? kind.crv : undefined
  if (!keyFits(alg, kind.kty, crv))
    return mismatch(alg, kind.kty, crv, `This ${keyWords(kind.kty, crv, undefined)} key`)
  return importPrivate('pkcs8', pkcs8, alg, origin, { kty: kind.kty, crv }, label)
}

const PRIVATE_MEMBERS: Record<string, readonly string[]> = {
  RSA: ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'],
  EC: ['crv', 'x', 'y', 'd'],
  OKP: ['crv', 'x', 'd'],
}

async function fromJwk(text: string, alg: SigningAlg): Promise<KeyResult> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return fail('KEY_JSON_INVALID', 'The key text starts like JSON but is not valid JSON; it may be cut off.')
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return fail('KEY_JSON_NOT_KEY', 'This JSON is not a JWK.')
  const jwk = value as Record<string, unknown>
  if (Array.isArray(jwk.keys))
    return fail('COMPOSE_KEY_UNSUPPORTED', 'This is a JWK Set; paste the one private JWK to sign with.')
  const kty = typeof jwk.kty === 'string' ? jwk.kty : undefined
  const crv = typeof jwk.crv === 'string' ? jwk.crv : undefined
  if (kty === 'oct') {
    if (!isHmac(alg)) return mismatch(alg, 'oct', undefined, 'A symmetric JWK (kty "oct")')
    const k = typeof jwk.k === 'string' && /^[A-Za-z0-9_-]+$/.test(jwk.k) ? decodeBase64Loose(jwk.k) : null
    if (!k) return fail('COMPOSE_KEY_INVALID', 'The symmetric JWK lacks a valid base64url "k".')
    return importSecret(k, alg, 'JWK "k"')
  }
  if (kty === undefined) return fail('KEY_JSON_NOT_KEY', 'This JSON is not a JWK: it has no "kty".')
  const members = PRIVATE_MEMBERS[kty]
  if (!members) return fail('COMPOSE_KEY_UNSUPPORTED', `A JWK of kty "${kty}" cannot sign a JWS here.`)
  if (typeof jwk.d !== 'string')
    return fail(
      'COMPOSE_KEY_PUBLIC',
      'This JWK is a public key (it has no "d"): it checks signatures but cannot make them. Paste the private JWK, or generate a key pair here.',
    )
  if (!keyFits(alg, kty, crv)) return mismatch(alg, kty, crv, `This ${keyWords(kty, crv, undefined)} JWK`)
  if (typeof jwk.alg === 'string' && jwk.alg !== alg)
    return mismatch(alg, kty, crv, `This JWK, declared for ${jwk.alg},`)
  // Only the key's own members: alg, use, key_ops or ext would make WebCrypto refuse the import.
  const clean: JsonWebKey = { kty }
  for (const m of members) if (typeof jwk[m] === 'string') (clean as Record<string, unknown>)[m] = jwk[m]
  return importPrivate('jwk', clean, alg, 'jwk', { kty, crv }, 'JWK')
}

/**
 * Reads a pasted private key for `alg`: PEM (`PRIVATE KEY`, `RSA PRIVATE KEY` or
 * `EC PRIVATE KEY`), a private JWK, or for HS256/384/512 a secret (as text, base64 or base64url)
 * or a symmetric JWK. Public keys, encrypted keys and keys that do not fit `alg` get a specific
 * message. Never throws.
 */
export async function importSigningKey(
  text: string,
  alg: SigningAlg,
  options: ImportKeyOptions = {},
): Promise<KeyResult> {
  const trimmed = text.trim()
  if (trimmed === '')
    return {
      ok: false,
      diagnostics: [
        diagnostic(
          'COMPOSE_KEY_EMPTY',
          isHmac(alg) ? 'Type a secret, or generate one.' : 'Paste a private key, or generate a key pair.',
        ),
      ],
    }
  try {
    if (trimmed.startsWith('{')) return await fromJwk(trimmed, alg)
    if (hasPemMarker(trimmed)) {
      if (isHmac(alg)) return mismatch(alg, 'PEM', undefined, `A PEM key`)
      return await fromPem(trimmed, alg)
    }
    if (!isHmac(alg))
      return fail(
        'KEY_UNRECOGNISED',
        `The key text is not PEM (-----BEGIN …-----) and not a JWK. ${alg} needs ${ALGS[alg].needs}; plain text is read as a secret only for HS256/384/512.`,
      )
    const encoding = options.encoding ?? 'utf8'
    const bytes = secretBytes(trimmed, encoding)
    if (!bytes || bytes.length === 0)
      return fail(
        'HMAC_SECRET_ENCODING',
        `The secret is not valid ${encoding}. Pick the encoding the secret is written in.`,
      )
    return await importSecret(bytes, alg, encoding === 'utf8' ? 'UTF-8 text' : encoding)
  } catch (e) {
    return fail('COMPOSE_KEY_INVALID', `The key could not be read: ${errorText(e)}.`)
  }
}

/**
 * Turning a draft into a compact token. Signing is always an explicit call with a key the user
 * gave or generated; nothing here re-signs a pasted token by itself, and an unsigned token is a
 * separate call that says so.
 */
import { diagnostic } from './codes.ts'
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { rfc } from '../diagnostics/specRefs.ts'
import { encodeBase64url } from '../encoding/base64.ts'
import type { JsonObject } from '../encoding/json.ts'
import { ALGS, type ComposeAlg } from './algorithms.ts'
import { checkJsonText, minifyJson, withMember, writeJson, type JsonTextCheck } from './jsonText.ts'
import type { PublicKeyOutput, SigningKey } from './keys.ts'
import type { Draft } from './templates.ts'

/** Both texts of a draft, checked. */
export interface DraftCheck {
  ok: boolean
  header: JsonTextCheck
  payload: JsonTextCheck
  /** The header's and the payload's diagnostics together, header first. */
  diagnostics: Diagnostic[]
}

/** Checks a draft the way signing will: both texts JSON objects, and a header this composer can honour. */
export function checkDraft(draft: Draft): DraftCheck {
  const header = checkJsonText(draft.header, 'header')
  const payload = checkJsonText(draft.payload, 'payload')
  const diagnostics = [...header.diagnostics, ...payload.diagnostics]
  if (header.ok && header.json.value.b64 === false) {
    diagnostics.push(
      diagnostic(
        'COMPOSE_HEADER_B64',
        'The header says "b64": false, an unencoded payload (RFC 7797), which this composer does not write: remove it, or the token will not decode as written.',
        { part: 'header', pointer: '/b64', location: 'header', ref: rfc(7797, '3') },
      ),
    )
  }
  return { ok: !diagnostics.some((d) => d.severity === 'error'), header, payload, diagnostics }
}

/** A token made here. */
export interface ComposedToken {
  token: string
  alg: ComposeAlg
  /** False for `alg: none`. */
  signed: boolean
  /** The header as it was encoded, with `alg` (and `kid`) written in, for the header text area. */
  header: string
  kid?: string
  /** The verifier's side: the public key, as JWKS and PEM. Undefined for HMAC and `none`. */
  public?: PublicKeyOutput
}

export type ComposeResult =
  { ok: true; value: ComposedToken; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] }

export interface SignOptions {
  /**
   * `kubernetes` (the default) writes the key's Kubernetes key id into the header, so that the
   * token and the JWKS match as a cluster's would; `keep` leaves the header's kid as written (to
   * test a verifier against a kid that names another key). HMAC keys have no key id either way.
   */
  kid?: 'kubernetes' | 'keep'
}

const utf8 = (s: string) => new TextEncoder().encode(s)
const segment = (jsonText: string) => encodeBase64url(utf8(minifyJson(jsonText)))

/** Writes alg (and kid) into the header; the text stays as written when they already say so. */
function headerText(text: string, header: JsonObject, json: Parameters<typeof writeJson>[1], set: JsonObject): string {
  const entries = Object.entries(set)
  if (entries.every(([k, v]) => header[k] === v)) return text
  return writeJson(
    entries.reduce((h, [k, v]) => withMember(h, k, v), header),
    json,
  )
}

/**
 * Signs a draft with a key the user gave or generated: the header gets `alg` (and, for key pairs,
 * the Kubernetes `kid`), both texts are encoded exactly as written (whitespace between tokens
 * aside), and WebCrypto signs them. Never throws.
 */
export async function signDraft(draft: Draft, key: SigningKey, options: SignOptions = {}): Promise<ComposeResult> {
  const check = checkDraft(draft)
  if (!check.ok || !check.header.ok || !check.payload.ok) return { ok: false, diagnostics: check.diagnostics }
  const set: JsonObject = { alg: key.alg }
  const kid = key.public && (options.kid ?? 'kubernetes') === 'kubernetes' ? key.public.kid : undefined
  if (kid !== undefined) set.kid = kid
  const header = headerText(draft.header, check.header.json.value, check.header.json, set)
  const input = `${segment(header)}.${segment(draft.payload)}`
  let signature: ArrayBuffer
  try {
    signature = await globalThis.crypto.subtle.sign(ALGS[key.alg].signParams, key.signer, utf8(input))
  } catch (e) {
    return {
      ok: false,
      diagnostics: [
        diagnostic(
          'COMPOSE_WEBCRYPTO_FAILED',
          `WebCrypto could not sign with this key: ${e instanceof Error ? e.message : String(e)}.`,
        ),
      ],
    }
  }
  const value: ComposedToken = {
    token: `${input}.${encodeBase64url(new Uint8Array(signature))}`,
    alg: key.alg,
    signed: true,
    header,
  }
  const headerKid = check.header.json.value.kid
  if (kid !== undefined) value.kid = kid
  else if (typeof headerKid === 'string') value.kid = headerKid
  if (key.public) value.public = key.public
  return { ok: true, value, diagnostics: check.diagnostics }
}

/**
 * An unsecured token (`alg: none`, an empty signature, RFC 7519 §6): for testing that a verifier
 * refuses it. Always comes with a warning.
 */
export function unsignedToken(draft: Draft): ComposeResult {
  const check = checkDraft(draft)
  if (!check.ok || !check.header.ok) return { ok: false, diagnostics: check.diagnostics }
  const header = headerText(draft.header, check.header.json.value, check.header.json, { alg: 'none' })
  const warning = diagnostic(
    'ALG_NONE',
    'alg "none": the token carries no signature, so anyone can make or change it. A verifier that accepts it is broken; use it only to test that yours refuses it.',
    { part: 'header', pointer: '/alg', location: 'header' },
  )
  const value: ComposedToken = {
    token: `${segment(header)}.${segment(draft.payload)}.`,
    alg: 'none',
    signed: false,
    header,
  }
  const kid = check.header.json.value.kid
  if (typeof kid === 'string') value.kid = kid
  return { ok: true, value, diagnostics: [...check.diagnostics, warning] }
}

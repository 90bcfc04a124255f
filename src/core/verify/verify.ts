import { compactVerify, errors } from 'jose'
import type { DecodedToken } from '../decode/decodeToken.ts'
import { headerParamTypes } from '../decode/headerParams.ts'
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { caseVariantOf, importParams, isVerifiableAlg, keyMismatch, keyTypeFor } from './algorithms.ts'
import { compareKid, kubernetesKeyId, type KidCheck } from './kid.ts'
import type { KeyCandidate } from './keys.ts'
import type { KeyMaterial } from './keyMaterial.ts'
import type { SignatureState } from './meaning.ts'
import { diagnostic } from './codes.ts'

export interface KeyAttempt {
  index: number
  outcome: 'verified' | 'mismatch' | 'not-tried' | 'failed'
  reason: string
}

export interface VerifyResult {
  state: SignatureState
  alg?: string
  /** 1-based index of the key that verified. */
  verifiedBy?: number
  /** Whether every key was tried because the token names no kid (as the API server does). */
  triedAll: boolean
  attempts: KeyAttempt[]
  /**
   * Kubernetes key id recomputed from each key (null for secrets and unreadable keys), by index − 1.
   * With `kids: 'verifying'`, keys whose id was not needed are left undefined (not computed).
   */
  computedKids: (string | null | undefined)[]
  kidCheck: KidCheck
  /** One sentence saying what happened. */
  summary: string
  diagnostics: Diagnostic[]
  /** Time the signature checks took, in milliseconds (for the note, not the page). */
  elapsedMs: number
}

export interface VerifyOptions {
  /**
   * 'all' (the default) recomputes the Kubernetes key id of every key. 'verifying' recomputes only
   * the id of the key that verified, when it has one, since that is all the kid check compares;
   * each id costs an import, an export and a digest, so a 10-key set verifies several times faster.
   * The other ids can follow with {@link kubernetesKeyIds}.
   */
  kids?: 'all' | 'verifying'
}

/** The Kubernetes key id of every key (null for secrets and keys that cannot be read), by index − 1. */
export function kubernetesKeyIds(material: KeyMaterial): Promise<(string | null)[]> {
  return Promise.all(material.keys.map((k) => kubernetesKeyId(k)))
}

async function kidsForCheck(
  material: KeyMaterial,
  verifiedBy: number | undefined,
  mode: 'all' | 'verifying',
): Promise<(string | null | undefined)[]> {
  const verifying = verifiedBy === undefined ? undefined : material.keys.find((k) => k.index === verifiedBy)
  if (mode === 'verifying' && verifying) {
    const kid = await kubernetesKeyId(verifying)
    // compareKid falls back to other keys when the verifying key has no id: then all are needed.
    if (kid !== null) return material.keys.map((k) => (k === verifying ? kid : undefined))
  }
  return kubernetesKeyIds(material)
}

async function importForVerify(key: KeyCandidate, alg: string): Promise<CryptoKey | Uint8Array> {
  if (key.secret) return key.secret
  const params = importParams(alg, key)
  if (key.spki) return crypto.subtle.importKey('spki', key.spki as BufferSource, params, false, ['verify'])
  return crypto.subtle.importKey('jwk', { ...key.jwk }, params, false, ['verify'])
}

function headerString(header: DecodedToken['header'], name: string): string | undefined {
  const v = header?.value[name]
  return typeof v === 'string' ? v : undefined
}

function describeError(e: unknown): string {
  if (e instanceof errors.JOSENotSupported) return `not supported: ${e.message}`
  if (e instanceof Error) return e.message
  return String(e)
}

/**
 * The issuer-signed JWT that the signature covers: for an SD-JWT (RFC 9901 §4), the part before
 * the first `~`; disclosures and a key-binding JWT are not covered by the issuer's signature.
 */
export function signedPart(decoded: DecodedToken): string {
  if (!decoded.sdJwt) return decoded.token
  const tilde = decoded.token.indexOf('~')
  return tilde < 0 ? decoded.token : decoded.token.slice(0, tilde)
}

/**
 * Why the token itself cannot be verified, whatever key is given, or null. Diagnostics that name
 * the problem are added to `out`.
 */
function tokenProblemOf(decoded: DecodedToken, alg: string | undefined, out: Diagnostic[]): string | null {
  if (decoded.form === 'jwe') return 'This is an encrypted token (JWE): it has no signature to check with a public key.'
  if (decoded.form === 'unsecured' || (alg !== undefined && alg.toLowerCase() === 'none')) {
    out.push(
      diagnostic(
        'ALG_NONE_NEVER_VERIFIED',
        'The token says alg "none": it carries no signature, so no key can vouch for it. It is never reported as verified.',
      ),
    )
    return 'alg "none": there is no signature, so the token can never be verified.'
  }
  // A registered header parameter of the wrong type ("kid": 123): verifiers disagree on such a token.
  // Its row already carries HEADER_PARAM_TYPE (the checks); the verdict repeats the reason only.
  const badParam = decoded.header ? headerParamTypes(decoded.header.value)[0] : undefined
  if (badParam) {
    return `The token is not a well-formed JWS, so its signature is not checked: ${badParam.message}`
  }
  if (!decoded.wellFormed || alg === undefined) {
    const first = decoded.diagnostics.find((d) => d.severity === 'error')
    return `The token is not a well-formed JWS, so its signature cannot be checked${first ? `: ${first.message}` : '.'}`
  }
  if (!isVerifiableAlg(alg)) {
    const registered = caseVariantOf(alg)
    if (registered) {
      // The alg row carries ALG_CASE_MISMATCH (checks/headerWarnings.ts); the verdict names it too.
      return `The token's alg "${alg}" is not a registered algorithm name (names are case-sensitive; "${registered}" is registered). The token is at fault, not the key: its signature is not checked.`
    }
    return `The algorithm "${alg}" cannot be checked here (supported: RS, PS and ES 256/384/512, EdDSA, HS256/384/512).`
  }
  // b64 false must be listed in crit (RFC 7797 §6); its row carries B64_NOT_CRITICAL.
  const h = decoded.header?.value
  if (h?.b64 === false && !(Array.isArray(h.crit) && h.crit.includes('b64')))
    return 'The token is malformed: its header sets b64 to false without listing "b64" in crit (RFC 7797 §6), so verifiers must reject it rather than guess how its payload was signed. Its signature is not checked; the key is not the problem.'
  return null
}

/**
 * Checks a decoded token's signature against user-supplied keys, with jose and an explicit
 * one-algorithm allow-list. The algorithm comes from the token but must fit each key (never HS
 * with a public key; never `none`). Keys are picked by `kid`; with no or an empty `kid`, every
 * compatible key is tried, as the Kubernetes API server does. Never throws.
 * @param now only used to time the check; pass `performance.now` or a stub.
 */
export async function verifySignature(
  decoded: DecodedToken,
  material: KeyMaterial,
  now: () => number = () => 0,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const started = now()
  const alg = headerString(decoded.header, 'alg')
  const tokenKid = headerString(decoded.header, 'kid')
  const base = { alg, triedAll: false, attempts: [] as KeyAttempt[], diagnostics: [] as Diagnostic[] }
  const finish = async (
    state: SignatureState,
    summary: string,
    extra: Partial<VerifyResult> = {},
  ): Promise<VerifyResult> => {
    const verifiedBy = extra.verifiedBy
    const computedKids = await kidsForCheck(material, verifiedBy, options.kids ?? 'all')
    return {
      ...base,
      computedKids,
      state,
      summary,
      kidCheck: compareKid(
        tokenKid,
        computedKids.map((k) => k ?? null),
        verifiedBy,
      ),
      ...extra,
      elapsedMs: now() - started,
    }
  }

  if (material.kind === 'empty') return finish('unverified', 'No key given: the signature has not been checked.')
  // What is wrong with the token comes before what is wrong with the key: a key cannot fix it.
  const tokenProblem = tokenProblemOf(decoded, alg, base.diagnostics)
  if (tokenProblem) return finish('unsupported', tokenProblem)
  if (
    material.kind === 'private-key' ||
    material.kind === 'unrecognised' ||
    (material.kind !== 'discovery' && material.keys.length === 0)
  ) {
    return finish('key-error', material.diagnostics[0]?.message ?? 'The key could not be read.')
  }
  if (material.kind === 'discovery')
    return finish('no-matching-key', 'A discovery document holds no keys; fetch its jwks_uri and paste that instead.')
  // Narrowed by tokenProblemOf: a well-formed JWS with an algorithm this page checks.
  if (alg === undefined) return finish('unsupported', 'The token names no algorithm.')
  const jws = signedPart(decoded)

  // Key selection: a non-empty kid picks keys with that kid; keys that carry no kid (PEM, a bare
  // secret) are always eligible. An absent or empty kid tries them all.
  const triedAll = tokenKid === undefined || tokenKid === ''
  base.triedAll = triedAll
  const byKid = triedAll ? material.keys : material.keys.filter((k) => k.kid === undefined || k.kid === tokenKid)
  for (const k of material.keys) {
    if (!byKid.includes(k))
      base.attempts.push({
        index: k.index,
        outcome: 'not-tried',
        reason: `its kid "${k.kid}" is not the token's "${tokenKid}"`,
      })
  }
  if (byKid.length === 0) {
    return finish(
      'no-matching-key',
      `The token's kid "${tokenKid}" is not in the key set (it has ${material.keys.map((k) => `"${k.kid}"`).join(', ')}). The keys may have rotated, or the token is from another cluster.`,
    )
  }
  const compatible: KeyCandidate[] = []
  for (const k of byKid) {
    const why = keyMismatch(k, alg)
    if (why) base.attempts.push({ index: k.index, outcome: 'not-tried', reason: why })
    else compatible.push(k)
  }
  if (compatible.length === 0) {
    const publicKeys = byKid.filter((k) => !k.secret)
    if (alg.startsWith('HS') && publicKeys.length > 0) {
      const forms = [...new Set(publicKeys.map((k) => k.origin))].join('; ')
      base.diagnostics.push(
        diagnostic(
          'ALG_KEY_CONFUSION',
          `The token claims ${alg} but the key given is a public key (${forms}). A public key is not a secret: a verifier that used it, in any encoding, as an HMAC key would accept tokens anyone can make. This page refuses to.`,
        ),
      )
    }
    return finish('no-matching-key', `No key given fits ${alg}, which needs ${keyTypeFor(alg)}.`)
  }
  if (alg.startsWith('HS')) {
    const need = Number(alg.slice(2)) / 8
    for (const k of compatible) {
      if (k.secret && k.secret.length < need)
        base.diagnostics.push(
          diagnostic(
            'HMAC_SECRET_SHORT',
            `The secret is ${k.secret.length} bytes; ${alg} needs at least ${need}. Short secrets can be guessed offline.`,
          ),
        )
    }
  }

  for (const k of compatible) {
    let key: CryptoKey | Uint8Array
    try {
      key = await importForVerify(k, alg)
    } catch (e) {
      base.attempts.push({
        index: k.index,
        outcome: 'failed',
        reason: `the key could not be imported: ${describeError(e)}`,
      })
      continue
    }
    try {
      await compactVerify(jws, key, { algorithms: [alg] })
      base.attempts.push({ index: k.index, outcome: 'verified', reason: 'the signature matches' })
      const which = material.keys.length > 1 ? `key ${k.index} of ${material.keys.length}` : 'the key given'
      const sd = decoded.sdJwt
        ? ' This is the issuer-signed JWT of an SD-JWT: its disclosures are tied to it by the digests in its claims, which this check does not compare, and a key-binding JWT is signed by the holder, not the issuer.'
        : ''
      return finish(
        'verified',
        `${alg} signature verified with ${which}${triedAll && material.keys.length > 1 ? ' (the token has no kid, so every key was tried)' : ''}.${sd}`,
        { verifiedBy: k.index, triedAll },
      )
    } catch (e) {
      if (e instanceof errors.JWSSignatureVerificationFailed)
        base.attempts.push({ index: k.index, outcome: 'mismatch', reason: 'the signature does not match this key' })
      else if (e instanceof errors.JOSENotSupported)
        return finish('unsupported', `jose cannot check this token: ${e.message}`)
      // jose found the token itself malformed; no other key would change that.
      else if (e instanceof errors.JWSInvalid)
        return finish('unsupported', `The token breaks the JWS rules, so its signature is not checked: ${e.message}.`)
      else base.attempts.push({ index: k.index, outcome: 'failed', reason: describeError(e) })
    }
  }
  const mismatches = base.attempts.filter((a) => a.outcome === 'mismatch').length
  if (mismatches > 0) {
    return finish(
      'invalid',
      mismatches === 1
        ? `The ${alg} signature does not match the key tried.`
        : `The ${alg} signature matches none of the ${mismatches} keys tried.`,
      { triedAll },
    )
  }
  const failure = base.attempts.find((a) => a.outcome === 'failed')
  return finish('key-error', `The key could not be used: ${failure?.reason ?? 'unknown error'}.`, { triedAll })
}

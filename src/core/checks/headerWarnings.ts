import type { DecodedToken } from '../decode/decodeToken.ts'
import { onRow, type Diagnostic } from '../diagnostics/diagnostic.ts'
import { rfc, type SpecRef } from '../diagnostics/specRefs.ts'
import type { JsonObject } from '../encoding/json.ts'
import type { ProviderId } from '../knowledge/types.ts'
import { REGISTERED_ALGORITHMS } from '../knowledge/data.generated.ts'
import { headerParamTypes } from '../decode/headerParams.ts'
import { diagnostic, type CheckCode } from './codes.ts'

const at = (name: string, code: CheckCode, message: string, ref?: SpecRef) =>
  diagnostic(code, message, onRow('header', name, ref))

// Issuers that sign with public keys only, so an HS* token claiming to come from them is forged
// with their public key as the HMAC secret, or broken.
const ASYMMETRIC_ONLY: ReadonlySet<ProviderId> = new Set([
  'entra',
  'google',
  'aws-cognito',
  'github-actions',
  'gitlab-ci',
  'spiffe',
  'aws-alb',
])

const REGISTERED_HEADERS = new Set([
  'alg',
  'jku',
  'jwk',
  'kid',
  'x5u',
  'x5c',
  'x5t',
  'x5t#S256',
  'typ',
  'cty',
  'crit',
  'enc',
  'zip',
  'epk',
  'apu',
  'apv',
  'iv',
  'tag',
  'p2s',
  'p2c',
])

/** Most libraries refuse more PBES2 iterations than this by default (jose: 10,000). */
export const PBES2_MAX_ITERATIONS = 10_000

const TYP_KINDS: Record<string, string> = {
  'at+jwt': 'an OAuth 2.0 access token (RFC 9068)',
  'dpop+jwt': 'a DPoP proof, which proves possession of a key for one HTTP request (RFC 9449)',
  'secevent+jwt': 'a Security Event Token reporting an event, not granting access (RFC 8417)',
  'logout+jwt': 'an OpenID Connect back-channel logout token',
  'oauth-authz-req+jwt': 'a signed OAuth authorization request (RFC 9101)',
  'token-introspection+jwt': 'a signed token introspection response (RFC 9701)',
  'kb+jwt': 'an SD-JWT key binding token (RFC 9901)',
  'entity-statement+jwt': 'an OpenID Federation entity statement',
  'statuslist+jwt': 'a token status list',
  'dc+sd-jwt': 'an SD-JWT verifiable credential',
  'vc+sd-jwt': 'an SD-JWT verifiable credential (older type name)',
  passport: 'a PASSporT, which authenticates a telephone caller (RFC 8225)',
}

// Every algorithm name in the IANA JOSE registry (and the WebCrypto-only names beside it).
const REGISTERED_ALGS = REGISTERED_ALGORITHMS

// The references live here, with the lazily loaded checks, not in the start-up registry.
const ALG_REF = rfc(7515, '4.1.1')

function checkAlgName(alg: string, out: Diagnostic[]) {
  if (alg.toLowerCase() === 'none' || REGISTERED_ALGS.includes(alg)) return
  const lower = alg.toLowerCase()
  const registered = REGISTERED_ALGS.find((a) => a.toLowerCase() === lower)
  out.push(
    registered
      ? at(
          'alg',
          'ALG_CASE_MISMATCH',
          `alg "${alg}" is not a registered algorithm: algorithm names are case-sensitive, and the registered name is "${registered}". A verifier that compares exactly refuses this token whatever key it has; one that ignores case could be led to an algorithm the issuer never used.`,
          ALG_REF,
        )
      : at(
          'alg',
          'ALG_UNREGISTERED',
          `alg "${alg}" is not in the IANA JOSE algorithms registry. Only a verifier that was told about this private algorithm can check the token; others refuse it.`,
          ALG_REF,
        ),
  )
}

function checkCrit(h: JsonObject, out: Diagnostic[]) {
  const crit = h.crit
  // A crit that is not an array of strings is reported once, as HEADER_PARAM_TYPE.
  if (!Array.isArray(crit) || !crit.every((c) => typeof c === 'string')) return
  const names = crit.length > 0 ? (crit as string[]) : null
  const problem = !names
    ? 'crit must not be empty'
    : names.some((n) => REGISTERED_HEADERS.has(n))
      ? 'crit must not list parameters the JOSE specifications define'
      : names.some((n) => !Object.hasOwn(h, n))
        ? 'crit lists a parameter that the header does not contain'
        : ''
  if (problem) out.push(at('crit', 'CRIT_INVALID', `${problem}; recipients must reject this token.`))
  else
    out.push(
      at(
        'crit',
        'CRIT_EXTENSIONS',
        `crit makes these extensions mandatory: ${names!.join(', ')}. A recipient that does not implement every one must reject the token; some libraries ignore crit altogether.`,
      ),
    )
}

/**
 * Header and algorithm warnings: alg none, HS* from an issuer that signs with public keys, keys
 * and key URLs chosen by the token itself, crit, b64, zip, PBES2 p2c, RSA1_5, and what typ says.
 */
export function headerDiagnostics(decoded: DecodedToken, providers: readonly ProviderId[]): Diagnostic[] {
  const h = decoded.header?.value
  if (!h) return []
  const out: Diagnostic[] = headerParamTypes(h)
  const alg = h.alg
  if (typeof alg === 'string') {
    checkAlgName(alg, out)
    if (alg.toLowerCase() === 'none') {
      const variant = alg === 'none' ? '' : ` Spelling it "${alg}" is a known way past filters that only block "none".`
      out.push(
        at(
          'alg',
          'ALG_NONE',
          `alg "${alg}" means no signature. Verifiers must refuse it unless they deliberately accept unsecured tokens.${variant}`,
        ),
      )
    }
    const claims = decoded.payload.kind === 'claims' ? decoded.payload.json.value : {}
    // Kubernetes signs service account tokens with RSA or ECDSA keys only.
    const kubernetes = claims.iss === 'kubernetes/serviceaccount' || 'kubernetes.io' in claims
    if (/^HS\d+$/.test(alg) && (kubernetes || providers.some((p) => ASYMMETRIC_ONLY.has(p)))) {
      out.push(
        at(
          'alg',
          'ALG_KEY_CONFUSION',
          `alg ${alg} is a shared-secret HMAC, but this issuer${typeof claims.iss === 'string' ? ` (${claims.iss})` : ''} signs with public keys. That is the mark of key confusion: the issuer's public key used as the HMAC secret. Verifiers must pin the algorithm of each key.`,
        ),
      )
    }
    if (alg === 'RSA1_5')
      out.push(
        at(
          'alg',
          'ALG_RSA1_5',
          'RSA1_5 key encryption is open to padding-oracle attacks that can reveal the content key; prefer RSA-OAEP-256 or ECDH-ES.',
        ),
      )
  }
  if (h.jwk !== undefined)
    out.push(
      at(
        'jwk',
        'HEADER_JWK',
        "The header carries its own public key. The token's author chose it, so verifying with it proves nothing; a verifier must use a key it already trusts.",
      ),
    )
  for (const name of ['jku', 'x5u'] as const) {
    if (h[name] === undefined) continue
    out.push(
      at(
        name,
        name === 'jku' ? 'HEADER_JKU' : 'HEADER_X5U',
        `${name} points to keys at a URL the token's author chose. Fetching it lets an attacker supply the key, or reach internal addresses; accept only allow-listed URLs. This page never fetches it.`,
      ),
    )
  }
  if (h.x5c !== undefined)
    out.push(
      at(
        'x5c',
        'HEADER_X5C',
        'The header carries a certificate chain. It proves nothing until the chain is validated up to a root the verifier trusts; anyone can include their own certificate.',
      ),
    )
  checkCrit(h, out)
  if (h.b64 === false) {
    const critical = Array.isArray(h.crit) && h.crit.includes('b64')
    out.push(
      critical
        ? at(
            'b64',
            'HEADER_B64_FALSE',
            'b64 is false: the payload is signed as raw bytes, not base64url. Only verifiers that implement RFC 7797 can check it.',
          )
        : at(
            'b64',
            'B64_NOT_CRITICAL',
            'b64 is false but is not listed in crit, so a verifier without RFC 7797 support would misread the payload instead of rejecting it.',
          ),
    )
  }
  if (h.zip !== undefined) {
    out.push(
      decoded.form === 'jwe'
        ? at(
            'zip',
            'HEADER_ZIP',
            'The plaintext was compressed before encryption. Decompression must be capped (a small token can inflate enormously), and compressing secrets next to attacker data can leak them through the length.',
          )
        : at(
            'zip',
            'HEADER_ZIP_JWS',
            'zip is defined for encrypted tokens (JWE) only; on a signed token it has no standard meaning and some libraries reject it.',
          ),
    )
  }
  const p2c = h.p2c
  if (p2c !== undefined) {
    if (typeof p2c !== 'number' || !Number.isInteger(p2c) || p2c < 1)
      out.push(at('p2c', 'PBES2_P2C_INVALID', 'p2c must be a positive whole number of iterations.'))
    else if (p2c > PBES2_MAX_ITERATIONS)
      out.push(
        at(
          'p2c',
          'PBES2_P2C_LARGE',
          `p2c asks the recipient to run ${p2c} key-derivation iterations before it can check anything. The token's author chose that number: huge counts are a cheap denial of service, so libraries cap it (jose at ${PBES2_MAX_ITERATIONS}).`,
        ),
      )
  }
  if (typeof h.typ === 'string') {
    const typ = h.typ.toLowerCase().replace(/^application\//, '')
    // hasOwn: typ is the token's to choose, and "constructor" is a member of every object.
    const kind = Object.hasOwn(TYP_KINDS, typ) ? TYP_KINDS[typ] : undefined
    if (kind)
      out.push(
        at(
          'typ',
          'TYP_KIND',
          `typ "${h.typ}" says this is ${kind}. Do not accept it where another kind of token is expected.`,
        ),
      )
  }
  return out
}

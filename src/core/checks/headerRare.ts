// The header warnings of the rarer parameters: keys and key URLs chosen by the token itself,
// crit, b64, zip, PBES2 p2c, RSA1_5 and what typ says. With the checks of rarer shapes (the
// on-demand `shapes` chunk), for a header that has one (hasRareHeader in ./shapeNeeds.ts).
import type { DecodedToken } from '../decode/decodeToken.ts'
import { onRow, type Diagnostic } from '../diagnostics/diagnostic.ts'
import type { SpecRef } from '../diagnostics/specRefs.ts'
import { listSome } from '../diagnostics/listSome.ts'
import type { JsonObject } from '../encoding/json.ts'
import { diagnostic, type ShapeCheckCode } from './shapeCodes.ts'

const at = (name: string, code: ShapeCheckCode, message: string, ref?: SpecRef) =>
  diagnostic(code, message, onRow('header', name, ref))

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
        `crit makes these extensions mandatory: ${listSome(names!)}. A recipient that does not implement every one must reject the token; some libraries ignore crit altogether.`,
      ),
    )
}

/**
 * The warnings of the rarer header parameters (see ./headerWarnings.ts for the others); nothing
 * for a header without any (hasRareHeader). Never throws.
 */
export function rareHeaderDiagnostics(decoded: DecodedToken): Diagnostic[] {
  const h = decoded.header?.value
  if (!h) return []
  const out: Diagnostic[] = []
  if (h.alg === 'RSA1_5')
    out.push(
      at(
        'alg',
        'ALG_RSA1_5',
        'RSA1_5 key encryption is open to padding-oracle attacks that can reveal the content key; prefer RSA-OAEP-256 or ECDH-ES.',
      ),
    )
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

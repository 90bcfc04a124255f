// SPIFFE SVIDs in JWT form: the JWT-SVID (a bearer token) and the WIT-SVID (a workload identity
// token bound to a key, added in 2026). Rules from spiffe/spiffe standards/JWT-SVID.md and
// standards/WIT-SVID.md at 665a28f3.
import { onRow, type Diagnostic } from '../diagnostics/diagnostic.ts'
import { diagnostic } from './shapeCodes.ts'
import { spiffe } from '../diagnostics/specRefs.ts'
import { isJsonObject, type JsonObject } from '../encoding/json.ts'
import { isWit } from './shapeNeeds.ts'

/** The nine algorithms both SVID standards allow. */
const SVID_ALGS = /^(RS|ES|PS)(256|384|512)$/
// spiffe://trust-domain/path: a lowercase trust domain, path segments of letters, digits, . - _
const SPIFFE_ID = /^spiffe:\/\/[a-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/

/** True when a value is a well-formed SPIFFE ID (SPIFFE-ID.md: no port, user info, query or fragment). */
export function isSpiffeId(v: unknown): boolean {
  return typeof v === 'string' && SPIFFE_ID.test(v) && !/\/\.\.?(\/|$)/.test(v.slice(9))
}

/** A broken rule, on the row of the header parameter or claim it concerns. */
type Rule = [location: 'header' | 'payload', name: string, rule: string]

// HS* and none from a SPIFFE issuer are already the header checks' key-confusion and none findings.
const algBroken = (alg: unknown) => !SVID_ALGS.test(String(alg)) && !/^(HS\d+|none)$/i.test(String(alg))
const ALG_RULE = (alg: unknown) => `alg ${JSON.stringify(alg)} is not one of RS, ES or PS 256/384/512`

function witRules(header: JsonObject, payload: JsonObject): Rule[] {
  const out: Rule[] = []
  if (typeof header.kid !== 'string' || header.kid === '') out.push(['header', 'kid', 'kid must be present (§2.1)'])
  if (algBroken(header.alg)) out.push(['header', 'alg', `${ALG_RULE(header.alg)} (§2.3)`])
  if (!isSpiffeId(payload.sub)) out.push(['payload', 'sub', 'sub must be the workload’s SPIFFE ID (§3.1)'])
  const cnf = payload.cnf
  const jwk = isJsonObject(cnf) ? cnf.jwk : undefined
  if (!isJsonObject(jwk)) out.push(['payload', 'cnf', 'cnf.jwk, the workload’s public key, must be present (§3.2)'])
  else if (!SVID_ALGS.test(String(jwk.alg))) out.push(['payload', 'cnf', `cnf.jwk: ${ALG_RULE(jwk.alg)} (§3.2)`])
  if (typeof payload.exp !== 'number') out.push(['payload', 'exp', 'exp must be present (§3.4)'])
  if (payload.aud !== undefined)
    out.push([
      'payload',
      'aud',
      'aud must not be included: a WIT-SVID is scoped by the proof of possession, not by an audience (§3.8)',
    ])
  return out
}

function jwtSvidRules(header: JsonObject, payload: JsonObject): Rule[] {
  const out: Rule[] = []
  for (const k of Object.keys(header).filter((k) => k !== 'alg' && k !== 'kid' && k !== 'typ'))
    out.push(['header', k, `header parameters other than alg, kid and typ must not be included, such as ${k}`])
  if (algBroken(header.alg)) out.push(['header', 'alg', ALG_RULE(header.alg)])
  if (header.typ !== undefined && header.typ !== 'JWT' && header.typ !== 'JOSE')
    out.push(['header', 'typ', `typ, when set, must be JWT or JOSE, not ${JSON.stringify(header.typ)}`])
  if (!isSpiffeId(payload.sub))
    out.push(['payload', 'sub', 'sub is not a well-formed SPIFFE ID (spiffe://trust-domain/path)'])
  const aud = payload.aud
  if (aud === undefined || (Array.isArray(aud) && aud.length === 0))
    out.push(['payload', 'aud', 'aud must be present, with one or more values'])
  if (typeof payload.exp !== 'number') out.push(['payload', 'exp', 'exp must be set'])
  return out
}

/**
 * SPIFFE tokens: a WIT-SVID (`typ: wit+jwt`) is explained (it proves a workload's identity
 * together with a proof of possession of its key, and must never be sent as a bearer token), and
 * each rule of its standard it breaks is reported; a JWT-SVID (`sub` a SPIFFE ID) is checked
 * against the JWT-SVID standard. Each finding is on the row it concerns.
 */
export function spiffeDiagnostics(header: JsonObject, payload: JsonObject): Diagnostic[] {
  if (isWit(header)) {
    const ref = spiffe('WIT-SVID')
    return [
      diagnostic(
        'WIT_SVID',
        `A SPIFFE WIT-SVID: a workload identity token for ${typeof payload.sub === 'string' ? payload.sub : 'a workload'}, bound to the key in cnf.jwk. It is presented together with a proof signed by that key, never alone as a bearer token or in an Authorization header, and it has no audience.`,
        onRow('header', 'typ', ref),
      ),
      ...witRules(header, payload).map(([location, name, rule]) =>
        diagnostic('SPIFFE_SVID_RULE', `Not a valid WIT-SVID: ${rule}.`, onRow(location, name, ref)),
      ),
    ]
  }
  if (typeof payload.sub !== 'string' || !payload.sub.startsWith('spiffe://')) return []
  return jwtSvidRules(header, payload).map(([location, name, rule]) =>
    diagnostic('SPIFFE_SVID_RULE', `Not a valid JWT-SVID: ${rule}.`, onRow(location, name, spiffe('JWT-SVID'))),
  )
}

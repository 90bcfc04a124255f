// DPoP proofs (RFC 9449): a valid kind of JWT, not an access token. What can be checked from the
// proof alone; the request and access token it came with are compared by the extractor
// (extract/dpopBinding.ts) when the paste holds them.
import { onRow, type Diagnostic } from '../diagnostics/diagnostic.ts'
import { diagnostic } from './shapeCodes.ts'
import { isJsonObject, type JsonObject } from '../encoding/json.ts'
import { jwkThumbprint } from '../encoding/jwkThumbprint.ts'
import { isDpopProof } from './shapeNeeds.ts'

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k']
const ASYMMETRIC = /^(RS|PS|ES)(256|384|512)$|^ES256K$|^EdDSA$|^Ed25519$|^Ed448$/

/** A broken rule, on the header row it concerns, or in the general list when the member is absent. */
type Problem = [rule: string, row?: 'alg' | 'jwk']

function problems(header: JsonObject, payload: JsonObject): Problem[] {
  const out: Problem[] = []
  const alg = header.alg
  if (typeof alg !== 'string' || !ASYMMETRIC.test(alg))
    out.push([
      `alg ${JSON.stringify(alg)} is not an asymmetric signature algorithm, which a proof must use (never none or HS*)`,
      'alg',
    ])
  const jwk = header.jwk
  if (!isJsonObject(jwk)) out.push(['the header has no jwk, the public key the proof is signed with'])
  else {
    const secret = PRIVATE_MEMBERS.filter((m) => m in jwk)
    if (secret.length)
      out.push([`the jwk holds private key material (${secret.join(', ')}), which a proof must never carry`, 'jwk'])
  }
  const missing: string[] = ['jti', 'htm', 'htu'].filter((c) => typeof payload[c] !== 'string')
  if (typeof payload.iat !== 'number') missing.push('iat')
  if (missing.length) out.push([`it lacks ${missing.join(', ')}, which every proof must have`])
  return out
}

/**
 * For a header with `typ: dpop+jwt`: what the proof is and which checks a server applies
 * (RFC 9449 §4.3: signature by the embedded jwk, htm, htu without query and fragment, a recent iat
 * and unseen jti, and with an access token ath and the token's cnf.jkt), with this key's
 * thumbprint; and an error for each rule of §4.2 the proof breaks.
 */
export function dpopDiagnostics(header: JsonObject, payload: JsonObject): Diagnostic[] {
  if (!isDpopProof(header)) return []
  const out: Diagnostic[] = []
  const jkt = jwkThumbprint(header.jwk)
  const htm = typeof payload.htm === 'string' ? payload.htm : '(none)'
  const htu = typeof payload.htu === 'string' ? payload.htu : '(none)'
  const query = /[?#]/.test(htu) ? ' Its htu carries a query or fragment, which servers ignore when they compare.' : ''
  const ath =
    typeof payload.ath === 'string'
      ? ` It is bound to one access token: ath must be the base64url SHA-256 of the token sent with it.`
      : ' It has no ath, so it was made for a token request, not for a call with an access token.'
  out.push(
    diagnostic(
      'DPOP_PROOF',
      `A DPoP proof (RFC 9449), not an access token: it shows that whoever sent one HTTP request holds the private key of the jwk in its header. A server accepts it only if the signature verifies with that jwk, htm is the request's method (here ${htm}), htu its URL without query and fragment (here ${htu}), iat is recent and jti not seen before.${query}${ath}${jkt ? ` The key's thumbprint is ${jkt}: an access token bound to it carries cnf.jkt = ${jkt}.` : ''}`,
      { part: 'header' },
    ),
  )
  for (const [rule, row] of problems(header, payload)) {
    out.push(diagnostic('DPOP_PROOF_INVALID', `Not a valid DPoP proof: ${rule}.`, row ? onRow('header', row) : {}))
  }
  return out
}

// A DPoP proof pasted with the request it came with (an HTTP request dump or a curl command): the
// checks of RFC 9449 §4.3 that need the request or the access token, which the proof alone
// cannot answer: htm, htu, ath, and the access token's cnf.jkt against the proof's key.
import { accessTokenHash, jwkThumbprint } from '../checks/jwkThumbprint.ts'
import { decodeToken } from '../decode/decodeToken.ts'
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { diagnostic } from './codes.ts'
import { isJsonObject, type JsonObject } from '../encoding/json.ts'
import type { Candidate } from './types.ts'

/** The method and URL of the request in the paste, when it says them. */
function requestOf(input: string): { method?: string; url?: string } {
  const line = /^([A-Z]+) (\S+) HTTP\/\d(?:\.\d)?\s*$/m.exec(input)
  if (line) {
    const host = /^host:\s*(\S+)\s*$/im.exec(input)?.[1]
    const target = line[2] ?? ''
    const url = /^https?:\/\//i.test(target) ? target : host ? `https://${host}${target}` : undefined
    return { method: line[1], ...(url ? { url } : {}) }
  }
  if (!/(^|\s)curl\s/.test(input)) return {}
  const url = /https?:\/\/[^\s'"]+/.exec(input)?.[0]
  const explicit = /(?:-X|--request)\s+['"]?([A-Za-z]+)/.exec(input)?.[1]
  const method = explicit?.toUpperCase() ?? (/\s(?:-d|--data\S*|-F|--form)\s/.test(input) ? 'POST' : 'GET')
  return { method, ...(url ? { url } : {}) }
}

/** RFC 9449 §4.3 step 9: compare without query and fragment, after RFC 3986 §6.2.2-6.2.3 normalisation. */
function normaliseHtu(u: string): string | undefined {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/.exec(u)
  if (!m) return undefined
  const scheme = (m[1] ?? '').toLowerCase()
  const host = (m[2] ?? '').toLowerCase().replace(scheme === 'https' ? /:443$/ : /:80$/, '')
  return `${scheme}://${host}${m[3] || '/'}`
}

const claimsOf = (token: string): { header?: JsonObject; payload?: JsonObject } => {
  const d = decodeToken(token)
  return {
    ...(d.header ? { header: d.header.value } : {}),
    ...(d.payload.kind === 'claims' ? { payload: d.payload.json.value } : {}),
  }
}

function bindingFindings(input: string, proof: Candidate, accessToken: string | undefined): Diagnostic[] {
  const { header, payload } = claimsOf(proof.token)
  if (!header || !payload || String(header.typ).toLowerCase() !== 'dpop+jwt') return []
  const bad: string[] = []
  const good: string[] = []
  const req = requestOf(input)
  if (req.method && typeof payload.htm === 'string')
    (payload.htm === req.method ? good : bad).push(
      payload.htm === req.method ? `htm ${req.method}` : `htm is ${payload.htm}, but the request is a ${req.method}`,
    )
  if (req.url && typeof payload.htu === 'string') {
    const same = normaliseHtu(payload.htu) === normaliseHtu(req.url)
    ;(same ? good : bad).push(same ? 'htu' : `htu is ${payload.htu}, but the request goes to ${req.url}`)
  }
  if (accessToken !== undefined) {
    const ath = accessTokenHash(accessToken)
    if (payload.ath === undefined) bad.push('the proof has no ath, which a proof sent with an access token must carry')
    else
      (payload.ath === ath ? good : bad).push(
        payload.ath === ath ? 'ath' : `ath is not the hash of the access token sent with it (${ath})`,
      )
    const cnf = claimsOf(accessToken).payload?.cnf
    const jkt = isJsonObject(cnf) ? cnf.jkt : undefined
    const thumbprint = jwkThumbprint(header.jwk)
    if (typeof jkt === 'string' && thumbprint)
      (jkt === thumbprint ? good : bad).push(
        jkt === thumbprint
          ? 'the access token’s cnf.jkt'
          : `the access token is bound to key ${jkt}, but the proof is signed with key ${thumbprint}`,
      )
  }
  if (bad.length > 0)
    return bad.map((b) =>
      diagnostic(
        'DPOP_BINDING_MISMATCH',
        `The DPoP proof does not fit the request it was pasted with: ${b}. A server rejects it.`,
        { part: 'input' },
      ),
    )
  return good.length > 0
    ? [
        diagnostic(
          'DPOP_BINDING_MATCHES',
          `The DPoP proof fits the request it was pasted with: ${good.join(', ')} match. The signature, iat and jti still need checking by the server.`,
          { part: 'input' },
        ),
      ]
    : []
}

/**
 * Adds to a pasted DPoP proof's candidate what the request around it says: htm against the
 * request method, htu against its URL, and with an `Authorization: DPoP` access token, ath and the
 * token's cnf.jkt against the proof's key (RFC 9449 §4.3). Other candidates are returned as they are.
 */
export function withDpopBinding(input: string, candidates: Candidate[]): Candidate[] {
  const accessToken = candidates.find((c) => c.label === 'Authorization: DPoP')?.token
  return candidates.map((c) =>
    c.label === 'DPoP proof header'
      ? { ...c, diagnostics: [...c.diagnostics, ...bindingFindings(input, c, accessToken)] }
      : c,
  )
}

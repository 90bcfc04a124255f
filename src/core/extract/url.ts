import { looksLikeJwt } from './text.ts'
import type { Candidate } from './types.ts'

// The OAuth 2.0 and OpenID Connect parameters that carry a JWT, and what each one is.
const PARAMETERS: Record<string, string> = {
  id_token: 'an OpenID Connect ID token (implicit or hybrid flow)',
  access_token: 'an access token (implicit flow)',
  token: 'a token',
  id_token_hint:
    'an ID token sent back to the provider as a hint about the user, as at RP-initiated logout (OpenID Connect Core §3.1.2.1, RP-Initiated Logout §2)',
  request: 'a request object: the authorization request itself as a signed JWT (RFC 9101)',
  client_assertion: 'a client assertion: the client authenticates with a JWT it signed (RFC 7523 §2.2)',
  logout_token: 'a back-channel logout token (OpenID Connect Back-Channel Logout §2.4)',
  assertion: 'an assertion exchanged for an access token with the JWT bearer grant (RFC 7523 §2.1)',
  subject_token: 'the subject token of a token exchange: whom the new token is for (RFC 8693 §2.1)',
  actor_token: 'the actor token of a token exchange: who acts on the subject’s behalf (RFC 8693 §2.1)',
  response: 'a JWT-secured authorization response (JARM)',
}
const PARAM = new RegExp(`(^|[?#&\\s'"])(${Object.keys(PARAMETERS).join('|')})=([^&#\\s"'<>]*)`, 'gm')

function percentDecode(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return null
  }
}

/**
 * Tokens in URL query strings or fragments and in form-encoded bodies: every standard OAuth and
 * OpenID Connect parameter that carries a JWT (`id_token`, `id_token_hint`, `request`,
 * `client_assertion`, `logout_token`, `assertion`, `subject_token`, `actor_token`, `response`, and
 * `access_token`/`token`), each explained. Values are percent-decoded; spans point at the value as pasted.
 */
export function urlCandidates(input: string): Candidate[] {
  const found: Candidate[] = []
  // The last '?' and '#' before the current match, found by one scan that moves forward with the
  // matches (looking back from each match instead cost the square of the text's length).
  let scanned = 0
  let lastQuery = -1
  let lastHash = -1
  for (const m of input.matchAll(PARAM)) {
    const raw = m[3] as string
    for (; scanned < m.index; scanned++) {
      const c = input.charCodeAt(scanned)
      if (c === 63) lastQuery = scanned
      else if (c === 35) lastHash = scanned
    }
    const value = percentDecode(raw)
    if (!value || !looksLikeJwt(value)) continue
    // Only a `?`-query or `#`-fragment parameter is certain; `&` continues whichever came before.
    const inFragment = m[1] === '#' || (m[1] === '&' && lastHash > lastQuery)
    const inUrl = m[1] === '?' || m[1] === '#' || (m[1] === '&' && Math.max(lastQuery, lastHash) >= 0)
    const start = m.index + m[0].length - raw.length
    const where = inFragment ? 'URL fragment' : inUrl ? 'URL query string' : 'form-encoded body'
    const name = m[2] as string
    found.push({
      token: value,
      source: 'url',
      label: `${name} (${where})`,
      explanation: `Found in the ${where} parameter ${name}${value !== raw ? ', percent-decoded' : ''}: ${PARAMETERS[name] ?? 'a token'}.`,
      ...(value === raw ? { span: { start, end: start + raw.length } } : {}),
      repaired: false,
      diagnostics: [],
    })
  }
  return found
}

import type { Candidate } from './types.ts'
import { tokenAt } from './text.ts'

// `Authorization: Bearer <token>` wherever it appears: a header line, a curl -H argument, an HTTP
// request dump, a fetch() snippet. The token stops at a quote, a comma or the end of the line.
// `~` for OpenShift's sha256~ tokens and opaque access tokens (RFC 6750 b64token allows it).
const AUTH_HEADER = /authorization["']?\s*[:=]\s*["']?(bearer|dpop)\s+([A-Za-z0-9_\-.=+/~]+)/gi
// A DPoP proof travels in its own header and is itself a JWT (RFC 9449 §4.1).
const DPOP_HEADER = /(?:^|[\s"'])dpop\s*:\s*(ey[A-Za-z0-9_\-.]+)/gim
const CURL_OAUTH2 = /--oauth2-bearer\s+["']?([A-Za-z0-9_\-.=+/]+)/g

/** Names the kind of text the header was found in, for the explanation. */
function container(input: string): string {
  if (/(^|\s)curl\s/.test(input)) return 'a curl command'
  if (/^[A-Z]+ \S+ HTTP\/\d/m.test(input)) return 'an HTTP request'
  return 'the pasted text'
}

/**
 * Tokens in Authorization (Bearer or DPoP scheme) and DPoP headers, and curl's `--oauth2-bearer`.
 * Spans point at the token inside the input.
 */
export function headerCandidates(input: string): Candidate[] {
  const where = container(input)
  const found: Candidate[] = []
  for (const m of input.matchAll(AUTH_HEADER)) {
    const scheme = m[1] as string
    const token = m[2] as string
    const start = m.index + m[0].length - token.length
    const label = `Authorization: ${scheme}`
    found.push(
      tokenAt(
        input,
        { start, end: start + token.length },
        'authorization-header',
        label,
        `Found in an Authorization header (${scheme} scheme) in ${where}.`,
      ),
    )
  }
  for (const m of input.matchAll(DPOP_HEADER)) {
    const token = m[1] as string
    const start = m.index + m[0].length - token.length
    found.push(
      tokenAt(
        input,
        { start, end: start + token.length },
        'authorization-header',
        'DPoP proof header',
        `Found in a DPoP header (a proof of possession, itself a JWT) in ${where}.`,
      ),
    )
  }
  for (const m of input.matchAll(CURL_OAUTH2)) {
    const token = m[1] as string
    const start = m.index + m[0].length - token.length
    found.push(
      tokenAt(
        input,
        { start, end: start + token.length },
        'authorization-header',
        'curl --oauth2-bearer',
        'Found after curl --oauth2-bearer, which sends it as a Bearer Authorization header.',
      ),
    )
  }
  return found
}

import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { bearerCandidate } from './bearer.ts'
import { asObj } from './objects.ts'
import { looksLikeJwt } from './text.ts'
import type { Candidate } from './types.ts'
import { diagnostic } from './codes.ts'

// The names OAuth 2.0 (RFC 6749 §5.1), OpenID Connect and most APIs give to tokens.
const TOKEN_FIELDS = ['id_token', 'access_token', 'token', 'refresh_token', 'jwt', 'idToken', 'accessToken']
const MAX_DEPTH = 6

/**
 * Tokens in well-known fields of a parsed JSON or YAML value, searched a few levels deep (token
 * responses are sometimes wrapped, and `aws eks get-token` prints an ExecCredential with the token
 * in status.token). Bearer tokens this page names (EKS, OpenShift, bootstrap) are offered as
 * such; other fields that hold something other than a JWT, such as an opaque refresh token, are
 * named in an info diagnostic.
 */
export function fieldCandidates(
  value: unknown,
  format: 'JSON' | 'YAML',
): { candidates: Candidate[]; diagnostics: Diagnostic[] } {
  const candidates: Candidate[] = []
  const opaque: string[] = []
  const walk = (v: unknown, path: string, depth: number): void => {
    if (depth > MAX_DEPTH) return
    if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, `${path}[${i}]`, depth + 1))
      return
    }
    const o = asObj(v)
    if (!o) return
    for (const key of Object.keys(o)) {
      const member = o[key]
      const here = path ? `${path}.${key}` : key
      if (TOKEN_FIELDS.includes(key) && typeof member === 'string') {
        const token = member.trim().replace(/^(bearer|dpop)\s+/i, '')
        const bearer = looksLikeJwt(token)
          ? undefined
          : bearerCandidate(token, 'json-field', `the ${format} field ${here}`)
        if (bearer) candidates.push(bearer)
        else if (looksLikeJwt(token)) {
          candidates.push({
            token,
            source: 'json-field',
            label: here,
            explanation: `Found in the ${format} field ${here}.`,
            repaired: false,
            diagnostics: [],
          })
        } else opaque.push(here)
      } else walk(member, here, depth + 1)
    }
  }
  walk(value, '', 0)
  const diagnostics: Diagnostic[] = opaque.length
    ? [
        diagnostic(
          'FIELD_NOT_JWT',
          `${opaque.join(', ')} ${opaque.length === 1 ? 'holds' : 'hold'} an opaque token, not a JWT, so there is nothing to decode in ${opaque.length === 1 ? 'it' : 'them'}.`,
          { part: 'input' },
        ),
      ]
    : []
  return { candidates, diagnostics }
}

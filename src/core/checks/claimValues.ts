import { onRow, type Diagnostic } from '../diagnostics/diagnostic.ts'
import { rfc, type SpecRef } from '../diagnostics/specRefs.ts'
import type { JsonObject } from '../encoding/json.ts'
import { rareClaimValueDiagnostics } from './claimRare.ts'
import { diagnostic, type CheckCode } from './codes.ts'
import { typeName } from './typeName.ts'

const at = (name: string, code: CheckCode, message: string, ref?: SpecRef) =>
  diagnostic(code, message, onRow('payload', name, ref))

/**
 * The value checks of the claims every token is checked for: aud, iss and sub. The others
 * (scope, cnf/act/may_act, the OIDC hashes and the *_verified booleans) are ./claimRare.ts, with
 * the checks of rarer shapes, for a token that has one of those claims (hasRareClaim).
 */
export function commonClaimValueDiagnostics(claims: JsonObject): Diagnostic[] {
  const out: Diagnostic[] = []
  const aud = claims.aud
  if (
    aud !== undefined &&
    typeof aud !== 'string' &&
    !(Array.isArray(aud) && aud.every((a) => typeof a === 'string'))
  ) {
    out.push(
      at(
        'aud',
        'AUD_INVALID_TYPE',
        `aud is ${typeName(aud)}, but it must be one string or an array of strings. Verifiers will reject the token or fail to find themselves in it.`,
      ),
    )
  }
  for (const name of ['iss', 'sub']) {
    const v = claims[name]
    if (v === undefined) continue
    const ref = rfc(7519, name === 'iss' ? '4.1.1' : '4.1.2')
    if (typeof v !== 'string') {
      out.push(at(name, 'CLAIM_NOT_STRING', `${name} is ${typeName(v)}, but it must be a string.`, ref))
    } else if (v !== v.trim()) {
      out.push(
        at(
          name,
          'CLAIM_WHITESPACE',
          `${name} starts or ends with white space. It is compared exactly, so the spaces must match too.`,
          ref,
        ),
      )
    } else {
      const origin = /^[a-z][\w+.-]*:\/\/[^/?#]*/i.exec(v)?.[0]
      if (origin && origin !== origin.toLowerCase()) {
        out.push(
          at(
            name,
            'CASE_SENSITIVE_MATCH',
            `${name} has capital letters in its scheme or host. It is compared case-sensitively, without URL normalisation, so it matches only a value written with the same capitals.`,
            ref,
          ),
        )
      }
    }
  }
  return out
}

/**
 * Value-level checks on claims whose type or shape the specifications fix: aud, iss, sub, scope,
 * cnf/act/may_act, the OIDC hashes and the *_verified booleans. NumericDate claims are checked by
 * the time module. Every diagnostic is attached to its claim's row.
 */
export function claimValueDiagnostics(claims: JsonObject, alg: unknown): Diagnostic[] {
  return [...commonClaimValueDiagnostics(claims), ...rareClaimValueDiagnostics(claims, alg)]
}

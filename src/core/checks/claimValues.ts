import { jsonType } from '../analysis/rows.ts'
import { rfc, type Diagnostic, type Severity, type SpecRef } from '../diagnostics/diagnostic.ts'
import { isJsonObject, type JsonObject, type JsonValue } from '../encoding/json.ts'
import { rowDiagnostic } from './rowDiagnostic.ts'

const OIDC_CORE = 'https://openid.net/specs/openid-connect-core-1_0.html'
const oidc = (section: string, anchor: string): SpecRef => ({
  label: `OpenID Connect Core §${section}`,
  url: `${OIDC_CORE}#${anchor}`,
})

const at = (name: string, code: string, severity: Severity, message: string, ref: SpecRef) =>
  rowDiagnostic('payload', name, code, severity, message, ref)

function typeName(v: JsonValue): string {
  const t = jsonType(v)
  return t === 'null' ? 'null' : `${t === 'array' || t === 'object' ? 'an' : 'a'} ${t}`
}

/** Bytes of the left half of the hash an `alg` names, which is what at_hash/c_hash/s_hash carry. */
function halfHashBytes(alg: unknown): number | undefined {
  const m = typeof alg === 'string' ? /^(?:HS|RS|ES|PS)(256|384|512)$/.exec(alg) : null
  return m ? Number(m[1]) / 16 : undefined
}

function checkHash(claims: JsonObject, name: string, alg: unknown, out: Diagnostic[]) {
  const v = claims[name]
  if (v === undefined) return
  const ref = name === 'c_hash' ? oidc('3.3.2.11', 'HybridIDToken') : oidc('3.1.3.6', 'CodeIDToken')
  if (typeof v !== 'string') {
    out.push(
      at(name, 'OIDC_HASH_NOT_STRING', 'error', `${name} is ${typeName(v)}; it must be a base64url string.`, ref),
    )
    return
  }
  const bytes = halfHashBytes(alg)
  if (bytes === undefined) return
  const chars = Math.ceil((bytes * 4) / 3)
  if (v.length !== chars) {
    out.push(
      at(
        name,
        'OIDC_HASH_LENGTH',
        'warning',
        `${name} has ${v.length} characters, but with alg ${String(alg)} it is the left half of a SHA-${bytes * 16} hash: ${bytes} bytes, ${chars} base64url characters. It was made with another hash or encoding, so it will not match.`,
        ref,
      ),
    )
  }
}

/**
 * Value-level checks on claims whose type or shape the specifications fix: aud, iss, sub, scope,
 * cnf/act/may_act, the OIDC hashes and the *_verified booleans. NumericDate claims are checked by
 * the time module. Every diagnostic is attached to its claim's row.
 */
export function claimValueDiagnostics(claims: JsonObject, alg: unknown): Diagnostic[] {
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
        'error',
        `aud is ${typeName(aud)}, but it must be one string or an array of strings. Verifiers will reject the token or fail to find themselves in it.`,
        rfc(7519, '4.1.3'),
      ),
    )
  }
  for (const name of ['iss', 'sub']) {
    const v = claims[name]
    if (v === undefined) continue
    const ref = rfc(7519, name === 'iss' ? '4.1.1' : '4.1.2')
    if (typeof v !== 'string') {
      out.push(at(name, 'CLAIM_NOT_STRING', 'error', `${name} is ${typeName(v)}, but it must be a string.`, ref))
    } else if (v !== v.trim()) {
      out.push(
        at(
          name,
          'CLAIM_WHITESPACE',
          'warning',
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
            'info',
            `${name} has capital letters in its scheme or host. It is compared case-sensitively, without URL normalisation, so it matches only a value written with the same capitals.`,
            ref,
          ),
        )
      }
    }
  }
  const scope = claims.scope
  if (scope !== undefined) {
    const ref = rfc(8693, '4.2')
    if (typeof scope !== 'string') {
      out.push(
        at(
          'scope',
          'SCOPE_NOT_STRING',
          'warning',
          `scope is ${typeName(scope)}, but it is defined as one string of space-separated names. Code expecting that string will not find the scopes.`,
          ref,
        ),
      )
    } else if (scope.includes(',') || /^\s|\s$|\s\s|[^\S ]/.test(scope)) {
      out.push(
        at(
          'scope',
          'SCOPE_SEPARATOR',
          'warning',
          'scope names are separated by single spaces; this value has commas, tabs or extra spaces, so splitting it on spaces gives wrong names.',
          ref,
        ),
      )
    }
  }
  const nested: Array<[string, SpecRef]> = [
    ['cnf', rfc(7800, '3.1')],
    ['act', rfc(8693, '4.1')],
    ['may_act', rfc(8693, '4.4')],
  ]
  for (const [name, ref] of nested) {
    const v = claims[name]
    if (v !== undefined && !isJsonObject(v))
      out.push(at(name, 'CLAIM_NOT_OBJECT', 'error', `${name} is ${typeName(v)}, but it must be a JSON object.`, ref))
  }
  // Only the outermost act is the current actor; each nested act is an earlier one (RFC 8693 §4.1).
  let act = claims.act
  let pointer = '/act'
  while (isJsonObject(act) && isJsonObject(act.act)) {
    pointer += '/act'
    out.push({
      code: 'ACT_PRIOR_ACTOR',
      severity: 'info',
      pointer,
      location: 'payload',
      ref: rfc(8693, '4.1'),
      message:
        'This nested act is an earlier actor in the delegation chain, kept for the record. Only the outermost act is the current actor; access decisions must not use the nested ones.',
    })
    act = act.act
  }
  for (const name of ['at_hash', 'c_hash', 's_hash']) checkHash(claims, name, alg, out)
  for (const name of ['email_verified', 'phone_number_verified']) {
    const v = claims[name]
    if (v === undefined || typeof v === 'boolean') continue
    const what = typeof v === 'string' ? `the string "${v}"` : typeName(v)
    out.push(
      at(
        name,
        'VERIFIED_NOT_BOOLEAN',
        'warning',
        `${name} is ${what}, not a boolean. A careful verifier treats it as not verified; a careless one treats any non-empty string, even "false", as true.`,
        oidc('5.1', 'StandardClaims'),
      ),
    )
  }
  return out
}

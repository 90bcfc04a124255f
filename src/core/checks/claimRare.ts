// The value checks of the claims that a Kubernetes token does not carry: scope, cnf, act and
// may_act, the OIDC hashes and the *_verified booleans. With the checks of rarer shapes (the
// on-demand `shapes` chunk), for a token that has one of them (hasRareClaim in ./shapeNeeds.ts).
import { onRow, type Diagnostic } from '../diagnostics/diagnostic.ts'
import { oidc, rfc, type SpecRef } from '../diagnostics/specRefs.ts'
import { isJsonObject, type JsonObject } from '../encoding/json.ts'
import { diagnostic, type ShapeCheckCode } from './shapeCodes.ts'
import { typeName } from './typeName.ts'

const at = (name: string, code: ShapeCheckCode, message: string, ref?: SpecRef) =>
  diagnostic(code, message, onRow('payload', name, ref))

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
    out.push(at(name, 'OIDC_HASH_NOT_STRING', `${name} is ${typeName(v)}; it must be a base64url string.`, ref))
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
        `${name} has ${v.length} characters, but with alg ${String(alg)} it is the left half of a SHA-${bytes * 16} hash: ${bytes} bytes, ${chars} base64url characters. It was made with another hash or encoding, so it will not match.`,
        ref,
      ),
    )
  }
}

/**
 * The value checks of scope, cnf, act and may_act, the OIDC hashes and the *_verified booleans
 * (see ./claimValues.ts for the others); nothing for claims without any (hasRareClaim). Never throws.
 */
export function rareClaimValueDiagnostics(claims: JsonObject, alg: unknown): Diagnostic[] {
  const out: Diagnostic[] = []
  const scope = claims.scope
  if (scope !== undefined) {
    if (typeof scope !== 'string') {
      out.push(
        at(
          'scope',
          'SCOPE_NOT_STRING',
          `scope is ${typeName(scope)}, but it is defined as one string of space-separated names. Code expecting that string will not find the scopes.`,
        ),
      )
    } else if (scope.includes(',') || /^\s|\s$|\s\s|[^\S ]/.test(scope)) {
      out.push(
        at(
          'scope',
          'SCOPE_SEPARATOR',
          'scope names are separated by single spaces; this value has commas, tabs or extra spaces, so splitting it on spaces gives wrong names.',
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
      out.push(at(name, 'CLAIM_NOT_OBJECT', `${name} is ${typeName(v)}, but it must be a JSON object.`, ref))
  }
  // Only the outermost act is the current actor; each nested act is an earlier one (RFC 8693 §4.1).
  let act = claims.act
  let pointer = '/act'
  while (isJsonObject(act) && isJsonObject(act.act)) {
    pointer += '/act'
    out.push(
      diagnostic(
        'ACT_PRIOR_ACTOR',
        'This nested act is an earlier actor in the delegation chain, kept for the record. Only the outermost act is the current actor; access decisions must not use the nested ones.',
        { pointer, location: 'payload' },
      ),
    )
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
        `${name} is ${what}, not a boolean. A careful verifier treats it as not verified; a careless one treats any non-empty string, even "false", as true.`,
      ),
    )
  }
  return out
}

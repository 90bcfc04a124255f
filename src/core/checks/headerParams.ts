import { rfc, type Diagnostic } from '../diagnostics/diagnostic.ts'
import type { JsonObject, JsonValue } from '../encoding/json.ts'

type Shape = 'string' | 'object' | 'string array'

// The registered header parameters of RFC 7515 §4.1 (alg is checked with the algorithm) and the
// JSON type each must have. JWE headers use the same names with the same types (RFC 7516 §4.1).
const PARAMS: ReadonlyArray<[name: string, shape: Shape, section: string]> = [
  ['jku', 'string', '4.1.2'],
  ['jwk', 'object', '4.1.3'],
  ['kid', 'string', '4.1.4'],
  ['x5u', 'string', '4.1.5'],
  ['x5c', 'string array', '4.1.6'],
  ['x5t', 'string', '4.1.7'],
  ['x5t#S256', 'string', '4.1.8'],
  ['typ', 'string', '4.1.9'],
  ['cty', 'string', '4.1.10'],
  ['crit', 'string array', '4.1.11'],
]

function typeName(v: JsonValue): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  if (typeof v === 'object') return 'an object'
  return `a ${typeof v}`
}

function fits(v: JsonValue, shape: Shape): boolean {
  if (shape === 'string') return typeof v === 'string'
  if (shape === 'object') return v !== null && typeof v === 'object' && !Array.isArray(v)
  return Array.isArray(v) && v.every((x) => typeof x === 'string')
}

/**
 * One error per registered header parameter whose value has the wrong JSON type, such as
 * `"kid": 123`. Libraries disagree on such a token (go-jose, which the Kubernetes API server
 * uses, rejects a kid that is not a string; others ignore the member), so the verifier refuses to
 * check it. Runs with the lazily loaded checks, not at start-up.
 */
export function headerParamTypes(header: JsonObject): Diagnostic[] {
  const out: Diagnostic[] = []
  for (const [name, shape, section] of PARAMS) {
    if (!Object.hasOwn(header, name)) continue
    const v = header[name] as JsonValue
    if (fits(v, shape)) continue
    const got =
      shape === 'string array' && Array.isArray(v) ? 'an array with a member that is not a string' : typeName(v)
    const want = shape === 'string array' ? 'an array of strings' : `a JSON ${shape}`
    out.push({
      code: 'HEADER_PARAM_TYPE',
      severity: 'error',
      part: 'header',
      pointer: `/${name}`,
      location: 'header',
      message: `The header's "${name}" is ${got}, but RFC 7515 §${section} makes it ${want}. Verifiers disagree on such a token: some reject it outright, others ignore "${name}" or misread it.`,
      ref: rfc(7515, section),
    })
  }
  return out
}

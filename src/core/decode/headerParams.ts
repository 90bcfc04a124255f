import { onRow, type Diagnostic } from '../diagnostics/diagnostic.ts'
import { diagnostic } from './codes.ts'
import { rfc } from '../diagnostics/specRefs.ts'
import type { JsonObject, JsonValue } from '../encoding/json.ts'

type Shape = 'string' | 'object' | 'string array' | 'boolean'

// The registered header parameters of RFC 7515 §4.1 (alg is checked with the algorithm) and RFC
// 7797's b64, with the JSON type each must have. JWE headers use the same names with the same types (RFC 7516 §4.1).
const PARAMS: ReadonlyArray<[name: string, shape: Shape, section: string, rfcNumber?: number]> = [
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
  ['b64', 'boolean', '3', 7797],
]

function typeName(v: JsonValue): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  if (typeof v === 'object') return 'an object'
  return `a ${typeof v}`
}

function fits(v: JsonValue, shape: Shape): boolean {
  if (shape === 'string') return typeof v === 'string'
  if (shape === 'boolean') return typeof v === 'boolean'
  if (shape === 'object') return v !== null && typeof v === 'object' && !Array.isArray(v)
  return Array.isArray(v) && v.every((x) => typeof x === 'string')
}

/**
 * One error per registered header parameter whose value has the wrong JSON type, such as
 * `"kid": 123`. Libraries disagree on such a token (go-jose, which the Kubernetes API server
 * uses, rejects a kid that is not a string; others ignore the member), so the verifier refuses to
 * check it. Not part of decodeToken, which runs at start-up: the lazily loaded header checks and
 * the verifier both call it, and it is loaded with them (the `later` chunk).
 */
export function headerParamTypes(header: JsonObject): Diagnostic[] {
  const out: Diagnostic[] = []
  for (const [name, shape, section, rfcNumber = 7515] of PARAMS) {
    if (!Object.hasOwn(header, name)) continue
    const v = header[name] as JsonValue
    if (fits(v, shape)) continue
    const got =
      shape === 'string array' && Array.isArray(v) ? 'an array with a member that is not a string' : typeName(v)
    const want = shape === 'string array' ? 'an array of strings' : `a JSON ${shape}`
    out.push(
      diagnostic(
        'HEADER_PARAM_TYPE',
        `The header's "${name}" is ${got}, but RFC ${rfcNumber} §${section} makes it ${want}. Verifiers disagree on such a token: some reject it outright, others ignore "${name}" or misread it.`,
        { part: 'header', ...onRow('header', name, rfc(rfcNumber, section)) },
      ),
    )
  }
  return out
}

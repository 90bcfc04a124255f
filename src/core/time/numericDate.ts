import type { JsonObject, JsonValue } from '../encoding/json.ts'

/**
 * Registered claims whose value type is NumericDate, as listed in
 * src/test/reference/jwt-claims.json (IANA "JSON Web Token Claims" registry): RFC 7519 §4.1.4–4.1.6,
 * OpenID Connect Core §2 and §5.1, RFC 8417 §2.2. Hard-coded so the decoder needs no registry at
 * run time.
 */
export const REGISTERED_NUMERIC_DATE_CLAIMS = ['exp', 'nbf', 'iat', 'auth_time', 'updated_at', 'toe'] as const

/** Kubernetes' nested NumericDate: when an auto-extended token should have been refreshed. */
export const WARNAFTER_POINTER = '/kubernetes.io/warnafter'

const POINTERS = new Set<string>([...REGISTERED_NUMERIC_DATE_CLAIMS.map((n) => `/${n}`), WARNAFTER_POINTER])

/** True when the payload claim at this JSON Pointer holds a NumericDate. */
export function isNumericDatePointer(pointer: string): boolean {
  // The length first: hashing a long pointer (of a member under a long name) costs its length.
  return pointer.length <= WARNAFTER_POINTER.length && POINTERS.has(pointer)
}

/** The value of a payload claim at one of the NumericDate pointers, or undefined when absent. */
export function valueAtPointer(payload: JsonObject, pointer: string): JsonValue | undefined {
  if (pointer === WARNAFTER_POINTER) {
    const k = payload['kubernetes.io']
    return k && typeof k === 'object' && !Array.isArray(k) ? k.warnafter : undefined
  }
  return payload[pointer.slice(1)]
}

/** Every NumericDate claim present in the payload, whatever type its value has. */
export function numericDateClaims(payload: JsonObject): { pointer: string; value: JsonValue }[] {
  const out: { pointer: string; value: JsonValue }[] = []
  for (const pointer of POINTERS) {
    const value = valueAtPointer(payload, pointer)
    if (value !== undefined) out.push({ pointer, value })
  }
  return out
}

/** The claim's name as a reader knows it, e.g. "kubernetes.io.warnafter". */
export function claimLabel(pointer: string): string {
  return pointer === WARNAFTER_POINTER ? 'kubernetes.io.warnafter' : pointer.slice(1)
}

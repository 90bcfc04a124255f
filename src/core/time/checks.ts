import { rfc, type Diagnostic, type SpecRef } from '../diagnostics/diagnostic.ts'
import type { JsonObject } from '../encoding/json.ts'
import { inDisplayRange, toIsoUtc } from './iso.ts'
import { claimLabel, numericDateClaims, valueAtPointer } from './numericDate.ts'

const NUMERIC_DATE_REF = rfc(7519, '2')

/** Seconds from 1970 onwards with 12 digits land after the year 5138: far likelier to be milliseconds. */
const MILLISECONDS_THRESHOLD = 1e11

function specFor(pointer: string): SpecRef {
  switch (pointer) {
    case '/exp':
      return rfc(7519, '4.1.4')
    case '/nbf':
      return rfc(7519, '4.1.5')
    case '/iat':
      return rfc(7519, '4.1.6')
    default:
      return NUMERIC_DATE_REF
  }
}

function finite(payload: JsonObject, pointer: string): number | undefined {
  const v = valueAtPointer(payload, pointer)
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

function valueDiagnostic(pointer: string, value: unknown): Diagnostic | undefined {
  const name = claimLabel(pointer)
  const at = { pointer, location: 'payload' as const, ref: specFor(pointer) }
  if (typeof value !== 'number') {
    const what =
      typeof value === 'string'
        ? `a string ("${value.length > 40 ? `${value.slice(0, 40)}…` : value}")`
        : value === null
          ? 'null'
          : Array.isArray(value)
            ? 'an array'
            : `a ${typeof value}`
    const numericText = typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)
    return {
      ...at,
      code: 'TIME_NOT_A_NUMBER',
      severity: 'error',
      message: `'${name}' is ${what}, not a NumericDate (a JSON number of seconds).${numericText ? ' Verifiers that follow the spec reject it or ignore it, even though the text holds digits.' : ''}`,
    }
  }
  if (!Number.isFinite(value)) return undefined
  if (value >= MILLISECONDS_THRESHOLD) {
    const asMs = toIsoUtc(value / 1000)
    if (asMs) {
      return {
        ...at,
        code: 'TIME_IN_MILLISECONDS',
        severity: 'warning',
        message: `'${name}' looks like milliseconds: read as seconds it lies after the year 5000, read as milliseconds it is ${asMs}. NumericDate counts seconds.`,
      }
    }
  }
  if (!inDisplayRange(value) && value > 0) {
    return {
      ...at,
      code: 'TIME_BEYOND_9999',
      severity: 'warning',
      message: `'${name}' lies beyond the year 9999, so it cannot be shown as a date; many libraries overflow on it.`,
    }
  }
  if (value < 0) {
    return {
      ...at,
      code: 'TIME_NEGATIVE',
      severity: 'warning',
      message: `'${name}' is negative, a time before 1970: almost certainly not what the issuer meant.`,
    }
  }
  return undefined
}

/**
 * Problems with the time claims that do not depend on the current time: wrong value types,
 * milliseconds, negative or far-future values, and an order that cannot be right (iat after exp,
 * nbf after exp, nbf before iat). Each is attached to its claim's row.
 */
export function timeDiagnostics(payload: JsonObject): Diagnostic[] {
  const out: Diagnostic[] = []
  for (const { pointer, value } of numericDateClaims(payload)) {
    const d = valueDiagnostic(pointer, value)
    if (d) out.push(d)
  }
  const iat = finite(payload, '/iat')
  const nbf = finite(payload, '/nbf')
  const exp = finite(payload, '/exp')
  if (iat !== undefined && exp !== undefined && iat > exp) {
    out.push({
      code: 'TIME_IAT_AFTER_EXP',
      severity: 'warning',
      pointer: '/iat',
      location: 'payload',
      ref: rfc(7519, '4.1.6'),
      message: "'iat' is after 'exp': the token was already expired when it was issued.",
    })
  }
  if (nbf !== undefined && exp !== undefined && nbf >= exp) {
    out.push({
      code: 'TIME_NBF_NOT_BEFORE_EXP',
      severity: 'warning',
      pointer: '/nbf',
      location: 'payload',
      ref: rfc(7519, '4.1.5'),
      message: "'nbf' is not before 'exp': there is no moment at which this token is valid.",
    })
  }
  if (nbf !== undefined && iat !== undefined && nbf < iat) {
    out.push({
      code: 'TIME_NBF_BEFORE_IAT',
      severity: 'info',
      pointer: '/nbf',
      location: 'payload',
      ref: rfc(7519, '4.1.5'),
      message:
        "'nbf' is before 'iat': the token claims to be valid before it was issued. Some issuers back-date nbf on purpose to absorb clock skew.",
    })
  }
  return out
}

/**
 * The one time check that depends on the clock: an `iat` later than now (beyond the leeway) means
 * the issuer's clock runs ahead of this one, or the value is wrong.
 */
export function iatInFuture(payload: JsonObject, nowSeconds: number, leewaySeconds = 0): Diagnostic | undefined {
  const iat = finite(payload, '/iat')
  if (iat === undefined || iat <= nowSeconds + leewaySeconds) return undefined
  return {
    code: 'TIME_IAT_IN_FUTURE',
    severity: 'warning',
    pointer: '/iat',
    location: 'payload',
    ref: rfc(7519, '4.1.6'),
    message: "'iat' is in the future by this browser's clock: the issuer's clock runs ahead, or the value is wrong.",
  }
}

import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { rfc, type SpecRef } from '../diagnostics/specRefs.ts'
import type { JsonObject } from '../encoding/json.ts'
import { inDisplayRange, toIsoUtc } from './iso.ts'
import { claimLabel, numericDateClaims, valueAtPointer } from './numericDate.ts'
import { diagnostic } from './codes.ts'

/** Seconds from 1970 onwards with 12 digits land after the year 5138: far likelier to be milliseconds. */
const MILLISECONDS_THRESHOLD = 1e11

/** The section of the claim itself; other NumericDate claims keep the registry's §2 (NumericDate). */
function specFor(pointer: string): SpecRef | undefined {
  switch (pointer) {
    case '/exp':
      return rfc(7519, '4.1.4')
    case '/nbf':
      return rfc(7519, '4.1.5')
    case '/iat':
      return rfc(7519, '4.1.6')
    default:
      return undefined
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
    return diagnostic(
      'TIME_NOT_A_NUMBER',
      `'${name}' is ${what}, not a NumericDate (a JSON number of seconds).${numericText ? ' Verifiers that follow the spec reject it or ignore it, even though the text holds digits.' : ''}`,
      { ...at },
    )
  }
  if (!Number.isFinite(value)) return undefined
  if (value >= MILLISECONDS_THRESHOLD) {
    const asMs = toIsoUtc(value / 1000)
    if (asMs) {
      return diagnostic(
        'TIME_IN_MILLISECONDS',
        `'${name}' looks like milliseconds: read as seconds it lies after the year 5000, read as milliseconds it is ${asMs}. NumericDate counts seconds.`,
        { ...at },
      )
    }
  }
  if (!inDisplayRange(value) && value > 0) {
    return diagnostic(
      'TIME_BEYOND_9999',
      `'${name}' lies beyond the year 9999, so it cannot be shown as a date; many libraries overflow on it.`,
      { ...at },
    )
  }
  if (value < 0) {
    return diagnostic(
      'TIME_NEGATIVE',
      `'${name}' is negative, a time before 1970: almost certainly not what the issuer meant.`,
      { ...at },
    )
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
    out.push(
      diagnostic('TIME_IAT_AFTER_EXP', "'iat' is after 'exp': the token was already expired when it was issued.", {
        pointer: '/iat',
        location: 'payload',
      }),
    )
  }
  if (nbf !== undefined && exp !== undefined && nbf >= exp) {
    out.push(
      diagnostic(
        'TIME_NBF_NOT_BEFORE_EXP',
        "'nbf' is not before 'exp': there is no moment at which this token is valid.",
        { pointer: '/nbf', location: 'payload' },
      ),
    )
  }
  if (nbf !== undefined && iat !== undefined && nbf < iat) {
    out.push(
      diagnostic(
        'TIME_NBF_BEFORE_IAT',
        "'nbf' is before 'iat': the token claims to be valid before it was issued. Some issuers back-date nbf on purpose to absorb clock skew.",
        { pointer: '/nbf', location: 'payload' },
      ),
    )
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
  return diagnostic(
    'TIME_IAT_IN_FUTURE',
    "'iat' is in the future by this browser's clock: the issuer's clock runs ahead, or the value is wrong.",
    { pointer: '/iat', location: 'payload' },
  )
}

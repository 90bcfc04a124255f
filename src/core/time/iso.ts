/**
 * A NumericDate (seconds since the epoch, fractions allowed, RFC 7519 §2) as an ISO 8601 instant.
 * Kept apart from the zone formatting in format.ts because decoding needs only this part.
 */

/** Earliest and latest instants an HTML `datetime` can name: years 0001 to 9999. */
const MIN_SECONDS = -62135596800
const MAX_SECONDS = 253402300800

/** True when the value names an instant between the years 0001 and 9999. */
export function inDisplayRange(seconds: number): boolean {
  return Number.isFinite(seconds) && seconds >= MIN_SECONDS && seconds < MAX_SECONDS
}

/** The fraction of a NumericDate as `.5` or `.125`, or '' for a whole second (to the millisecond). */
export function fractionDigits(seconds: number): string {
  if (Number.isInteger(seconds)) return ''
  const ms = Math.round((seconds - Math.floor(seconds)) * 1000) % 1000
  return ms === 0 ? '' : `.${String(ms).padStart(3, '0').replace(/0+$/, '')}`
}

/**
 * The instant in UTC as `YYYY-MM-DDTHH:MM:SSZ`, with a fraction (up to milliseconds) only when the
 * value has one. Undefined outside the years 0001–9999.
 */
export function toIsoUtc(seconds: number): string | undefined {
  if (!inDisplayRange(seconds)) return undefined
  const whole = new Date(Math.floor(seconds) * 1000).toISOString().slice(0, 19)
  return `${whole}${fractionDigits(seconds)}Z`
}

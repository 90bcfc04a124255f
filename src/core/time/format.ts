/**
 * Turning a NumericDate into text for a reader with the platform's Intl only: no date library, so
 * zone rules come from the browser's own ICU data.
 */
import { fractionDigits, inDisplayRange } from './iso.ts'

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  // Building a formatter costs far more than using one, and relative phrases re-render every second.
  const key = `${locale ?? ''}|${JSON.stringify(options)}`
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options)
    formatters.set(key, f)
  }
  return f
}

/** An instant as a reader in one zone sees it. */
export interface ZonedForm {
  /** Date and time in that zone, in the reader's locale, e.g. "19 Aug 2023, 13:49:01". */
  dateTime: string
  /** Offset from UTC at that instant, e.g. "UTC+02:00" or "UTC+00:00". */
  offset: string
  /** The IANA zone id, e.g. "Europe/Paris". */
  zone: string
  /** The zone's long name at that instant, e.g. "Central European Summer Time". */
  zoneName: string
}

function part(f: Intl.DateTimeFormat, date: Date, type: Intl.DateTimeFormatPartTypes): string {
  return f.formatToParts(date).find((p) => p.type === type)?.value ?? ''
}

/**
 * The instant in an IANA zone (`undefined` means the platform's own zone), with the offset in force
 * at that instant, so that daylight-saving changes show. Undefined outside the years 0001–9999 or
 * for a zone the platform does not know.
 */
export function zonedForm(seconds: number, zone: string | undefined, locale?: string): ZonedForm | undefined {
  if (!inDisplayRange(seconds)) return undefined
  const date = new Date(Math.round(seconds * 1000))
  const base: Intl.DateTimeFormatOptions = { timeZone: zone }
  try {
    const main = formatter(locale, {
      ...base,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      ...(fractionDigits(seconds) ? { fractionalSecondDigits: 3 } : {}),
    })
    const gmt = part(formatter('en-US', { ...base, timeZoneName: 'longOffset' }), date, 'timeZoneName')
    return {
      dateTime: main.format(date),
      offset: gmt === 'GMT' ? 'UTC+00:00' : gmt.replace('GMT', 'UTC'),
      // The id the reader chose, not the platform's alias for it (Chromium says Asia/Calcutta).
      zone: zone ?? main.resolvedOptions().timeZone,
      zoneName: part(formatter(locale, { ...base, timeZoneName: 'long' }), date, 'timeZoneName'),
    }
  } catch {
    return undefined
  }
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86400],
  ['month', 30 * 86400],
  ['week', 7 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
]

const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>()

/**
 * "in 47 minutes", "3 years ago", "now": the distance from `nowSeconds` to `seconds` in the largest
 * whole unit. Whole units are counted down, never rounded up, so a token does not read as expired
 * while it still has seconds left.
 */
export function relativePhrase(seconds: number, nowSeconds: number, locale?: string): string {
  let rtf = relativeFormatters.get(locale ?? '')
  if (!rtf) {
    rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
    relativeFormatters.set(locale ?? '', rtf)
  }
  const diff = seconds - nowSeconds
  const abs = Math.abs(diff)
  const [unit, size] = UNITS.find(([, s]) => abs >= s) ?? ['second', 1]
  const count = Math.trunc(abs / size)
  return rtf.format(diff < 0 ? -count : count, unit)
}

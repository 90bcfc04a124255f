const UNITS: [number, (n: number) => string][] = [
  // A year of 365 days, as Kubernetes counts it (ExpirationExtensionSeconds = 24·365·3600).
  [365 * 86400, (n) => (n === 1 ? '1 year' : `${n} years`)],
  [86400, (n) => (n === 1 ? '1 day' : `${n} days`)],
  [3600, (n) => `${n} h`],
  [60, (n) => `${n} min`],
]

/**
 * A length of time spelled out in units, from the largest to the smallest that is not zero:
 * 31536000 → "1 year", 3607 → "1 h 0 min 7 s", 600 → "10 min". The sign is ignored; fractions are
 * kept to the millisecond.
 */
export function spellDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'unknown'
  let rest = Math.round(Math.abs(seconds) * 1000) / 1000
  const parts: string[] = []
  for (const [size, word] of UNITS) {
    const n = Math.floor(rest / size)
    if (n > 0 || parts.length > 0) parts.push(word(n))
    rest = Math.round((rest - n * size) * 1000) / 1000
  }
  if (rest > 0 || parts.length === 0) parts.push(`${rest} s`)
  // Trailing zero units say nothing ("1 h 0 min" is "1 h"); zeros between units stay, so the reader sees the gap.
  while (parts.length > 1 && /^0 /.test(parts[parts.length - 1] ?? '')) parts.pop()
  return parts.join(' ')
}

import type { Diagnostic, Severity } from './diagnostic.ts'

/**
 * How many diagnostics of one code are listed. A crafted token can repeat one flaw a hundred
 * thousand times (a member, a large integer); past this many the list says how many more there
 * are, so that building and showing the findings costs the same whatever the token holds.
 */
export const MAX_PER_CODE = 20

/** The code of the one summary that stands for the diagnostics of a code beyond MAX_PER_CODE. */
export const CAPPED_CODE = 'DIAGNOSTICS_CAPPED'

/** The summary for `count` diagnostics of `code` (of `severity`) that are not listed: general, never on a row. */
export function cappedSummary(code: string, count: number, severity: Severity, part?: Diagnostic['part']): Diagnostic {
  const d: Diagnostic = {
    code: CAPPED_CODE,
    severity: 'info',
    message: `${count.toLocaleString('en')} more ${severity === 'info' ? 'note' : severity}s ${code}, the same finding at other places, are not listed (the first ${MAX_PER_CODE} are).`,
  }
  if (part !== undefined) d.part = part
  return d
}

/**
 * Keeps the first `limit` diagnostics of each code, in order, and appends one summary per code
 * for the rest. Linear in the list; summaries already in it are kept as they are, so capping a
 * capped list changes nothing.
 */
export function capDiagnostics(list: readonly Diagnostic[], limit = MAX_PER_CODE): Diagnostic[] {
  const seen = new Map<string, number>()
  const over = new Map<string, { count: number; first: Diagnostic }>()
  const kept: Diagnostic[] = []
  for (const d of list) {
    const n = (seen.get(d.code) ?? 0) + 1
    seen.set(d.code, n)
    if (n <= limit || d.code === CAPPED_CODE) kept.push(d)
    else {
      const o = over.get(d.code)
      if (o) o.count++
      else over.set(d.code, { count: 1, first: d })
    }
  }
  for (const [code, { count, first }] of over) kept.push(cappedSummary(code, count, first.severity, first.part))
  return kept
}

/**
 * `make(item)` for the first `limit` items, then one summary for the rest, which are never
 * made: for loops that would otherwise build a diagnostic per occurrence of a repeated flaw.
 */
export function cappedEach<T>(
  items: readonly T[],
  code: string,
  severity: Severity,
  make: (item: T) => Diagnostic,
  limit = MAX_PER_CODE,
): Diagnostic[] {
  const out = items.slice(0, limit).map(make)
  if (items.length > limit) out.push(cappedSummary(code, items.length - limit, severity, out[0]?.part))
  return out
}

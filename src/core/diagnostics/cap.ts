import type { DiagnosticCode, Severity } from './codes.ts'
import { diagnostic, type Diagnostic } from './diagnostic.ts'

/**
 * How many diagnostics of one code are listed. A crafted token can repeat one flaw a hundred
 * thousand times (a member, a large integer); past this many the list says how many more there
 * are, so that building and showing the findings costs the same whatever the token holds.
 */
export const MAX_PER_CODE = 20

/** The code of the one summary that stands for the diagnostics of a code beyond MAX_PER_CODE. */
export const CAPPED_CODE = 'DIAGNOSTICS_CAPPED' satisfies DiagnosticCode

/** The summary for `count` diagnostics of `code` that are not listed: in the general list, never on a row. */
export function cappedSummary(
  code: DiagnosticCode,
  severity: Severity,
  count: number,
  part?: Diagnostic['part'],
): Diagnostic {
  // The severity comes with the capped diagnostics: the code may be in a lazily loaded piece of
  // the registry, which the start-up chunk does not hold.
  return diagnostic(
    CAPPED_CODE,
    `${count.toLocaleString('en')} more ${severity === 'info' ? 'note' : severity}s ${code}, the same finding at other places, are not listed (the first ${MAX_PER_CODE} are).`,
    part === undefined ? {} : { part },
  )
}

/**
 * Keeps the first `limit` diagnostics of each code, in order, and appends one summary per code
 * for the rest. Linear in the list; summaries already in it are kept as they are, so capping a
 * capped list changes nothing.
 */
export function capDiagnostics(list: readonly Diagnostic[], limit = MAX_PER_CODE): Diagnostic[] {
  const seen = new Map<DiagnosticCode, number>()
  const over = new Map<DiagnosticCode, { count: number; severity: Severity; part: Diagnostic['part'] }>()
  const kept: Diagnostic[] = []
  for (const d of list) {
    const n = (seen.get(d.code) ?? 0) + 1
    seen.set(d.code, n)
    if (n <= limit || d.code === CAPPED_CODE) kept.push(d)
    else {
      const o = over.get(d.code)
      if (o) o.count++
      else over.set(d.code, { count: 1, severity: d.severity, part: d.part })
    }
  }
  for (const [code, { count, severity, part }] of over) kept.push(cappedSummary(code, severity, count, part))
  return kept
}

/**
 * `make(item)` for the first `limit` items, then one summary for the rest, which are never
 * made: for loops that would otherwise build a diagnostic per occurrence of a repeated flaw.
 */
export function cappedEach<T>(
  items: readonly T[],
  code: DiagnosticCode,
  make: (item: T) => Diagnostic,
  limit = MAX_PER_CODE,
): Diagnostic[] {
  const out = items.slice(0, limit).map(make)
  const first = out[0]
  if (first && items.length > limit) out.push(cappedSummary(code, first.severity, items.length - limit, first.part))
  return out
}

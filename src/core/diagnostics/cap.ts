import type { DiagnosticCode } from './codes.ts'
import { diagnostic, type Diagnostic } from './diagnostic.ts'

/**
 * How many diagnostics of one code are listed. A crafted token can repeat one flaw a hundred
 * thousand times (a member, a large integer); past this many the list says how many more there
 * are, so that building and showing the findings costs the same whatever the token holds.
 */
export const MAX_PER_CODE = 20

/** The code of the one summary that stands for the diagnostics of a code beyond MAX_PER_CODE. */
export const CAPPED_CODE = 'DIAGNOSTICS_CAPPED' satisfies DiagnosticCode

/** The summary for `count` more diagnostics like `d`: in the general list (no pointer), never on a row. */
const summary = (d: Diagnostic, count: number) =>
  diagnostic(
    CAPPED_CODE,
    `${count.toLocaleString('en')} more ${d.code} findings, the same at other places, are not listed (the first ${MAX_PER_CODE} are).`,
    d.part ? { part: d.part } : {},
  )

/**
 * Keeps the first MAX_PER_CODE diagnostics of each code, in order, and appends one summary per
 * code for the rest. Linear in the list; summaries already in it are kept as they are.
 */
export function capDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Map<DiagnosticCode, number>()
  const over = new Map<DiagnosticCode, Diagnostic>()
  const kept = list.filter((d) => {
    const n = (seen.get(d.code) ?? 0) + 1
    seen.set(d.code, n)
    if (n === MAX_PER_CODE + 1 && d.code !== CAPPED_CODE) over.set(d.code, d)
    return n <= MAX_PER_CODE || d.code === CAPPED_CODE
  })
  for (const [code, d] of over) kept.push(summary(d, (seen.get(code) as number) - MAX_PER_CODE))
  return kept
}

/**
 * `make(item)` for the first MAX_PER_CODE items, then one summary for the rest, which are never
 * made (one is, for its code): for loops that would otherwise build a diagnostic per occurrence
 * of a repeated flaw.
 */
export function cappedEach<T>(items: readonly T[], make: (item: T) => Diagnostic): Diagnostic[] {
  const out = items.slice(0, MAX_PER_CODE).map(make)
  if (items.length > MAX_PER_CODE) out.push(summary(make(items[MAX_PER_CODE] as T), items.length - MAX_PER_CODE))
  return out
}

import { analyze, type Analysis, type AnalyzeOptions } from '../analysis/analyze.ts'
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { diffJson, type DiffRow } from './diff.ts'
import { compareNotes, type CompareNote } from './notes.ts'
import { describeSide, type CompareSide } from './sides.ts'
import { diagnostic } from './codes.ts'

export interface CompareOptions {
  /** Now, in seconds since the epoch: `validity-differs` is about this moment. */
  now: number
  /** Clock-skew allowance in seconds for validity (default 0; Kubernetes allows 60). */
  leeway?: number
  /** Passed to `analyze()` for sides given as text (the full extractor, the YAML parser, …). */
  analyze?: AnalyzeOptions
}

/** Everything the Compare view shows: both sides, the rows by JSON Pointer, and the notes. */
export interface Comparison {
  left: CompareSide
  right: CompareSide
  /** Header rows first, then payload rows. */
  rows: DiffRow[]
  notes: CompareNote[]
  /** About the comparison itself (an empty or unreadable side); each side's own are in its analysis. */
  diagnostics: Diagnostic[]
}

function sideDiagnostic(side: CompareSide, which: 'left' | 'right'): Diagnostic | undefined {
  if (side.status === 'empty') return diagnostic('COMPARE_SIDE_EMPTY', `Paste a token on the ${which} to compare it.`)
  if (side.status === 'no-claims')
    return diagnostic(
      'COMPARE_SIDE_UNREADABLE',
      `The ${which} side has no JSON claims to read (${side.kind === 'jwe' ? 'it is encrypted' : 'its payload did not decode'}): only the headers are compared.`,
    )
  if (side.status === 'unreadable')
    return diagnostic(
      'COMPARE_SIDE_UNREADABLE',
      `The ${which} side does not decode as a token: nothing of it can be compared. Its own messages say why.`,
    )
  return undefined
}

/**
 * Compares two tokens, each given as pasted text (anything the main input takes) or as an
 * `analyze()` result: a diff of header and payload by JSON Pointer, and notes on what the
 * differences mean for a client that switches from the left token to the right one. Pure and
 * synchronous; never throws.
 */
export function compareTokens(left: string | Analysis, right: string | Analysis, options: CompareOptions): Comparison {
  const leeway = options.leeway ?? 0
  const read = (x: string | Analysis) =>
    describeSide(typeof x === 'string' ? analyze(x, options.analyze) : x, options.now, leeway)
  const l = read(left)
  const r = read(right)
  const header = (s: CompareSide) => s.analysis.decoded.header ?? undefined
  const claims = (s: CompareSide) =>
    s.analysis.decoded.payload.kind === 'claims' ? s.analysis.decoded.payload.json : undefined
  // What one side lacks is unknown there, not removed: each JSON is compared only when both sides have it.
  const both = <T>(a: T | undefined, b: T | undefined): [T, T] | undefined =>
    a !== undefined && b !== undefined ? [a, b] : undefined
  const headers = both(header(l), header(r))
  const payloads = both(claims(l), claims(r))
  const rows = [
    ...(headers ? diffJson(...headers, 'header') : []),
    ...(payloads ? diffJson(...payloads, 'payload') : []),
  ]
  const diagnostics = [sideDiagnostic(l, 'left'), sideDiagnostic(r, 'right')].filter(
    (d): d is Diagnostic => d !== undefined,
  )
  return { left: l, right: r, rows, notes: compareNotes(l, r, leeway), diagnostics }
}

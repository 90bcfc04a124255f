import { CODES, type CodeInfo, type DiagnosticCode, type Severity, type StartupCode } from './codes.ts'
import type { SpecRef } from './rfc.ts'

/**
 * Diagnostics are how core functions report problems with user input: they never throw.
 * Every diagnostic carries a code from the registry (codes.ts), which the UI and e2e tests rely on.
 */
export type { Severity, SpecRef }

/** Half-open range `[start, end)` of UTF-16 offsets into the text the diagnostic is about. */
export interface Span {
  start: number
  end: number
}

/** Which part of a compact token a diagnostic concerns. */
export type TokenPart = 'input' | 'header' | 'payload' | 'signature' | 'encrypted-key' | 'iv' | 'ciphertext' | 'tag'

export interface Diagnostic {
  code: DiagnosticCode
  /** Always the registry's severity for `code`. */
  severity: Severity
  message: string
  part?: TokenPart
  span?: Span
  ref?: SpecRef
  /** JSON Pointer of the claim or header parameter the diagnostic is attached to, when there is one. */
  pointer?: string
  /** Header diagnostics point into the header, claim diagnostics into the payload. */
  location?: 'header' | 'payload'
}

/** Where a diagnostic points, and a reference closer than the registry's default. */
export interface DiagnosticOptions {
  part?: TokenPart
  span?: Span
  pointer?: string
  location?: 'header' | 'payload'
  ref?: SpecRef
}

/** The codes a piece of the registry lets its feature emit: its own and the start-up ones. */
export type CodeOf<T> = (keyof T & DiagnosticCode) | StartupCode

/** One piece of the registry: codes with their severity and default reference. */
export type CodeTable = Readonly<Record<string, CodeInfo>>

/**
 * Makes the diagnostic constructor of one piece of the registry: it takes that piece's codes and
 * the start-up ones, and supplies severity and default reference from the registry, so no
 * emission site can give a code another severity. Lazily loaded features use their own
 * (`src/core/<feature>/codes.ts`), so their codes load with them.
 */
export function diagnosticsFor<T extends CodeTable>(table: T) {
  return (code: CodeOf<T>, message: string, options: DiagnosticOptions = {}) =>
    build(code, table[code] ?? (CODES as CodeTable)[code], message, options)
}

function build(code: DiagnosticCode, entry: CodeInfo | undefined, message: string, options: DiagnosticOptions) {
  // Unreachable through the types; kept total so a stray code shows up as a bug, not a crash.
  const d: Diagnostic = { code, severity: entry?.severity ?? 'error', message }
  if (options.part !== undefined) d.part = options.part
  if (options.span !== undefined) d.span = options.span
  if (options.pointer !== undefined) d.pointer = options.pointer
  if (options.location !== undefined) d.location = options.location
  const ref = options.ref ?? entry?.ref
  if (ref !== undefined) d.ref = ref
  return d
}

/**
 * The start-up constructor: the codes of decoding, simple extraction and classification.
 * @example diagnostic('B64_PADDING', "The header ends with '=' padding.", { part: 'header' })
 */
export const diagnostic = diagnosticsFor({})

/** A diagnostic on the row of one top-level claim (`payload`) or header parameter (`header`). */
export function onRow(location: 'header' | 'payload', name: string, ref?: SpecRef): DiagnosticOptions {
  return ref ? { pointer: `/${name}`, location, ref } : { pointer: `/${name}`, location }
}

/** What the page shows when rendering fails: core never throws on input, so this is a bug. */
export function internalError(error: unknown): Diagnostic {
  const why = error instanceof Error ? error.message : String(error)
  return diagnostic(
    'INTERNAL_ERROR',
    `Something went wrong while showing this token: ${why}. This is a bug in JWT Explorer, not a problem with your token.`,
  )
}

/** True when any diagnostic in the list is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error')
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/** Orders diagnostics for display: errors first, then by position in the input. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.span?.start ?? Number.MAX_SAFE_INTEGER) - (b.span?.start ?? Number.MAX_SAFE_INTEGER),
  )
}

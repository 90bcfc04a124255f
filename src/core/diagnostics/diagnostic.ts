/**
 * Diagnostics are how core functions report problems with user input: they never throw.
 * Every diagnostic carries a stable UPPER_SNAKE code that the UI and e2e tests rely on.
 */
export type Severity = 'error' | 'warning' | 'info'

/** Half-open range `[start, end)` of UTF-16 offsets into the text the diagnostic is about. */
export interface Span {
  start: number
  end: number
}

/** A pointer into a specification, shown as a link next to the message. */
export interface SpecRef {
  label: string
  url: string
}

/** Which part of a compact token a diagnostic concerns. */
export type TokenPart = 'input' | 'header' | 'payload' | 'signature' | 'encrypted-key' | 'iv' | 'ciphertext' | 'tag'

export interface Diagnostic {
  code: string
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

const RFC = 'https://www.rfc-editor.org/rfc/'

/** Builds a spec reference to an RFC section, e.g. `rfc(7519, '4.1.4')`. */
export function rfc(num: number, section?: string, appendix = false): SpecRef {
  if (!section) return { label: `RFC ${num}`, url: `${RFC}rfc${num}` }
  const anchor = appendix ? `appendix-${section}` : `section-${section}`
  return {
    label: `RFC ${num} ${appendix ? 'Appendix' : '§'}${appendix ? ' ' : ''}${section}`,
    url: `${RFC}rfc${num}#${anchor}`,
  }
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

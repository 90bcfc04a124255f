import type { Diagnostic, Severity, SpecRef } from '../diagnostics/diagnostic.ts'

/** A diagnostic shown on the row of one top-level claim or header parameter. */
export function rowDiagnostic(
  location: 'header' | 'payload',
  name: string,
  code: string,
  severity: Severity,
  message: string,
  ref: SpecRef,
): Diagnostic {
  return { code, severity, message, ref, pointer: `/${name}`, location }
}

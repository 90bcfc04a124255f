/**
 * Diagnostics: how every core function reports a problem with user input instead of throwing.
 *
 * `codes.ts` is the one registry of codes, each with its one severity, title and default spec
 * reference; `diagnostic()` is the one constructor, so a code cannot be emitted with another
 * severity; `specRefs.ts` builds every link to a specification; `placement.ts` decides which
 * claim or header row shows a diagnostic.
 * @module
 */
export { CODES, type BannerId, type CodeInfo, type DiagnosticCode, type Severity, type StartupCode } from './codes.ts'
export {
  diagnostic,
  diagnosticsFor,
  type CodeOf,
  type CodeTable,
  hasErrors,
  internalError,
  onRow,
  sortDiagnostics,
  type Diagnostic,
  type DiagnosticOptions,
  type Span,
  type TokenPart,
} from './diagnostic.ts'
export { K8S, oidc, rfc, spiffe, UNICODE, type SpecRef } from './specRefs.ts'
export { placeDiagnostics, type Placement } from './placement.ts'
export { listSome, LISTED_ITEMS } from './listSome.ts'
export { capDiagnostics, cappedEach, CAPPED_CODE, MAX_PER_CODE } from './cap.ts'

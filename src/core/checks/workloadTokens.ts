import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import type { JsonObject } from '../encoding/json.ts'
import type { ProviderId } from '../knowledge/types.ts'
import { dpopDiagnostics } from './dpop.ts'
import { githubDiagnostics } from './github.ts'
import { spiffeDiagnostics } from './spiffe.ts'

/**
 * Checks for the tokens that sit next to Kubernetes ones, each recognised by its own shape: DPoP
 * proofs (`typ: dpop+jwt`), SPIFFE WIT-SVIDs and JWT-SVIDs, and, for tokens from GitHub Actions'
 * issuer, the immutable subject.
 */
export function workloadTokenDiagnostics(
  header: JsonObject,
  payload: JsonObject,
  providers: readonly ProviderId[],
): Diagnostic[] {
  return [
    ...dpopDiagnostics(header, payload),
    ...spiffeDiagnostics(header, payload),
    ...(providers.includes('github-actions') ? githubDiagnostics(payload) : []),
  ]
}

import type { DecodedToken } from '../decode/decodeToken.ts'
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import type { ProviderId } from '../knowledge/types.ts'
import { claimValueDiagnostics } from './claimValues.ts'
import { headerDiagnostics } from './headerWarnings.ts'
import { timeDiagnostics } from '../time/checks.ts'

/**
 * Header/algorithm warnings, claim value checks and the NumericDate checks, each attached to its
 * row by pointer. They load with the knowledge base, after the first decoded view: the first view
 * shows the rows, and their findings follow a frame later.
 */
export function tokenChecks(decoded: DecodedToken, providers: readonly ProviderId[]): Diagnostic[] {
  const claims =
    decoded.payload.kind === 'claims'
      ? [
          ...timeDiagnostics(decoded.payload.json.value),
          ...claimValueDiagnostics(decoded.payload.json.value, decoded.header?.value.alg),
        ]
      : []
  return [...headerDiagnostics(decoded, providers), ...claims]
}

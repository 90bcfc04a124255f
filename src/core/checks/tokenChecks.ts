import type { DecodedToken } from '../decode/decodeToken.ts'
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import type { ProviderId } from '../knowledge/types.ts'
import { claimValueDiagnostics } from './claimValues.ts'
import { headerDiagnostics } from './headerWarnings.ts'

/** Header/algorithm warnings and claim value checks, each attached to its row by pointer. */
export function tokenChecks(decoded: DecodedToken, providers: readonly ProviderId[]): Diagnostic[] {
  const claims =
    decoded.payload.kind === 'claims'
      ? claimValueDiagnostics(decoded.payload.json.value, decoded.header?.value.alg)
      : []
  return [...headerDiagnostics(decoded, providers), ...claims]
}

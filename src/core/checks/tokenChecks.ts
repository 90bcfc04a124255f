import type { DecodedToken } from '../decode/decodeToken.ts'
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import type { ProviderId } from '../knowledge/types.ts'
import { claimValueDiagnostics } from './claimValues.ts'
import { headerDiagnostics } from './headerWarnings.ts'
import { kubernetesDiagnostics } from '../k8s/shapeChecks.ts'
import { workloadTokenDiagnostics } from './workloadTokens.ts'

/**
 * The checks that only apply to some kinds of token: a Kubernetes token's claim shape (the start-up
 * bundle only classifies it), and the tokens that sit next to Kubernetes ones. Only for a JWS or
 * unsecured JWT with a header and claims, as analyze() classifies.
 */
function neighbourChecks(decoded: DecodedToken, providers: readonly ProviderId[]): Diagnostic[] {
  const header = decoded.header?.value
  if (!decoded.wellFormed || !header || decoded.form === 'jwe' || decoded.payload.kind !== 'claims') return []
  const payload = decoded.payload.json.value
  return [...kubernetesDiagnostics(payload, header), ...workloadTokenDiagnostics(header, payload, providers)]
}

/** Header/algorithm warnings and claim value checks, each attached to its row by pointer. */
export function tokenChecks(decoded: DecodedToken, providers: readonly ProviderId[]): Diagnostic[] {
  const claims =
    decoded.payload.kind === 'claims'
      ? claimValueDiagnostics(decoded.payload.json.value, decoded.header?.value.alg)
      : []
  return [...headerDiagnostics(decoded, providers), ...claims, ...neighbourChecks(decoded, providers)]
}

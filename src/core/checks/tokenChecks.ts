import type { DecodedToken } from '../decode/decodeToken.ts'
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import type { ProviderId } from '../knowledge/types.ts'
import { claimValueDiagnostics } from './claimValues.ts'
import { deceptiveTextDiagnostics } from './deceptiveText.ts'
import { readKubernetesClaims } from '../k8s/claims.ts'
import { nameDiagnostics } from '../k8s/nameChecks.ts'
import { headerDiagnostics } from './headerWarnings.ts'
import { timeDiagnostics } from '../time/checks.ts'

/**
 * Header/algorithm warnings, claim value checks, the NumericDate checks, Kubernetes names no
 * cluster could have written, and text that could mislead a reader (bidi controls, invisible and
 * look-alike characters), each attached to its row by pointer. They load with the knowledge base,
 * after the first decoded view: the first view shows the rows, and their findings follow a frame later.
 */
export function tokenChecks(decoded: DecodedToken, providers: readonly ProviderId[]): Diagnostic[] {
  const claims =
    decoded.payload.kind === 'claims'
      ? [
          ...timeDiagnostics(decoded.payload.json.value),
          ...claimValueDiagnostics(decoded.payload.json.value, decoded.header?.value.alg),
        ]
      : []
  const deceptive = [
    ...(decoded.header ? deceptiveTextDiagnostics(decoded.header.value, 'header') : []),
    ...(decoded.payload.kind === 'claims' ? deceptiveTextDiagnostics(decoded.payload.json.value, 'payload') : []),
  ]
  const k8s = decoded.payload.kind === 'claims' ? readKubernetesClaims(decoded.payload.json.value) : undefined
  return [...headerDiagnostics(decoded, providers), ...claims, ...(k8s ? nameDiagnostics(k8s) : []), ...deceptive]
}

import type { DecodedToken } from '../decode/decodeToken.ts'
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import type { ProviderId } from '../knowledge/types.ts'
import { claimValueDiagnostics, commonClaimValueDiagnostics } from './claimValues.ts'
import { decodingNotes } from './decodingNotes.ts'
import { deceptiveTokenDiagnostics } from './deceptiveText.ts'
import { readKubernetesClaims } from '../k8s/claims.ts'
import { nameDiagnostics } from '../k8s/nameChecks.ts'
import { commonHeaderDiagnostics, headerDiagnostics } from './headerWarnings.ts'
import { signatureLengthDiagnostics } from './signatureLength.ts'
import { kubernetesDiagnostics } from '../k8s/shapeChecks.ts'
import { shapeParts } from './shapeNeeds.ts'
import { timeDiagnostics } from '../time/checks.ts'

/**
 * A Kubernetes token's claim shape (the start-up bundle only classifies it), for a JWS or
 * unsecured JWT with a header and claims, as analyze() classifies. The checks of rarer shapes
 * (webhook bindings, external signers, the tokens that sit next to Kubernetes ones) are
 * checks/shapes.ts, loaded on demand for the tokens that need them (see needsShapeChecks).
 */
function kubernetesShapeChecks(decoded: DecodedToken): Diagnostic[] {
  const parts = shapeParts(decoded)
  return parts ? kubernetesDiagnostics(parts.payload, parts.header) : []
}

function checksWith(
  header: typeof headerDiagnostics,
  claimValues: typeof claimValueDiagnostics,
  deceptive: typeof deceptiveTokenDiagnostics | undefined,
  notes: typeof decodingNotes | undefined,
  decoded: DecodedToken,
  providers: readonly ProviderId[],
): Diagnostic[] {
  const claims =
    decoded.payload.kind === 'claims'
      ? [
          ...timeDiagnostics(decoded.payload.json.value),
          ...claimValues(decoded.payload.json.value, decoded.header?.value.alg),
        ]
      : []
  const k8s = decoded.payload.kind === 'claims' ? readKubernetesClaims(decoded.payload.json.value) : undefined
  return [
    ...(notes ? notes(decoded) : []),
    ...signatureLengthDiagnostics(decoded),
    ...header(decoded, providers),
    ...claims,
    ...kubernetesShapeChecks(decoded),
    ...(k8s ? nameDiagnostics(k8s) : []),
    ...(deceptive ? deceptive(decoded) : []),
  ]
}

/**
 * What decoding found in words (decodingNotes.ts), the signature's length for its algorithm, header/algorithm warnings, claim value checks, the NumericDate checks, a Kubernetes token's shape,
 * Kubernetes names no cluster could have written, and text that could mislead a reader (bidi controls, invisible and
 * look-alike characters), each attached to its row by pointer. They load with the knowledge base,
 * after the first decoded view: the first view shows the rows, and their findings follow a frame later.
 */
export function tokenChecks(decoded: DecodedToken, providers: readonly ProviderId[]): Diagnostic[] {
  return checksWith(
    headerDiagnostics,
    claimValueDiagnostics,
    deceptiveTokenDiagnostics,
    decodingNotes,
    decoded,
    providers,
  )
}

/**
 * The same but for decoding's notes (checks/decodingNotes.ts), the warnings of the rarer header
 * parameters, the value checks of the claims a Kubernetes token does not carry and the
 * misleading-text warnings (checks/headerRare.ts, checks/claimRare.ts, checks/deceptiveText.ts),
 * which come with the checks of rarer shapes (decodingNotes and pageShapeChecks in
 * checks/shapes.ts) for a token that needs one: the checks the page runs with the knowledge base.
 */
export function commonTokenChecks(decoded: DecodedToken, providers: readonly ProviderId[]): Diagnostic[] {
  return checksWith(commonHeaderDiagnostics, commonClaimValueDiagnostics, undefined, undefined, decoded, providers)
}

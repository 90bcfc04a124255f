import type { DecodedToken } from '../decode/decodeToken.ts'
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import type { JsonObject } from '../encoding/json.ts'
import { readKubernetesClaims, type KubernetesClaims } from '../k8s/claims.ts'
import { diagnostic } from '../k8s/codes.ts'
import { signerShape } from '../k8s/signer.ts'
import { webhookDiagnostics } from '../k8s/webhookChecks.ts'
import type { ProviderId } from '../knowledge/types.ts'
import { rareClaimValueDiagnostics } from './claimRare.ts'
import { deceptiveTokenDiagnostics } from './deceptiveText.ts'
import { rareHeaderDiagnostics } from './headerRare.ts'
import { shapeParts } from './shapeNeeds.ts'
import { workloadTokenDiagnostics } from './workloadTokens.ts'

/**
 * The checks of rarer token shapes: a chunk of its own that the page loads on demand
 * (src/app/modules.ts `shapes`), only for a token that has such a shape (see needsShapeChecks in
 * ./shapeNeeds.ts, which the knowledge base brings): most tokens, a pod's bound token among them,
 * never need it. Decoding's notes come with it, for the same reason (hasDecodingNotes).
 * @module
 */

// The page runs them ahead of the other checks (AnalyzeOptions.decodingNotes), where tokenChecks has them.
export { decodingNotes } from './decodingNotes.ts'

function signerDiagnostics(c: KubernetesClaims, header: JsonObject): Diagnostic[] {
  const signer = signerShape(header, c)
  if (signer.kind !== 'external') return []
  return [
    diagnostic('K8S_EXTERNAL_SIGNER', `Signed through an external signer. ${signer.explanation}`, {
      pointer: '/typ',
      location: 'header',
      part: 'header',
    }),
  ]
}

/**
 * The findings about a token's rarer shape: a Kubernetes token bound to an admission webhook
 * configuration that the API server would not issue, attestations without a webhook binding, the
 * header an external signer writes; DPoP proofs, SPIFFE SVIDs and GitHub Actions tokens (the
 * tokens that sit next to Kubernetes ones). Nothing for a token without such a shape. Never throws.
 */
export function shapeChecks(decoded: DecodedToken, providers: readonly ProviderId[]): Diagnostic[] {
  const parts = shapeParts(decoded)
  if (!parts) return []
  const { header, payload } = parts
  const k8s = readKubernetesClaims(payload)
  return [
    ...(k8s?.shape === 'bound' ? webhookDiagnostics(k8s) : []),
    ...(k8s ? signerDiagnostics(k8s, header) : []),
    ...workloadTokenDiagnostics(header, payload, providers),
  ]
}

/**
 * What the page runs once this chunk is there: the warnings of the rarer header parameters and
 * the value checks of the rarer claims, the misleading-text warnings (checks/headerRare.ts,
 * checks/claimRare.ts, checks/deceptiveText.ts, which the knowledge base's checks leave out) and
 * the shape checks.
 * Nothing for a token with neither (see Knowledge.needsShapeChecks). Never throws.
 */
export function pageShapeChecks(decoded: DecodedToken, providers: readonly ProviderId[]): Diagnostic[] {
  const claims =
    decoded.payload.kind === 'claims'
      ? rareClaimValueDiagnostics(decoded.payload.json.value, decoded.header?.value.alg)
      : []
  return [
    ...rareHeaderDiagnostics(decoded),
    ...claims,
    ...deceptiveTokenDiagnostics(decoded),
    ...shapeChecks(decoded, providers),
  ]
}

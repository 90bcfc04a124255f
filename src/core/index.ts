// The only entry point ui/ imports from core statically (extract/index.ts is for dynamic import() only).
export * from './diagnostics/index.ts'
export * from './decode/decodeToken.ts'
// The full extractor is not exported here: the page loads it lazily through extract/index.ts.
export type * from './extract/types.ts'
export { extractSimple, MAX_INPUT_LENGTH } from './extract/simple.ts'
export * from './analysis/kind.ts'
export * from './analysis/analyze.ts'
export * from './encoding/json.ts'
export * from './analysis/rows.ts'
export { encodeBase64url, decodeBase64Loose } from './encoding/base64url.ts'
export * from './examples/examples.ts'
export * from './analysis/claimInfo.ts'
export * from './time/validity.ts'
export type { Disclosure, SdJwtParts } from './decode/sdJwt.ts'
export { classifyKubernetes, type KubernetesClassification } from './k8s/classify.ts'
export type * from './k8s/index.ts'
/** Loads the Kubernetes insights (identity, provider, lifetime, advice, risks) on demand: they are mostly text. */
export const loadKubernetesInsights = () => import('./k8s/index.ts')
export type KubernetesInsightsModule = Awaited<ReturnType<typeof loadKubernetesInsights>>
export * from './time/numericDate.ts'
export * from './time/iso.ts'
export * from './time/format.ts'
export * from './time/duration.ts'
export * from './time/checks.ts'
export type * from './time/timeline.ts'
/** Loads the timeline geometry on demand: only the lazily loaded timeline picture draws it. */
export const loadTimelineGeometry = () => import('./time/timeline.ts')
// Types only: the verification functions pull in jose, so the lazily loaded panel imports them
// from './verify/index.ts' directly and they stay out of the start-up chunk.
export type * from './verify/index.ts'
export {
  loadKnowledge,
  type ClaimLookup,
  type ExplainContext,
  type Knowledge,
  type ProviderId,
} from './knowledge/load.ts'
// The claim filter comes with the knowledge base (Knowledge.searchRows), so only its type is here.
export type { RowSearch } from './analysis/filter.ts'
export * from './analysis/rowWindow.ts'
export { diagnosticsByRow, rowOfDiagnostic } from './diagnostics/placement.ts'
export { CAPPED_CODE, MAX_PER_CODE } from './diagnostics/cap.ts'
export type {
  ShareState,
  Redaction,
  RedactionCategory,
  RedactionChoice,
  FragmentRequest,
  ShareOptions,
} from './permalink/index.ts'
/** Permalink code is loaded on demand: most visits neither share nor open a shared link. */
export const loadPermalink = () => import('./permalink/index.ts')
export { readFragment } from './permalink/fragment.ts'

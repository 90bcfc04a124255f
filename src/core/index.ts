// The only entry point ui/ imports from core.
export * from './diagnostics.ts'
export * from './decode.ts'
export * from './extract.ts'
export * from './kind.ts'
export * from './analyze.ts'
export * from './json.ts'
export * from './claims/rows.ts'
export { encodeBase64url, decodeBase64Loose } from './base64url.ts'
export * from './examples.ts'
export * from './claims/info.ts'
export * from './time/validity.ts'
export type { Disclosure, SdJwtParts } from './sdJwt.ts'
export { classifyKubernetes, type KubernetesClassification } from './k8s/classify.ts'
export { kubernetesClaimInfo } from './k8s/claimInfo.ts'
export type * from './k8s/index.ts'
/** Loads the Kubernetes insights (identity, provider, lifetime, advice, risks) on demand: they are mostly text. */
export const loadKubernetesInsights = () => import('./k8s/index.ts')
export type KubernetesInsightsModule = Awaited<ReturnType<typeof loadKubernetesInsights>>
export type { ShareState, Redaction, RedactionCategory, RedactionChoice, FragmentRequest, ShareOptions } from './permalink/index.ts'
/** Permalink code is loaded on demand: most visits neither share nor open a shared link. */
export const loadPermalink = () => import('./permalink/index.ts')
export { readFragment } from './permalink/fragment.ts'

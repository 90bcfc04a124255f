// The Kubernetes insights the lazily loaded panel needs. Kept out of src/core/index.ts so that
// their text does not weigh on the start-up bundle; only classify.ts is loaded at start-up. The
// rarer ones (the audience catalogue, image pulls, binding steps, reviews) are ./extra.ts, loaded
// for a token that needs them (needsExtraInsights); only their types are here.
export * from './claims.ts'
export * from './identity.ts'
export * from './issuerProvider.ts'
export { API_SERVER_AUDIENCE, isApiServerAudience } from './apiAudience.ts'
export type { AudienceMeaning, AudienceTarget } from './audiences.ts'
export * from './lifetimeCases.ts'
export * from './adviceSteps.ts'
export * from './risks.ts'
export * from './username.ts'
export * from './extension.ts'
export * from './signer.ts'
export * from './version.ts'
export type { ImagePullReading } from './imagePull.ts'
export { attestedGroups, isMergedSpelling, webhookKindName, serviceWebhookAudience } from './webhook.ts'
export type * from './review.ts'
export { needsExtraInsights } from './extraNeeds.ts'

/**
 * Kubernetes: what a service account token says about its cluster. Classifying it (legacy,
 * bound to a pod, a Secret, a node or a webhook, TokenRequest), the identity and username the
 * API server derives, the provider, the lifetime read with the upstream constants, the risks and
 * next steps, with copy-ready commands built only from names that pass Kubernetes' own rules.
 *
 * The Kubernetes panel loads this module after the first view; `classify.ts` and `claims.ts`
 * are in the start-up chunk. The rarer insights (the audience catalogue, image pulls, binding
 * and legacy steps, the rarer lifetimes, reviews) are `./extra.ts`, the on-demand k8sExtra chunk,
 * loaded for a token that needs them (needsExtraInsights); this module takes them as arguments
 * and exports only their types. The files below are public but imported by path: some load in
 * other chunks (re-exported here, they would pull those chunks in with the panel), and the rest
 * are read by other core folders, not by the panel, so they cost its namespace nothing.
 * @byPath ./extra.ts (k8sExtra) ./claimInfo.ts (knowledge) ./webhookChecks.ts (shapes) ./classify.ts (start-up)
 * @byPath ./codes.ts ./nameChecks.ts ./nameRules.ts ./names.ts ./shapeChecks.ts
 * @module
 */
export {
  kubernetesAdviceWith,
  type BindingAdvice,
  type LegacyAdvice,
  type RarerAdvice,
  type AdviceItem,
} from './adviceSteps.ts'
export { isApiServerAudience, API_SERVER_AUDIENCE } from './apiAudience.ts'
export type { AudienceTarget, AudienceMeaning } from './audiences.ts'
export {
  audiences,
  readKubernetesClaims,
  LEGACY_PREFIX,
  LEGACY_CLAIMS,
  LEGACY_ISSUER,
  WEBHOOK_MEMBERS,
  ATTESTATION_MEMBERS,
  KNOWN_NESTED,
  type BoundObjectKind,
  type WebhookBinding,
  type ObjectRef,
  type KubernetesClaims,
} from './claims.ts'
export {
  warnAfter,
  extensionOf,
  kubeletRefreshAfter,
  kubeletRotationAt,
  rotationRule,
  WarnOnlyBoundTokenExpirationSeconds,
  ExpirationExtensionSeconds,
  MinTokenAgeSec,
  DefaultTokenRequestExpirationSeconds,
  MaxAdmissionReviewWebhookTokenExpirationSeconds,
  ApiServerLeewaySeconds,
  KubeletMaxTTLSeconds,
  KubeletMaxJitterSeconds,
  type Extension,
} from './extension.ts'
export { needsExtraInsights } from './extraNeeds.ts'
export { deriveIdentity, type ExtraField, type KubernetesIdentity } from './identity.ts'
export type { ImagePullReading } from './imagePull.ts'
export {
  recognizeProviderWith,
  type ProviderId,
  type ProviderRecognition,
  type AudienceExplainer,
} from './issuerProvider.ts'
export {
  duration,
  analyzeLifetimeWith,
  type LifetimeCase,
  type LifetimeAnalysis,
  type RareLifetimes,
} from './lifetimeCases.ts'
export { bannerId, kubernetesRisks, type RiskFacts } from './risks.ts'
export { signerShape, type SignerKind, type SignerShape } from './signer.ts'
export { makeUsername, splitUsername, USERNAME_PREFIX, type SplitUsername } from './username.ts'
export { clusterVersion, versionPhrase, type VersionSignal, type VersionHint } from './version.ts'
export { webhookKindName, isMergedSpelling, attestedGroups, serviceWebhookAudience } from './webhook.ts'

/**
 * Kubernetes: what a service account token says about its cluster. Classifying it (legacy,
 * bound to a pod, a Secret, a node or a webhook, TokenRequest), the identity and username the
 * API server derives, the provider, the lifetime read with the upstream constants, the risks and
 * next steps, with copy-ready commands built only from names that pass Kubernetes' own rules.
 *
 * The Kubernetes panel loads this module after the first view; `classify.ts` and `claims.ts`
 * are in the start-up chunk. The files below are public but imported by path: two load in other
 * chunks (re-exported here, they would pull those chunks in with the panel), and the rest are
 * read by other core folders, not by the panel, so they cost its namespace nothing.
 * @byPath ./claimInfo.ts (knowledge) ./webhookChecks.ts (shapes) ./classify.ts (start-up)
 * @byPath ./codes.ts ./nameChecks.ts ./nameRules.ts ./names.ts ./shapeChecks.ts
 * @module
 */
export { kubernetesAdvice, type AdviceItem } from './advice.ts'
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
export { deriveIdentity, type ExtraField, type KubernetesIdentity } from './identity.ts'
export { imagePullReading, type ImagePullReading } from './imagePull.ts'
export { analyzeLifetime, type LifetimeCase, type LifetimeAnalysis } from './lifetime.ts'
export {
  recognizeProvider,
  isApiServerAudience,
  type AudienceMeaning,
  type AudienceTarget,
  type ProviderId,
  type ProviderRecognition,
} from './provider.ts'
export { compareReview, type ReviewMatch, type ReviewRow, type ReviewComparison } from './review.ts'
export { bannerId, kubernetesRisks, type RiskFacts } from './risks.ts'
export { signerShape, type SignerKind, type SignerShape } from './signer.ts'
export { makeUsername, splitUsername, USERNAME_PREFIX, type SplitUsername } from './username.ts'
export { clusterVersion, versionPhrase, type VersionSignal, type VersionHint } from './version.ts'
export { webhookKindName, isMergedSpelling, attestedGroups, serviceWebhookAudience } from './webhook.ts'

/**
 * The rarer Kubernetes insights, loaded on demand for a token that needs them (see
 * needsExtraInsights): the audience catalogue, image-pull tokens, the next steps of legacy,
 * webhook-bound and image-pull tokens, the lifetimes of legacy, webhook-bound and IRSA tokens, and the comparison with a pasted TokenReview or SelfSubjectReview. The
 * rest of the insights (./index.ts) take them as arguments (recognizeProviderWith,
 * kubernetesAdviceWith), so that they never import this chunk.
 * @module
 */
export { explainAudience } from './audiences.ts'
export { bindingAdvice } from './bindingAdvice.ts'
export { legacyAdvice } from './legacyAdvice.ts'
export { imagePullReading } from './imagePull.ts'
export { compareReview } from './review.ts'
export { recognizeProvider } from './provider.ts'
export { kubernetesAdvice } from './advice.ts'
export { analyzeLifetime, rareLifetimes } from './lifetime.ts'

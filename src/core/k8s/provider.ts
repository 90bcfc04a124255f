// The provider recognition with the audience catalogue: in the on-demand k8sExtra chunk, with it.
import { explainAudience } from './audiences.ts'
import type { KubernetesClaims } from './claims.ts'
import { recognizeProviderWith, type ProviderRecognition } from './issuerProvider.ts'

export { isApiServerAudience } from './apiAudience.ts'
export type { AudienceMeaning, AudienceTarget } from './audiences.ts'
export type { ProviderId, ProviderRecognition } from './issuerProvider.ts'

/**
 * Recognises the managed service or distribution behind a Kubernetes token from `iss` and `aud`
 * alone, and explains each audience from the catalogue (see recognizeProviderWith).
 */
export function recognizeProvider(c: KubernetesClaims): ProviderRecognition {
  return recognizeProviderWith(c, explainAudience)
}

// The next steps with those of webhook-bound and image-pull tokens: in the on-demand k8sExtra chunk.
import type { KubernetesClaims } from './claims.ts'
import { bindingAdvice } from './bindingAdvice.ts'
import { legacyAdvice } from './legacyAdvice.ts'
import { kubernetesAdviceWith, type AdviceItem } from './adviceSteps.ts'

export type { AdviceItem } from './adviceSteps.ts'

/**
 * Next steps for a Kubernetes token, with copyable commands filled in from its namespace, names
 * and audience, the steps of legacy and binding tokens included (see kubernetesAdviceWith).
 */
export function kubernetesAdvice(c: KubernetesClaims, fromCredentialProvider = false): AdviceItem[] {
  return kubernetesAdviceWith(c, fromCredentialProvider, { bindingAdvice, legacyAdvice })
}

import type { KubernetesInsightsModule } from '../../app/modules.ts'
import type { RiskFacts } from '../../core/index.ts'
import { useNow, useTimeSettings } from '../hooks.ts'

/** The Kubernetes risks at this second, with the validity badge's leeway so the two never disagree. */
export function useKubernetesRisks(facts: RiskFacts, insights: KubernetesInsightsModule) {
  const now = useNow()
  const { leewaySeconds } = useTimeSettings()
  return insights.kubernetesRisks(facts, Math.floor(now / 1000), leewaySeconds)
}

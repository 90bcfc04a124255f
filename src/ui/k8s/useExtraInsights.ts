import { use } from 'react'
import { LoadFailure, modules, type KubernetesExtraInsights } from '../../app/modules.ts'

// Settled and marked the way use() reads a settled promise, so a token that needs nothing renders
// at once instead of suspending for a tick.
const NOT_NEEDED = Object.assign(Promise.resolve({ status: 'idle' as const }), {
  status: 'fulfilled',
  value: { status: 'idle' as const },
})

/**
 * The rarer Kubernetes insights when the token needs them (insights.needsExtraInsights), for a
 * view inside <Deferred>: it suspends while they load, and throws a LoadFailure when they cannot
 * be loaded, which the Deferred around it shows. Undefined for a token that needs none.
 */
export function useExtraInsights(needed: boolean): KubernetesExtraInsights | undefined {
  // Always use(), as useModule does: a view that suspended renders the same hooks when replayed.
  const settled = use(needed ? modules.k8sExtra.load() : NOT_NEEDED)
  if (settled.status === 'ready') return settled.value
  if (settled.status === 'idle') return undefined
  throw new LoadFailure(modules.k8sExtra.what, settled.status === 'failed' ? settled.error : 'not loaded')
}

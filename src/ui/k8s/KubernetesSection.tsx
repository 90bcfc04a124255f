import type { Analysis } from '../../core/index.ts'
import { Deferred } from '../Deferred.tsx'
import { KubernetesInsights } from '../lazyViews.ts'
import './kubernetes.css'

/**
 * The Kubernetes section (risks, identity, shape, provider, lifetime, next steps), for Kubernetes
 * service account tokens only. The insights are mostly prose and commands: they load after the
 * first view, so a plain JWT never pays for them.
 */
export function KubernetesSection({ analysis }: { analysis: Analysis }) {
  if (!analysis.kubernetes) return null
  return (
    <Deferred name="the Kubernetes panel" resetKey={analysis}>
      <KubernetesInsights analysis={analysis} claims={analysis.kubernetes} />
    </Deferred>
  )
}

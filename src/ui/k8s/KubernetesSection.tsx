import type { Analysis } from '../../core/index.ts'
import { Deferred } from '../Deferred.tsx'
import { KubernetesInsights } from '../lazyViews.ts'
import './kubernetes.css'

/**
 * The Kubernetes risk banner or panel, for Kubernetes service account tokens only. The insights
 * are mostly prose and commands: they load after the first view, so a plain JWT never pays for them.
 */
export function KubernetesSection({ analysis, part }: { analysis: Analysis; part: 'banner' | 'panel' }) {
  if (!analysis.kubernetes) return null
  return (
    <Deferred name={part === 'banner' ? 'the Kubernetes risks' : 'the Kubernetes panel'} resetKey={analysis}>
      <KubernetesInsights analysis={analysis} claims={analysis.kubernetes} part={part} />
    </Deferred>
  )
}

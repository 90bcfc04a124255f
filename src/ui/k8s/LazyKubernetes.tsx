import { lazy, Suspense } from 'react'
import { loadKubernetesInsights, type Analysis } from '../../core/index.ts'
import { useAfterFirstView } from '../firstView.ts'
import './kubernetes.css'

type Part = 'banner' | 'panel'

// The insights are mostly prose and commands: loaded on demand, core and view together, so that a
// plain JWT never pays for them.
const Insights = lazy(async () => {
  const [view, insights] = await Promise.all([import('./KubernetesInsights.tsx'), loadKubernetesInsights()])
  return {
    default: (props: { analysis: Analysis; part: Part }) => <view.KubernetesInsights {...props} insights={insights} />,
  }
})

/** The Kubernetes risk banner or panel, for Kubernetes service account tokens only. */
export function KubernetesSection({ analysis, part }: { analysis: Analysis; part: Part }) {
  const ready = useAfterFirstView()
  if (!analysis.kind.startsWith('k8s-') || !ready) return null
  return (
    <Suspense fallback={null}>
      <Insights analysis={analysis} part={part} />
    </Suspense>
  )
}

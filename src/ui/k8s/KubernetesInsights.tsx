import { modules, type KubernetesInsightsModule } from '../../app/modules.ts'
import {
  showDeceptive,
  type Analysis,
  type JsonObject,
  type KubernetesClaims,
  type RiskFacts,
} from '../../core/index.ts'
import { useModule, useNow, useTimeSettings } from '../hooks.ts'
import { KubernetesAdvice } from './KubernetesAdvice.tsx'
import { KubernetesIdentity } from './KubernetesIdentity.tsx'
import { KubernetesProvider } from './KubernetesProvider.tsx'
import { KubernetesShape } from './KubernetesShape.tsx'
import { ReviewComparison } from './ReviewComparison.tsx'

interface Props {
  analysis: Analysis
  /** The token's Kubernetes claims, as analyze() read them. */
  claims: KubernetesClaims
  part: 'banner' | 'panel'
}

// The banner speaks of risk levels; the level is the diagnostic's registry severity.
const RISK_LABEL = { error: 'High', warning: 'Medium', info: 'Low' } as const

function RiskBanner({ facts, insights }: { facts: RiskFacts; insights: KubernetesInsightsModule }) {
  const now = useNow()
  // The same leeway as the validity badge, so the banner and the badge never disagree.
  const { leewaySeconds } = useTimeSettings()
  const risks = insights.kubernetesRisks(facts, Math.floor(now / 1000), leewaySeconds)
  if (risks.length === 0) return null
  return (
    <section className="k8s-risks" aria-labelledby="k8s-risks-title" data-testid="k8s-risks">
      <h2 id="k8s-risks-title">Kubernetes risks</h2>
      <ul>
        {risks.map((r) => (
          <li
            key={r.code}
            className={`risk risk-${r.severity}`}
            data-testid="risk"
            data-risk={insights.bannerId(r)}
            data-code={r.code}
            data-severity={r.severity}
          >
            <span className="risk-severity">{RISK_LABEL[r.severity]}</span> {showDeceptive(r.message)}
          </li>
        ))}
      </ul>
    </section>
  )
}

function Lifetime({
  claims,
  header,
  insights,
}: {
  claims: KubernetesClaims
  header: JsonObject | undefined
  insights: KubernetesInsightsModule
}) {
  const l = insights.analyzeLifetime(claims, insights.signerShape(header, claims).kind)
  return (
    <div data-testid="k8s-lifetime" data-case={l.case}>
      <h3>Lifetime</h3>
      <p>{l.summary}</p>
      {l.notes.length > 0 && (
        <ul className="k8s-notes">
          {l.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  )
}

/** The risk banner (`part="banner"`) or the Kubernetes panel of a service account token. */
export function KubernetesInsights({ analysis, claims, part }: Props) {
  const insights = useModule(modules.insights)
  const payload = analysis.decoded.payload
  if (payload.kind !== 'claims') return null
  const header = analysis.decoded.header?.value
  const context = analysis.extraction.context
  const fromCredentialProvider = context?.kind === 'credential-provider'
  const review = context?.kind === 'review' ? context : undefined
  const identity = insights.deriveIdentity(claims)
  if (part === 'banner')
    return (
      <RiskBanner
        facts={{
          claims,
          payload: payload.json.value,
          header,
          diagnostics: analysis.diagnostics,
        }}
        insights={insights}
      />
    )
  return (
    <section className="panel panel-k8s" aria-labelledby="k8s-title" data-testid="kubernetes-panel">
      <div className="panel-head">
        <h2 id="k8s-title">Kubernetes</h2>
      </div>
      <KubernetesIdentity identity={identity} />
      {review && <ReviewComparison review={review} identity={identity} insights={insights} />}
      <KubernetesShape
        claims={claims}
        header={header}
        insights={insights}
        fromCredentialProvider={fromCredentialProvider}
      />
      <KubernetesProvider recognition={insights.recognizeProvider(claims)} />
      <Lifetime claims={claims} header={header} insights={insights} />
      <KubernetesAdvice items={insights.kubernetesAdvice(claims, fromCredentialProvider)} />
    </section>
  )
}

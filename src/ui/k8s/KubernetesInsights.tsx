import { modules, type KubernetesExtraInsights, type KubernetesInsightsModule } from '../../app/modules.ts'
import {
  showDeceptive,
  type Analysis,
  type JsonObject,
  type KubernetesClaims,
  type RiskFacts,
} from '../../core/index.ts'
import { Section } from '../common/Section.tsx'
import { Deferred } from '../Deferred.tsx'
import { useModule } from '../hooks.ts'
import { ReviewComparison } from '../lazyViews.ts'
import { useExtraInsights } from './useExtraInsights.ts'
import { useKubernetesRisks } from './useRisks.ts'
import { KubernetesAdvice } from './KubernetesAdvice.tsx'
import { KubernetesIdentity } from './KubernetesIdentity.tsx'
import { KubernetesProvider } from './KubernetesProvider.tsx'
import { KubernetesShape } from './KubernetesShape.tsx'

interface Props {
  analysis: Analysis
  /** The token's Kubernetes claims, as analyze() read them. */
  claims: KubernetesClaims
}

// The banner speaks of risk levels; the level is the diagnostic's registry severity.
const RISK_LABEL = { error: 'High', warning: 'Medium', info: 'Low' } as const

function RiskBanner({ facts, insights }: { facts: RiskFacts; insights: KubernetesInsightsModule }) {
  const risks = useKubernetesRisks(facts, insights)
  if (risks.length === 0) return null
  return (
    <section className="k8s-risks" aria-labelledby="k8s-risks-title" data-testid="k8s-risks">
      <h3 id="k8s-risks-title">Risks</h3>
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
  extra,
}: {
  claims: KubernetesClaims
  header: JsonObject | undefined
  insights: KubernetesInsightsModule
  extra: KubernetesExtraInsights | undefined
}) {
  const l = insights.analyzeLifetimeWith(claims, insights.signerShape(header, claims).kind, extra?.rareLifetimes)
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

/** The heading's result: the identity, the number of risks and of next steps. */
function KubernetesResult({
  username,
  facts,
  steps,
  insights,
}: {
  username: string | undefined
  facts: RiskFacts
  steps: number
  insights: KubernetesInsightsModule
}) {
  const risks = useKubernetesRisks(facts, insights).length
  const parts = [
    username === undefined ? 'no identity' : showDeceptive(username),
    risks > 0 && `${risks} ${risks === 1 ? 'risk' : 'risks'}`,
    steps > 0 && `${steps} next ${steps === 1 ? 'step' : 'steps'}`,
  ]
  return <>{parts.filter(Boolean).join(' · ')}</>
}

/**
 * The Kubernetes section of a service account token: its heading states the identity, the risks
 * and the next steps; the risks are shown, the rest is in its fold.
 */
export function KubernetesInsights({ analysis, claims }: Props) {
  const insights = useModule(modules.insights)
  const context = analysis.extraction.context
  const fromCredentialProvider = context?.kind === 'credential-provider'
  const review = context?.kind === 'review' ? context : undefined
  // The rarer insights load for the tokens that need them; the panel waits for them then.
  const extra = useExtraInsights(insights.needsExtraInsights(claims, fromCredentialProvider, review !== undefined))
  const payload = analysis.decoded.payload
  if (payload.kind !== 'claims') return null
  const header = analysis.decoded.header?.value
  const identity = insights.deriveIdentity(claims)
  const facts: RiskFacts = { claims, payload: payload.json.value, header, diagnostics: analysis.diagnostics }
  const advice = insights.kubernetesAdviceWith(claims, fromCredentialProvider, extra)
  return (
    <Section
      id="kubernetes"
      title="Kubernetes"
      testId="kubernetes-panel"
      result={<KubernetesResult username={identity.username} facts={facts} steps={advice.length} insights={insights} />}
      lead={<RiskBanner facts={facts} insights={insights} />}
      fold="Identity, shape, provider, lifetime and next steps"
    >
      <KubernetesIdentity identity={identity} />
      {review && extra && (
        <Deferred name="the review comparison" when="now">
          <ReviewComparison review={review} identity={identity} extra={extra} />
        </Deferred>
      )}
      <KubernetesShape
        claims={claims}
        header={header}
        insights={insights}
        extra={extra}
        fromCredentialProvider={fromCredentialProvider}
      />
      <KubernetesProvider recognition={insights.recognizeProviderWith(claims, extra?.explainAudience)} />
      <Lifetime claims={claims} header={header} insights={insights} extra={extra} />
      <KubernetesAdvice items={advice} />
    </Section>
  )
}

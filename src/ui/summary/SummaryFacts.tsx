import { useSyncExternalStore, type ReactNode } from 'react'
import { modules, type KubernetesInsightsModule } from '../../app/modules.ts'
import { openSections } from '../../app/sections.ts'
import { signatureVerdict } from '../../app/verdict.ts'
import {
  lifetime,
  showDeceptive as shown,
  sortDiagnostics,
  spellDuration,
  toIsoUtc,
  type Analysis,
  type Diagnostic,
  type JsonObject,
  type KubernetesClaims,
} from '../../core/index.ts'
import { useModule } from '../hooks.ts'
import { useKubernetesRisks } from '../k8s/useRisks.ts'
import { useValidity } from '../time/useValidity.ts'
import { issuerHost } from './issuerHost.ts'

const SEVERITY = { error: 'Error', warning: 'Warning', info: 'Note' } as const

/**
 * Takes the reader to a section: opens its fold (a user's choice, so it stays open), then moves
 * the focus to its heading, or to the element `focus` names.
 */
function jumpTo(id: string, focus = `${id}-title`): void {
  openSections.setOpen(id, true)
  // After the fold has opened, so that the target is laid out.
  requestAnimationFrame(() => {
    const el = document.getElementById(focus)
    if (!el) return
    // Headings outside a Section (the decoded token's) take the focus this way too.
    if (!el.matches('input, textarea, select, button, a[href], [tabindex]')) el.tabIndex = -1
    el.scrollIntoView({ block: 'start' })
    el.focus({ preventScroll: true })
  })
}

/** The button at the end of a fact that takes the reader to its section. */
export function Jump({ to, focus, label }: { to: string; focus?: string; label: string }) {
  return (
    <button type="button" className="fact-jump" aria-label={label} title={label} onClick={() => jumpTo(to, focus)}>
      <span className="icon icon-arrow" aria-hidden="true" />
    </button>
  )
}

/** One fact of the card: a name, the answer, and the way to its section. */
export function Fact({ name, state, children }: { name: string; state?: string; children: ReactNode }) {
  return (
    <div
      className="fact"
      data-testid="summary-fact"
      data-fact={name.toLowerCase().replace(/\W+/g, '-')}
      data-state={state}
    >
      <dt>{name}</dt>
      <dd>{children}</dd>
    </div>
  )
}

/** The signature fact: the verification panel's verdict for this token, or "not verified". */
export function SignatureFact({ token }: { token: string }) {
  const verdict = useSyncExternalStore(signatureVerdict.subscribe, signatureVerdict.getSnapshot)
  const mine = verdict?.token === token ? verdict : undefined
  const state = mine?.state ?? 'unverified'
  return (
    <Fact name="Signature" state={state}>
      <span className="fact-main">
        <span className="icon icon-state" aria-hidden="true" />{' '}
        {mine && state !== 'unverified' ? mine.words : 'Decoded, not verified'}
      </span>
      {state === 'unverified' && <span className="fact-detail">only a key you trust can tell who signed it</span>}
      <Jump to="verify" focus="key-input" label="Paste a key to check the signature" />
    </Fact>
  )
}

export function ValidFact({ payload }: { payload: JsonObject }) {
  const { state, words } = useValidity(payload)
  const life = lifetime(payload)
  const exp = typeof payload.exp === 'number' ? toIsoUtc(payload.exp) : undefined
  return (
    <Fact name="Valid now" state={state}>
      <span className="fact-main">
        <span className="icon icon-state" aria-hidden="true" /> {words}
      </span>
      <span className="fact-detail">
        {exp && state !== 'no-expiry' && `exp ${exp.replace('T', ' ').replace('Z', ' UTC')}`}
        {exp && life && ' · '}
        {life && `lifetime ${spellDuration(life.seconds)}`}
      </span>
      <Jump to="time" label="Validity, lifetime and timeline" />
    </Fact>
  )
}

/** The Kubernetes risks that the "Valid now" fact already states, in its own words. */
const SAID_BY_VALIDITY: ReadonlySet<string> = new Set(['K8S_EXPIRED', 'K8S_STALE', 'K8S_NOT_YET_VALID'])

/**
 * The most severe finding, with the way to the rest. A risk that only repeats the validity fact
 * (an expired token's "expired") gives way to the next one; when it is the only one, the fact
 * points up to the validity instead of saying it twice.
 */
export function RiskFact({ top, count, to }: { top: Diagnostic | undefined; count: number; to: string }) {
  return (
    <Fact name="Top risk" state={top?.severity ?? 'none'}>
      <span className="fact-main">
        <span className="icon icon-state" aria-hidden="true" />{' '}
        {top ? (
          <>
            <strong>{SEVERITY[top.severity]}</strong>
            {count > 1 && ` (1 of ${count})`}{' '}
            {SAID_BY_VALIDITY.has(top.code) ? 'its validity, stated above' : shown(top.message)}
          </>
        ) : (
          'none found'
        )}
      </span>
      <Jump to={to} label={to === 'kubernetes' ? 'All Kubernetes risks' : 'All findings'} />
    </Fact>
  )
}

function KubernetesFacts({
  analysis,
  claims,
  payload,
  insights,
  signature,
}: {
  analysis: Analysis
  claims: KubernetesClaims
  payload: JsonObject
  insights: KubernetesInsightsModule
  signature: ReactNode
}) {
  const header = analysis.decoded.header?.value
  const risks = useKubernetesRisks({ claims, payload, header, diagnostics: analysis.diagnostics }, insights)
  const rest = sortDiagnostics(analysis.diagnostics)
  const { username } = insights.deriveIdentity(claims)
  // Its label is the issuer's: the audience catalogue is not needed for it.
  const provider = insights.recognizeProviderWith(claims)
  return (
    <>
      <Fact name="Who">
        <span className="fact-main">
          {username === undefined ? 'no service account named' : <code>{shown(username)}</code>}
        </span>
        <Jump to="kubernetes" label="Identity, groups and extras" />
      </Fact>
      <ValidFact payload={payload} />
      <Fact name="From">
        <span className="fact-main">{shown(provider.label)}</span>
        {claims.iss !== undefined && <span className="fact-detail">{shown(issuerHost(claims.iss))}</span>}
        <Jump to="kubernetes" label="Provider and audience" />
      </Fact>
      {signature}
      {risks.length > 0 ? (
        <RiskFact
          top={risks.find((r) => !SAID_BY_VALIDITY.has(r.code)) ?? risks[0]}
          count={risks.length}
          to="kubernetes"
        />
      ) : (
        <RiskFact top={rest[0]} count={rest.length} to="findings" />
      )}
    </>
  )
}

function K8sFacts(props: { analysis: Analysis; claims: KubernetesClaims; payload: JsonObject; signature: ReactNode }) {
  const insights = useModule(modules.insights)
  return <KubernetesFacts {...props} insights={insights} />
}

/**
 * The summary card's facts for a Kubernetes token: who (the Kubernetes identity), validity now,
 * where the token comes from, the signature, and the top risk. Any other token's are in
 * ./JwtFacts.tsx, loaded on demand for such a token (see SummaryCard).
 */
export function SummaryFacts({ analysis }: { analysis: Analysis }) {
  const { decoded, kind } = analysis
  const p = decoded.payload
  if (!analysis.kubernetes || p.kind !== 'claims') return null
  const signature = kind !== 'invalid' && decoded.form !== 'jwe' && <SignatureFact token={decoded.token} />
  return (
    <dl className="facts">
      <K8sFacts analysis={analysis} claims={analysis.kubernetes} payload={p.json.value} signature={signature} />
    </dl>
  )
}

import {
  showDeceptive,
  type BearerContext,
  type CredentialProviderContext,
  type CsiContext,
  type ReviewContext,
} from '../../core/index.ts'
import { CopyButton } from '../common/CopyButton.tsx'
import { useNow } from '../hooks.ts'

/** The contexts this component shows; the others are the extraction panel's own. */
export type PasteContext = ReviewContext | CsiContext | CredentialProviderContext | BearerContext

function Rows({ rows, kind }: { rows: [string, string][]; kind: string }) {
  return (
    <dl className="extraction-facts" data-testid="extraction-context" data-context={kind}>
      {rows.map(([k, v]) => (
        <div key={k}>
          {/* Pasted text: characters that hide or reorder text are shown as markers. */}
          <dt>{showDeceptive(k)}</dt>
          <dd>{showDeceptive(v)}</dd>
        </div>
      ))}
    </dl>
  )
}

function Review({ context: c }: { context: ReviewContext }) {
  const rows: [string, string][] = [
    ['Review', `${c.review}${c.format === 'table' ? ' (kubectl auth whoami table)' : ''}`],
  ]
  if (c.authenticated !== undefined) rows.push(['status.authenticated', String(c.authenticated)])
  if (c.user) {
    rows.push(['Username', c.user.username ?? '(none)'])
    if (c.user.uid !== undefined) rows.push(['UID', c.user.uid])
    rows.push(['Groups', c.user.groups.join(', ') || '(none)'])
    for (const e of c.user.extra) rows.push([`Extra: ${e.key}`, e.values.join(', ')])
  }
  if (c.specAudiences) rows.push(['spec.audiences', c.specAudiences.join(', ')])
  if (c.statusAudiences) rows.push(['status.audiences', c.statusAudiences.join(', ')])
  if (c.error) rows.push(['status.error', c.error])
  return (
    <div data-testid="review-user" data-username={c.user?.username ?? ''}>
      <Rows rows={rows} kind="review" />
    </div>
  )
}

function Bearer({ context: c }: { context: BearerContext }) {
  const now = useNow() / 1000
  return (
    <div className="bearer" data-testid="bearer-kind" data-bearer={c.bearer}>
      <p>
        <strong>{c.title}.</strong> {c.summary}
      </p>
      {c.expiresAt !== undefined && (
        <p data-testid="bearer-expiry" data-state={now >= c.expiresAt ? 'expired' : 'valid'}>
          {now >= c.expiresAt
            ? 'Expired: the authenticator refuses it ("X-Amz-Date parameter is expired").'
            : `Valid for about ${Math.max(1, Math.round((c.expiresAt - now) / 60))} more minutes.`}
        </p>
      )}
      <Rows rows={c.facts.map((f) => [f.label, f.value])} kind="bearer" />
      {c.command && (
        <div className="k8s-command">
          <pre tabIndex={0}>{c.command}</pre>
          <CopyButton text={c.command} label={`command for the ${c.title}`} />
        </div>
      )}
    </div>
  )
}

/** What a review, a CSI token map, a credential provider request or a non-JWT bearer token says. */
export function KubernetesPasteFacts({ context }: { context: PasteContext }) {
  switch (context.kind) {
    case 'review':
      return <Review context={context} />
    case 'bearer':
      return <Bearer context={context} />
    case 'csi':
      return (
        <Rows
          kind="csi"
          rows={[
            ['Audience', context.audience === '' ? '"" (the API server’s audiences)' : context.audience],
            ['All audiences in the map', context.audiences.map((a) => (a === '' ? '""' : a)).join(', ')],
            ['expirationTimestamp', context.expirationTimestamp ?? '(none)'],
          ]}
        />
      )
    case 'credential-provider':
      return (
        <Rows
          kind="credential-provider"
          rows={[
            ['Image', context.image ?? '(none)'],
            ...Object.entries(context.annotations).map(([k, v]): [string, string] => [`Annotation ${k}`, v]),
          ]}
        />
      )
  }
}

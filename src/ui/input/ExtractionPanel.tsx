import type { Extraction, ExtractionContext } from '../../core/index.ts'
import { KubernetesPasteFacts, type PasteContext } from './KubernetesPasteFacts.tsx'

function isPasteContext(c: ExtractionContext): c is PasteContext {
  return c.kind === 'review' || c.kind === 'csi' || c.kind === 'credential-provider' || c.kind === 'bearer'
}

function Facts({ context }: { context: ExtractionContext }) {
  const rows: [string, string][] = []
  switch (context.kind) {
    case 'secret':
      rows.push(['Secret', `${context.namespace ? `${context.namespace}/` : ''}${context.name ?? '(unnamed)'}`])
      rows.push(['Type', context.type ?? '(none)'])
      if (context.serviceAccountName !== undefined)
        rows.push(['Service account (annotation)', context.serviceAccountName])
      if (context.serviceAccountUid !== undefined)
        rows.push(['Service account UID (annotation)', context.serviceAccountUid])
      rows.push(['ca.crt', context.hasCaCrt ? 'present (not parsed)' : 'absent'])
      break
    case 'kubeconfig':
      rows.push(['User', context.user])
      rows.push([
        'Used by',
        context.contexts.length
          ? context.contexts
              .map(
                (c) =>
                  `context ${c.name} → cluster ${c.cluster ?? '?'}${c.namespace ? `, namespace ${c.namespace}` : ''}`,
              )
              .join('; ')
          : 'no context',
      ])
      rows.push(['Current context', context.currentContext ?? '(none)'])
      break
    case 'token-request':
      if (context.name !== undefined)
        rows.push(['Service account', `${context.namespace ? `${context.namespace}/` : ''}${context.name}`])
      if (context.expirationSeconds !== undefined)
        rows.push(['spec.expirationSeconds', String(context.expirationSeconds)])
      if (context.expirationTimestamp !== undefined)
        rows.push(['status.expirationTimestamp', context.expirationTimestamp])
      if (context.audiences) rows.push(['spec.audiences', context.audiences.join(', ')])
      if (context.boundObject)
        rows.push([
          'spec.boundObjectRef',
          `${context.boundObject.kind ?? '?'} ${context.boundObject.name ?? ''}`.trim(),
        ])
      break
  }
  return (
    <dl className="extraction-facts" data-testid="extraction-context" data-context={context.kind}>
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  )
}

/** Candidates offered in the picker: a paste can hold 25,000 tokens, and a select of all of them is slow to build. */
const MAX_OPTIONS = 500

/** The indexes the picker offers: the first MAX_OPTIONS, and the selected one wherever it is. */
function pickable(count: number, selected: number): number[] {
  const first = Array.from({ length: Math.min(count, MAX_OPTIONS) }, (_, i) => i)
  return selected >= MAX_OPTIONS ? [...first, selected] : first
}

/**
 * Where the token came from, beyond the one-line explanation: a picker when the paste holds
 * several tokens, and what the Secret, kubeconfig or TokenRequest said about it.
 */
export function ExtractionPanel({ extraction, onPick }: { extraction: Extraction; onPick: (index: number) => void }) {
  const { candidates, selected, context } = extraction
  if (candidates.length < 2 && !context) return null
  return (
    <section className="extraction" aria-label="Where the token was found">
      {candidates.length > 1 && (
        <div className="candidate-picker">
          <label htmlFor="token-candidate">
            {candidates.length.toLocaleString('en')} tokens found
            {candidates.length > MAX_OPTIONS ? ` (the first ${MAX_OPTIONS} are offered)` : ''}; decoding
          </label>{' '}
          <select
            id="token-candidate"
            data-testid="token-candidates"
            value={selected}
            onChange={(e) => onPick(Number(e.target.value))}
          >
            {pickable(candidates.length, selected).map((i) => (
              <option key={i} value={i}>
                {candidates[i]?.label}
              </option>
            ))}
          </select>
        </div>
      )}
      {context && (isPasteContext(context) ? <KubernetesPasteFacts context={context} /> : <Facts context={context} />)}
    </section>
  )
}

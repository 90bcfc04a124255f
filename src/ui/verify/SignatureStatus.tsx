import { Fold } from '../common/Section.tsx'
import type { SignatureState, StateMeaning } from '../../core/verify/index.ts'

interface Props {
  state: SignatureState
  /** What the state proves and what it does not (STATE_MEANING, which loads with the verification code). */
  meaning: StateMeaning
  summary: string
  pending: boolean
}

/** The signature result, with what it proves and what it does not. */
export function SignatureStatus({ state, meaning, summary, pending }: Props) {
  return (
    <div
      className={`signature-status sig-${state}`}
      data-testid="signature-status"
      data-state={state}
      aria-busy={pending}
      aria-live="polite"
    >
      <p className="sig-title">
        <strong>{meaning.title}</strong>
        {pending && <span className="sig-pending"> · checking…</span>}
      </p>
      <p className="sig-summary">{summary}</p>
      <Fold id="signature-meaning" summary="What this shows, and what it does not">
        <dl className="sig-meaning">
          <dt>What this shows</dt>
          <dd>{meaning.proves}</dd>
          <dt>What it does not</dt>
          <dd>{meaning.doesNotProve}</dd>
        </dl>
      </Fold>
    </div>
  )
}

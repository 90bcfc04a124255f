import type { StepOutcome, TraceStep, Verdict } from '../../core/apiserver/index.ts'
import { showDeceptive as shown } from '../../core/index.ts'
import { CopyButton } from '../common/CopyButton.tsx'

const TITLE: Record<Verdict['state'], string> = {
  authenticated: 'Authenticated',
  unverified: 'Would be authenticated, if the signature is good',
  rejected: 'Rejected',
  'not-handled': 'Not handled',
  undetermined: 'No verdict',
}

const OUTCOME: Record<StepOutcome, string> = {
  pass: 'Pass',
  fail: 'Fail',
  skip: 'Passed on',
  info: 'Note',
  'not-checked': 'Not checked',
}

/** What the API server would decide, step by step, and as a TokenReview (loaded with its checks). */
export function ApiServerVerdict({ verdict, review }: { verdict: Verdict; review: string }) {
  const settingsInvalid = verdict.settingsErrors.length > 0
  return (
    <div
      className={`apiserver-verdict verdict-${verdict.state}`}
      data-testid="api-server-verdict"
      data-state={verdict.state}
      data-authenticator={verdict.authenticator}
      data-reason={verdict.reason}
      data-username={verdict.user?.username}
      data-uid={verdict.user?.uid}
      aria-live="polite"
    >
      <p>
        <strong>{TITLE[verdict.state]}</strong>
        {verdict.authenticator ? ` by ${verdict.authenticator}` : ''}. {shown(verdict.explanation ?? '')}
        {settingsInvalid && ' The errors are listed with the settings.'}
      </p>
      {verdict.error && (
        <p>
          The API server says: <code className="apiserver-message">{shown(verdict.error)}</code>
        </p>
      )}
      {verdict.cause && verdict.state !== 'not-handled' && !settingsInvalid && (
        <Cause cause={verdict.cause} rejected={verdict.state === 'rejected'} />
      )}
      {verdict.user && <User user={verdict.user} />}
      {verdict.liveChecks.length > 0 && <LiveChecks checks={verdict.liveChecks} />}
      {verdict.trace.length > 0 && <Trace steps={verdict.trace} />}
      {verdict.notes.length > 0 && (
        <ul className="apiserver-notes">
          {verdict.notes.map((n) => (
            <li key={n}>{shown(n)}</li>
          ))}
        </ul>
      )}
      <details className="apiserver-review">
        <summary>As a TokenReview</summary>
        <pre data-testid="token-review">{review}</pre>
        <CopyButton text={review} label="TokenReview" />
      </details>
    </div>
  )
}

/** Which check decided, what it compared, and which inputs to look at. */
function Cause({ cause, rejected }: { cause: NonNullable<Verdict['cause']>; rejected: boolean }) {
  return (
    <dl className="apiserver-cause" data-testid="api-server-cause" data-check={cause.check}>
      <dt>{rejected ? 'Failed check' : 'Check that cannot be made here'}</dt>
      <dd>
        <code>{cause.check}</code>
        {cause.step ? <>: {shown(cause.step.detail)}</> : null}
      </dd>
      {cause.inputs.length > 0 && (
        <>
          <dt>Caused by</dt>
          <dd>{cause.inputs.join('; ')}</dd>
        </>
      )}
    </dl>
  )
}

function User({ user }: { user: NonNullable<Verdict['user']> }) {
  return (
    <dl className="apiserver-user">
      <dt>Username</dt>
      <dd>{shown(user.username) || '(empty)'}</dd>
      {user.uid && (
        <>
          <dt>UID</dt>
          <dd>{shown(user.uid)}</dd>
        </>
      )}
      <dt>Groups</dt>
      <dd>
        <ul>
          {user.groups.map((g) => (
            <li key={g} data-testid="api-server-group">
              {shown(g)}
            </li>
          ))}
        </ul>
      </dd>
      {user.extra.length > 0 && (
        <>
          <dt>Extra</dt>
          <dd>
            <ul>
              {user.extra.map((x) => (
                <li key={x.key}>
                  <code>{shown(x.key)}</code>:{' '}
                  <span data-testid="api-server-extra" data-key={x.key}>
                    {shown(x.values.join(', '))}
                  </span>
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  )
}

/** What only the live cluster can check, each with the kubectl command that shows it. */
function LiveChecks({ checks }: { checks: Verdict['liveChecks'] }) {
  return (
    <div className="apiserver-live">
      <p>Only the live cluster can check:</p>
      <ul>
        {checks.map((c) => (
          <li key={c.id} data-testid="api-server-live-check" data-check={c.id}>
            <span>{shown(c.what)}</span>{' '}
            {c.command ? (
              <span className="apiserver-command">
                <code data-testid="api-server-live-command">{c.command}</code>
                <CopyButton text={c.command} label={`the command for ${c.id}`} />
              </span>
            ) : (
              <em>No command: {shown(c.refused ?? '')}</em>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** Each check in the order the API server makes it, with what it compared and how it came out. */
function Trace({ steps }: { steps: readonly TraceStep[] }) {
  return (
    <details className="apiserver-trace">
      <summary>Step by step ({steps.length} checks)</summary>
      <ol>
        {steps.map((s, i) => (
          <li
            key={i}
            className={`trace-${s.outcome}`}
            data-testid="api-server-step"
            data-check={s.check}
            data-outcome={s.outcome}
            data-authenticator={s.authenticator}
          >
            <span className="trace-outcome">{OUTCOME[s.outcome]}</span>{' '}
            <span className="trace-where">
              {s.authenticator} · <code>{s.check}</code>
            </span>
            <span className="trace-detail">{shown(s.detail)}</span>
          </li>
        ))}
      </ol>
    </details>
  )
}

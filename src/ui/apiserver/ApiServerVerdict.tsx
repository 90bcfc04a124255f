import type { Verdict } from '../../core/apiserver/index.ts'
import { showDeceptive as shown } from '../../core/index.ts'
import { CopyButton } from '../common/CopyButton.tsx'

const TITLE: Record<Verdict['state'], string> = {
  authenticated: 'Authenticated',
  unverified: 'Would be authenticated, if the signature is good',
  rejected: 'Rejected',
  'not-handled': 'Not handled',
  undetermined: 'No verdict',
}

/** What the API server would decide, step by step, and as a TokenReview (loaded with its checks). */
export function ApiServerVerdict({ verdict, review }: { verdict: Verdict; review: string }) {
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
      </p>
      {verdict.settingsErrors.length > 0 && (
        <ul className="apiserver-settings-errors" aria-label="Start-up errors">
          {verdict.settingsErrors.map((e) => (
            <li key={e.message}>
              <code>{e.where}</code>: {e.message}
            </li>
          ))}
        </ul>
      )}
      {verdict.error && (
        <p>
          The API server says: <code className="apiserver-message">{shown(verdict.error)}</code>
        </p>
      )}
      {verdict.user && (
        <dl className="apiserver-user">
          <dt>Username</dt>
          <dd>{shown(verdict.user.username) || '(empty)'}</dd>
          {verdict.user.uid && (
            <>
              <dt>UID</dt>
              <dd>{shown(verdict.user.uid)}</dd>
            </>
          )}
          <dt>Groups</dt>
          <dd>
            <ul>
              {verdict.user.groups.map((g) => (
                <li key={g} data-testid="api-server-group">
                  {shown(g)}
                </li>
              ))}
            </ul>
          </dd>
          {verdict.user.extra.length > 0 && (
            <>
              <dt>Extra</dt>
              <dd>
                <ul>
                  {verdict.user.extra.map((x) => (
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
      )}
      {verdict.liveChecks.length > 0 && (
        <div className="apiserver-live">
          <p>Only the live cluster can check:</p>
          <ul>
            {verdict.liveChecks.map((c) => (
              <li key={c.id}>
                {shown(c.what)} {c.command ? <code>{c.command}</code> : <em>{shown(c.refused ?? '')}</em>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <details className="apiserver-trace">
        <summary>Step by step</summary>
        <ol>
          {verdict.trace.map((s, i) => (
            <li key={i} className={`trace-${s.outcome}`}>
              <strong>
                {s.authenticator} · {s.check}: {s.outcome}
              </strong>{' '}
              {s.detail}
            </li>
          ))}
        </ol>
      </details>
      {verdict.notes.length > 0 && (
        <ul className="apiserver-notes">
          {verdict.notes.map((n) => (
            <li key={n}>{n}</li>
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

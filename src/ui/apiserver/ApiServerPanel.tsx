import { useMemo, useState } from 'react'
import { modules } from '../../app/modules.ts'
import type { Verdict } from '../../core/apiserver/index.ts'
import type { KeyMaterial } from '../../core/verify/index.ts'
import { CopyButton } from '../common/CopyButton.tsx'
import { LoadFailed } from '../Deferred.tsx'
import { useLatest, useModuleState } from '../hooks.ts'
import './apiserver.css'

const TITLE: Record<Verdict['state'], string> = {
  authenticated: 'Authenticated',
  unverified: 'Would be authenticated, if the signature is good',
  rejected: 'Rejected',
  'not-handled': 'Not handled',
  undetermined: 'No verdict',
}

/** Placeholder for spec.token, so the copyable TokenReview is not a credential. */
const TOKEN_PLACEHOLDER = '<the token above>'

/**
 * What the API server would decide for this token: the cluster settings box and the verdict.
 * Settings live in this component only (never in a link or storage). The YAML parser and the CEL
 * evaluator are loaded the first time the settings need them.
 */
export function ApiServerPanel({ token, material }: { token: string; material: KeyMaterial }) {
  const [text, setText] = useState('')
  // The checks come with the verification code, on demand: when the panel is first used.
  const code = useModuleState(modules.apiserver)
  const apiserver = code.status === 'ready' ? code.value : null
  const yaml = useModuleState(modules.yaml)
  const celCode = useModuleState(modules.cel)
  const parseYaml = yaml.status === 'ready' ? yaml.value : undefined
  const cel = celCode.status === 'ready' ? celCode.value : undefined
  const parsed = useMemo(
    () => apiserver?.parseClusterSettings(text, { parseYaml, cel }),
    [apiserver, text, parseYaml, cel],
  )
  const settings = parsed?.settings
  const wantYaml = parsed?.pending === 'yaml' && !parseYaml
  const wantCel = (settings?.celExpressionCount ?? 0) > 0 && !cel
  // Memoised loads: asking again while rendering is harmless.
  if (wantYaml) void modules.yaml.load()
  if (wantCel) void modules.cel.load()
  const failed = [code, yaml, celCode].some((m) => m.status === 'failed')
  const failedWhat = [modules.apiserver, modules.yaml, modules.cel].find(
    (m) => m.getSnapshot().status === 'failed',
  )?.what

  // A verdict for other inputs never stands in for this one's (see Latest).
  const run = useLatest(
    [apiserver, token, settings, material, cel],
    apiserver && settings
      ? () => apiserver.evaluateToken({ token, settings, keys: material, nowMs: Date.now(), cel })
      : null,
  )
  const verdict = run.status === 'done' ? run.value : undefined
  const review =
    verdict && apiserver ? apiserver.tokenReviewYaml(apiserver.tokenReviewFor(verdict, TOKEN_PLACEHOLDER)) : ''

  return (
    <section className="apiserver" data-testid="api-server-panel" aria-labelledby="apiserver-title">
      <h3 id="apiserver-title">Would the cluster accept it?</h3>
      <label htmlFor="cluster-config">
        Cluster settings (optional): an AuthenticationConfiguration, kube-apiserver flags, or the kube-apiserver static
        Pod manifest
      </label>
      <textarea
        id="cluster-config"
        data-testid="cluster-config"
        value={text}
        onChange={(e) => {
          setText(e.target.value)
          void modules.apiserver.load()
        }}
        spellCheck={false}
        autoComplete="off"
        rows={4}
        placeholder="--service-account-issuer=https://kubernetes.default.svc.cluster.local"
      />
      {settings && (
        <ul className="settings-found">
          {settings.found.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
      {failed && failedWhat && <LoadFailed what={failedWhat} />}
      {verdict ? (
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
            {verdict.authenticator ? ` by ${verdict.authenticator}` : ''}. {verdict.explanation}
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
              The API server says: <code className="apiserver-message">{verdict.error}</code>
            </p>
          )}
          {verdict.user && (
            <dl className="apiserver-user">
              <dt>Username</dt>
              <dd>{verdict.user.username || '(empty)'}</dd>
              {verdict.user.uid && (
                <>
                  <dt>UID</dt>
                  <dd>{verdict.user.uid}</dd>
                </>
              )}
              <dt>Groups</dt>
              <dd>
                <ul>
                  {verdict.user.groups.map((g) => (
                    <li key={g} data-testid="api-server-group">
                      {g}
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
                          <code>{x.key}</code>:{' '}
                          <span data-testid="api-server-extra" data-key={x.key}>
                            {x.values.join(', ')}
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
                    {c.what} {c.command ? <code>{c.command}</code> : <em>{c.refused}</em>}
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
      ) : (
        <p className="placeholder">
          {!apiserver
            ? 'Paste a key or the cluster settings to see what the API server would decide.'
            : parsed?.pending || wantCel
              ? 'Loading…'
              : 'Checking…'}
        </p>
      )}
    </section>
  )
}

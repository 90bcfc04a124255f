import { useEffect, useMemo, useState } from 'react'
import {
  evaluateToken,
  parseClusterSettings,
  tokenReviewFor,
  tokenReviewYaml,
  type CelEngine,
  type Verdict,
} from '../../core/apiserver/index.ts'
import type { YamlParser } from '../../core/index.ts'
import type { KeyMaterial } from '../../core/verify/index.ts'
import { CopyButton } from '../common/CopyButton.tsx'
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
  const [parseYaml, setParseYaml] = useState<YamlParser>()
  const [cel, setCel] = useState<CelEngine>()
  const [loadFailed, setLoadFailed] = useState<string>()
  const parsed = useMemo(() => parseClusterSettings(text, { parseYaml, cel }), [text, parseYaml, cel])
  const settings = parsed.settings
  const wantYaml = parsed.pending === 'yaml' && !parseYaml
  const wantCel = (settings?.celExpressionCount ?? 0) > 0 && !cel
  useEffect(() => {
    if (!wantYaml) return
    import('../input/yamlParser.ts').then(
      (m) => setParseYaml(() => m.parseYamlDocuments),
      () => setLoadFailed('the YAML parser'),
    )
  }, [wantYaml])
  useEffect(() => {
    if (!wantCel) return
    import('../../core/cel/index.ts').then(
      (m) => setCel(m.createCelEngine()),
      () => setLoadFailed('the CEL evaluator'),
    )
  }, [wantCel])

  const [result, setResult] = useState<{ for: unknown; verdict: Verdict }>()
  const inputs = useMemo(() => ({ token, settings, material, cel }), [token, settings, material, cel])
  useEffect(() => {
    if (!inputs.settings) return
    let current = true
    evaluateToken({
      token: inputs.token,
      settings: inputs.settings,
      keys: inputs.material,
      nowMs: Date.now(),
      cel: inputs.cel,
    }).then((verdict) => {
      if (current) setResult({ for: inputs, verdict })
    })
    return () => {
      current = false
    }
  }, [inputs])
  // A verdict for other inputs never stands in for this one's.
  const verdict = result?.for === inputs ? result.verdict : undefined
  const review = verdict ? tokenReviewYaml(tokenReviewFor(verdict, TOKEN_PLACEHOLDER)) : ''

  return (
    <section className="apiserver" aria-labelledby="apiserver-title">
      <h3 id="apiserver-title">Would the cluster accept it?</h3>
      <label htmlFor="cluster-config">
        Cluster settings (optional): an AuthenticationConfiguration, kube-apiserver flags, or the kube-apiserver static
        Pod manifest
      </label>
      <textarea
        id="cluster-config"
        data-testid="cluster-config"
        value={text}
        onChange={(e) => setText(e.target.value)}
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
      {loadFailed && <p className="apiserver-error">Couldn’t load {loadFailed}; reload the page to try again.</p>}
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
        <p className="placeholder">{parsed.pending || wantCel ? 'Loading…' : 'Checking…'}</p>
      )}
    </section>
  )
}

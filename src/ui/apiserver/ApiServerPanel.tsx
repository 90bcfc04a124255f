import { useMemo, useState } from 'react'
import { modules } from '../../app/modules.ts'
import type { KeyMaterial } from '../../core/verify/index.ts'
import { Deferred, LoadFailed } from '../Deferred.tsx'
import { ApiServerVerdict } from '../lazyViews.ts'
import { useLatest, useModuleState } from '../hooks.ts'
import './apiserver.css'

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
      {verdict && apiserver ? (
        <Deferred name="the API server's verdict" when="now">
          <ApiServerVerdict
            verdict={verdict}
            review={apiserver.tokenReviewYaml(apiserver.tokenReviewFor(verdict, TOKEN_PLACEHOLDER))}
          />
        </Deferred>
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

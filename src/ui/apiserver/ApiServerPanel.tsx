import { useMemo, useState } from 'react'
import { modules } from '../../app/modules.ts'
import type { ClusterSettings, SettingsError } from '../../core/apiserver/index.ts'
import type { JsonObject } from '../../core/index.ts'
import { showDeceptive as shown } from '../../core/index.ts'
import type { KeyMaterial } from '../../core/verify/index.ts'
import { Deferred, LoadFailed } from '../Deferred.tsx'
import { Fold } from '../common/Section.tsx'
import { ApiServerVerdict } from '../lazyViews.ts'
import { useLatest, useModuleState } from '../hooks.ts'
import { ClaimChecks, type StatedExpectations } from '../verify/ClaimChecks.tsx'
import './apiserver.css'

/** Before the settings are read, they state no issuer or audience. */
const NOTHING_STATED: StatedExpectations = { issuers: [], audiences: [], issuerFrom: [] }

/** Placeholder for spec.token, so the copyable TokenReview is not a credential. */
const TOKEN_PLACEHOLDER = '<the token above>'

export interface ApiServerPanelProps {
  token: string
  material: KeyMaterial
  /** The decoded claims, for the claim checks against the stated issuer and audience. */
  payload: JsonObject | null
  /** Clock skew allowed on exp/nbf by the plain claim checks (the authenticators use upstream's). */
  leewaySeconds: number
  /** Whether the verification panel verified the signature with a pasted key. */
  verified: boolean
}

/**
 * What the API server would decide for this token: the cluster settings box (the one place where
 * the cluster's issuer and audiences are stated), the claim checks against them, and the verdict.
 * Settings live in this component only, like the key: never in a link, the address or storage.
 * The YAML parser and the CEL evaluator are loaded the first time the settings need them.
 */
export function ApiServerPanel({ token, material, payload, leewaySeconds, verified }: ApiServerPanelProps) {
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
  // Start-up errors: those of the settings as read, and (once evaluated) those of the full validation.
  const errors: readonly SettingsError[] = verdict?.settingsErrors.length
    ? verdict.settingsErrors
    : (settings?.errors ?? [])
  const expected = useMemo(
    () => (apiserver && settings ? apiserver.clusterExpectations(settings, token) : NOTHING_STATED),
    [apiserver, settings, token],
  )

  return (
    <section className="apiserver" data-testid="api-server-panel" aria-labelledby="apiserver-title">
      {/* The settings are optional: folded under the question they answer, open once opened. */}
      <Fold
        id="apiserver"
        summary={<h3 id="apiserver-title">Would the cluster accept it? Cluster settings, claim checks, the verdict</h3>}
      >
        <ClusterSettingsBox
          text={text}
          onChange={(v) => {
            setText(v)
            void modules.apiserver.load()
          }}
          settings={settings}
          errors={errors}
        />
        {failed && failedWhat && <LoadFailed what={failedWhat} />}
        <ClaimChecks payload={payload} expected={expected} leewaySeconds={leewaySeconds} verified={verified} />
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
      </Fold>
    </section>
  )
}

const DEFAULTS =
  'No cluster settings: the defaults apply. The token’s own issuer is taken as the service account issuer, and the API audiences default to it, as kubeadm sets them.'

interface BoxProps {
  text: string
  onChange: (text: string) => void
  settings?: ClusterSettings
  errors: readonly SettingsError[]
}

/**
 * The settings text area, what was recognised in it (or that the defaults apply), and the API
 * server's start-up errors, which take the place of a verdict until they are fixed.
 */
function ClusterSettingsBox({ text, onChange, settings, errors }: BoxProps) {
  return (
    <div className="cluster-settings">
      <label htmlFor="cluster-config">
        Cluster settings (optional): an AuthenticationConfiguration, kube-apiserver flags, or the kube-apiserver static
        Pod manifest. They stay in this tab.
      </label>
      <textarea
        id="cluster-config"
        data-testid="cluster-config"
        value={text}
        onChange={(e) => onChange(e.target.value)}
        spellCheck={false}
        autoComplete="off"
        rows={4}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby="cluster-config-found cluster-config-errors"
        placeholder={'--service-account-issuer=https://kubernetes.default.svc.cluster.local\n--api-audiences=…'}
      />
      <div id="cluster-config-found">
        {text.trim() === '' ? (
          // Said before the checks have loaded too: nothing pasted always means upstream's defaults.
          <p className="settings-found" data-testid="cluster-config-defaults">
            {settings?.found[0] ?? DEFAULTS}
          </p>
        ) : (
          <ul
            className="settings-found"
            data-testid="cluster-config-found"
            data-source={settings?.source}
            aria-label="Recognised in the cluster settings"
          >
            {(settings?.found ?? []).map((f) => (
              <li key={f}>{shown(f)}</li>
            ))}
          </ul>
        )}
      </div>
      <div id="cluster-config-errors">
        {errors.length > 0 && (
          <div className="apiserver-settings-errors" role="alert">
            <p>
              <strong>Settings error.</strong> The API server would refuse to start with these settings, so there is no
              verdict until they are fixed:
            </p>
            <ul>
              {errors.map((e, i) => (
                <li key={`${e.code}-${i}`} data-testid="cluster-config-error" data-code={e.code} data-where={e.where}>
                  <code>{shown(e.where)}</code>: {shown(e.message)}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </div>
  )
}

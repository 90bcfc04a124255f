import type { KubernetesExtraInsights, KubernetesInsightsModule } from '../../app/modules.ts'
import { showDeceptive as shown, type KubernetesClaims, type JsonObject } from '../../core/index.ts'

interface Props {
  claims: KubernetesClaims
  header: JsonObject | undefined
  insights: KubernetesInsightsModule
  /** The rarer insights, loaded for a token that needs them (needsExtraInsights); only such a token is read as an image-pull token. */
  extra: KubernetesExtraInsights | undefined
  fromCredentialProvider: boolean
}

/** What the token is bound to, when it is one of the bindings added since 1.33: a webhook configuration. */
function WebhookBinding({ claims, insights }: Pick<Props, 'claims' | 'insights'>) {
  const w = claims.webhooks[0]
  if (!w) return null
  const merged = insights.isMergedSpelling(w)
  const groups = insights.attestedGroups(claims)
  return (
    <div
      className="k8s-block"
      data-testid="k8s-binding"
      data-binding={w.member.toLowerCase()}
      data-spelling={merged ? 'merged' : 'kep'}
    >
      <h3>Bound to an admission webhook</h3>
      <p>
        Bound to the {insights.webhookKindName(w)}{' '}
        <code>{w.ref.name === undefined ? '(no name)' : shown(w.ref.name)}</code>
        {w.ref.uid ? (
          <>
            {' '}
            (uid <code>{shown(w.ref.uid)}</code>)
          </>
        ) : null}
        : the API server minted it for a webhook of that configuration, which authenticates the API server’s
        AdmissionReview calls with it (KEP-6060, Kubernetes 1.37, alpha gate APIServerWebhookAuthenticationToken).
      </p>
      <p data-testid="k8s-spelling">
        {merged ? (
          <>
            Written with the merged names (<code>{w.member}</code>
            {claims.attestations ? (
              <>
                , <code>{claims.attestations.member}</code>
              </>
            ) : null}
            ), as the API server writes them since kubernetes/kubernetes#140113.
          </>
        ) : (
          <>
            Written with the KEP text’s camelCase (<code>{w.member}</code>
            {claims.attestations ? (
              <>
                , <code>{claims.attestations.member}</code>
              </>
            ) : null}
            ). The API server writes and reads <code>{w.member.toLowerCase()}</code>, so it would not see this binding.
          </>
        )}
      </p>
      <p>
        Attested API groups: {groups.length ? groups.map((g) => <code key={g}>{shown(g)} </code>) : 'none'}. The webhook
        may trust that the API server checked the account’s right to attest them (verb attest on
        admissionReviewAPIGroups). Such tokens always live exactly 600 s and are never extended.
      </p>
    </div>
  )
}

function Signer({ claims, header, insights }: Pick<Props, 'claims' | 'header' | 'insights'>) {
  const s = insights.signerShape(header, claims)
  const label = { 'in-process': 'The API server’s own key', external: 'An external signer', unknown: 'Not recognised' }
  return (
    <div className="k8s-block" data-testid="k8s-signer" data-signer={s.kind}>
      <h3>Signer</h3>
      <p>
        <strong>{label[s.kind]}.</strong> {shown(s.explanation)}
      </p>
    </div>
  )
}

function Version({ claims, header, insights }: Pick<Props, 'claims' | 'header' | 'insights'>) {
  const v = insights.clusterVersion(claims, header)
  const phrase = insights.versionPhrase(v)
  return (
    <div className="k8s-block" data-testid="k8s-version" data-min={v.atLeast ?? ''} data-before={v.before ?? ''}>
      <h3>Kubernetes version</h3>
      <p>
        From its shape: <strong>{phrase.charAt(0).toUpperCase() + phrase.slice(1)}</strong>.
      </p>
      {v.evidence.length > 0 && (
        <ul className="k8s-notes">
          {v.evidence.map((e) => (
            <li key={e.signal} data-testid="version-evidence">
              {e.signal}:{' '}
              {e.before
                ? `written before ${e.before}`
                : `${e.since ? `${e.since} or later` : 'alpha only'}${e.alpha && e.alpha.release !== e.since ? ` (${e.alpha.release} with the alpha gate ${e.alpha.gate})` : ''}`}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

function ImagePull({
  claims,
  extra,
  fromCredentialProvider,
}: Pick<Props, 'claims' | 'extra' | 'fromCredentialProvider'>) {
  const r = extra?.imagePullReading(claims, fromCredentialProvider)
  if (!r) return null
  return (
    <div className="k8s-block" data-testid="image-pull" data-certain={String(r.certain)}>
      <h3>Image pulls</h3>
      <p>{shown(r.explanation)}</p>
      <p>{shown(r.restriction)}</p>
    </div>
  )
}

/** The facts a token's shape tells since Kubernetes 1.30: binding, signer, image pulls and the release. */
export function KubernetesShape(props: Props) {
  return (
    <>
      <WebhookBinding claims={props.claims} insights={props.insights} />
      <ImagePull claims={props.claims} extra={props.extra} fromCredentialProvider={props.fromCredentialProvider} />
      {props.claims.shape === 'bound' && (
        <Signer claims={props.claims} header={props.header} insights={props.insights} />
      )}
      <Version claims={props.claims} header={props.header} insights={props.insights} />
    </>
  )
}

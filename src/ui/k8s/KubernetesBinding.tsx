import type { KubernetesExtraInsights, KubernetesInsightsModule } from '../../app/modules.ts'
import { showDeceptive as shown, type KubernetesClaims } from '../../core/index.ts'

// The shape facts of the rarer tokens: a webhook binding and an image-pull token. In the k8sExtra
// chunk, with the insights they read, for the tokens that need them (needsExtraInsights).

interface Props {
  claims: KubernetesClaims
  insights: KubernetesInsightsModule
  extra: KubernetesExtraInsights
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

function ImagePull({ claims, extra, fromCredentialProvider }: Omit<Props, 'insights'>) {
  const r = extra.imagePullReading(claims, fromCredentialProvider)
  if (!r) return null
  return (
    <div className="k8s-block" data-testid="image-pull" data-certain={String(r.certain)}>
      <h3>Image pulls</h3>
      <p>{shown(r.explanation)}</p>
      <p>{shown(r.restriction)}</p>
    </div>
  )
}

/** What the token is bound to (a webhook configuration) and whether it is an image-pull token. */
export function KubernetesBinding(props: Props) {
  return (
    <>
      <WebhookBinding claims={props.claims} insights={props.insights} />
      <ImagePull claims={props.claims} extra={props.extra} fromCredentialProvider={props.fromCredentialProvider} />
    </>
  )
}

import type { KubernetesExtraInsights, KubernetesInsightsModule } from '../../app/modules.ts'
import { Deferred } from '../Deferred.tsx'
import { KubernetesBinding } from '../lazyViews.ts'
import { showDeceptive as shown, type KubernetesClaims, type JsonObject } from '../../core/index.ts'

interface Props {
  claims: KubernetesClaims
  header: JsonObject | undefined
  insights: KubernetesInsightsModule
  /** The rarer insights, loaded for a token that needs them (needsExtraInsights); only such a token is read as an image-pull token. */
  extra: KubernetesExtraInsights | undefined
  fromCredentialProvider: boolean
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

/** The facts a token's shape tells since Kubernetes 1.30: binding, signer, image pulls and the release. */
export function KubernetesShape(props: Props) {
  return (
    <>
      {/* The binding and image-pull facts come with the rarer insights, for the tokens that need them. */}
      {props.extra && (
        <Deferred name="the Kubernetes binding" when="now">
          <KubernetesBinding
            claims={props.claims}
            insights={props.insights}
            extra={props.extra}
            fromCredentialProvider={props.fromCredentialProvider}
          />
        </Deferred>
      )}
      {props.claims.shape === 'bound' && (
        <Signer claims={props.claims} header={props.header} insights={props.insights} />
      )}
      <Version claims={props.claims} header={props.header} insights={props.insights} />
    </>
  )
}

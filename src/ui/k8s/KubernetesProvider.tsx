import { showDeceptive as shown, type ProviderRecognition } from '../../core/index.ts'
import { ShowMore } from '../common/ShowMore.tsx'
import { useGrowingList } from '../common/useGrowingList.ts'

/** Where the issuer and audiences point: a managed service, a distribution, or "cannot tell". */
export function KubernetesProvider({ recognition: p }: { recognition: ProviderRecognition }) {
  // A crafted token can name 30,000 audiences: the first are explained, more on request.
  const audiences = useGrowingList(p.audiences)
  return (
    <div className="k8s-block" data-testid="provider" data-provider={p.provider}>
      <h3>Provider and audience</h3>
      <p>
        <strong>{p.label}.</strong> {shown(p.reason)}
      </p>
      {p.details.length > 0 && (
        <dl className="k8s-facts">
          {p.details.map((d) => (
            <div key={d.label} className="k8s-fact">
              <dt>{d.label}</dt>
              <dd>
                <code>{shown(d.value)}</code>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {p.candidates.length > 0 && <p>Could be: {shown(p.candidates.join('; '))}.</p>}
      {p.audiences.length === 0 ? (
        <p>No audience: the API server treats such a token as meant for itself.</p>
      ) : (
        <>
          <ul className="k8s-list">
            {audiences.shown.map((a, i) => (
              // By position: an audience may be listed twice.
              <li key={i} data-testid="audience" data-target={a.target}>
                <code>{shown(a.audience)}</code>: {shown(a.explanation)}{' '}
                <span className="k8s-aside" data-testid="audience-when-wrong">
                  When it is the wrong one: {shown(a.whenWrong)}
                </span>
              </li>
            ))}
          </ul>
          <ShowMore shown={audiences.shown.length} hidden={audiences.hidden} what="audiences" onMore={audiences.more} />
        </>
      )}
    </div>
  )
}

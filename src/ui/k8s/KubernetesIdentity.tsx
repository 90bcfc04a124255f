import { showDeceptive as shown, type KubernetesIdentity as Identity } from '../../core/index.ts'

/**
 * What the API server would put in TokenReview's status.user for this token. Every value comes
 * from the token, so characters that would hide or reorder text are shown as markers.
 */
export function KubernetesIdentity({ identity }: { identity: Identity }) {
  return (
    <div className="k8s-block" data-testid="identity" data-username={identity.username ?? ''}>
      <h3>Identity the API server derives</h3>
      {identity.username === undefined ? (
        <p>Neither the Kubernetes claims nor sub name a service account, so no identity can be derived.</p>
      ) : (
        <dl className="k8s-facts">
          <dt>Username</dt>
          <dd>
            <code>{shown(identity.username)}</code>
            {identity.source === 'sub' && (
              <span className="k8s-aside"> (from sub: the Kubernetes claims do not name the account)</span>
            )}
          </dd>
          {identity.uid && (
            <>
              <dt>UID</dt>
              <dd>
                <code>{shown(identity.uid)}</code>
              </dd>
            </>
          )}
          <dt>Groups</dt>
          <dd>
            <ul className="k8s-list">
              {identity.groups.map((g) => (
                <li key={g} data-testid="group">
                  <code>{shown(g)}</code>
                </li>
              ))}
            </ul>
          </dd>
          <dt>Extra</dt>
          <dd>
            {identity.extra.length === 0 ? (
              'none'
            ) : (
              <ul className="k8s-list">
                {identity.extra.map((e) => (
                  <li key={e.key} data-testid="extra" data-key={e.key}>
                    <code>{shown(e.key)}</code>: <code>{shown(e.value)}</code>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      )}
      {identity.subProblem && (
        <p className="k8s-warning" data-testid="sub-problem">
          sub does not parse as a service account username: {shown(identity.subProblem)}.
        </p>
      )}
      {identity.gatedExtras.length > 0 && (
        <p className="k8s-aside">Depends on the cluster: {identity.gatedExtras.join('; ')}.</p>
      )}
    </div>
  )
}

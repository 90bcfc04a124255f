import type { KidCheck } from '../../core/verify/index.ts'

const LABEL = {
  match: 'Kubernetes key id matches',
  mismatch: 'Kubernetes key id differs',
  'not-applicable': 'Kubernetes key id: not compared',
} as const

/** The token's kid against base64url(SHA-256(DER SPKI)) of the key, as Kubernetes derives it. */
export function KidCheckView({ check }: { check: KidCheck }) {
  return (
    <div className={`kid-check kid-${check.state}`} data-testid="kid-check" data-state={check.state}>
      <p>
        <strong>{LABEL[check.state]}</strong>. {check.message}
      </p>
      {check.tokenKid !== undefined && check.computedKid !== undefined && (
        <dl className="kid-values">
          <dt>Token kid</dt>
          <dd>
            <code>{check.tokenKid}</code>
          </dd>
          <dt>Recomputed from key {check.keyIndex}</dt>
          <dd>
            <code>{check.computedKid}</code>
          </dd>
        </dl>
      )}
      {check.providerNote && <p className="kid-provider-note">{check.providerNote}</p>}
    </div>
  )
}

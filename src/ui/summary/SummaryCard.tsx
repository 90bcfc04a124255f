import { showDeceptive as shown, type Analysis, type TokenKind } from '../../core/index.ts'
import { Deferred } from '../Deferred.tsx'
import { JwtSummaryFacts, SummaryFacts } from '../lazyViews.ts'
import './summary.css'

const KIND_LABELS: Partial<Record<TokenKind, string>> = {
  'k8s-legacy': 'Kubernetes legacy service account token (Secret-based)',
  'k8s-bound-other': 'Kubernetes service account token bound to an unknown object kind',
  'k8s-token-request': 'Kubernetes TokenRequest token (not bound to an object)',
  jwt: 'JSON Web Token',
  jwe: 'Encrypted token (JWE)',
  invalid: 'Not a valid JWT',
}

/** The object kinds a bound token names, by token kind. */
const BOUND_TO: Partial<Record<TokenKind, string>> = {
  'k8s-bound-pod': 'pod',
  'k8s-bound-secret': 'Secret',
  'k8s-bound-node': 'node',
  'k8s-bound-validatingwebhook': 'ValidatingWebhookConfiguration',
  'k8s-bound-mutatingwebhook': 'MutatingWebhookConfiguration',
}

/**
 * The answers first. The kind (with the name of the object a token is bound to) and where the
 * token was found are start-up code; who, validity, origin, signature and the top risk come with
 * the sections after the first view, each with a way to its detailed section.
 */
export function SummaryCard({ analysis }: { analysis: Analysis }) {
  const { kind, decoded, extraction, kubernetes: k } = analysis
  const form =
    decoded.form === 'unsecured'
      ? 'unsecured (alg none, no signature)'
      : decoded.form === 'jws'
        ? 'signed (JWS)'
        : decoded.form === 'jwe'
          ? 'encrypted (JWE)'
          : 'unrecognised structure'
  const object = BOUND_TO[kind]
  const name = object && (k?.pod ?? k?.secret ?? k?.node ?? k?.webhooks[0]?.ref)?.name
  return (
    <section className="summary-card" data-testid="summary-card" aria-labelledby="summary-title">
      <h2 id="summary-title" className="summary-kind">
        <span data-testid="token-kind" data-kind={kind} className={`kind kind-${kind}`}>
          <span className="kind-label">
            {object
              ? `Kubernetes service account token, bound to ${name === undefined ? 'a ' : ''}${object}`
              : KIND_LABELS[kind]}
            {name !== undefined && (
              <>
                {' '}
                <code>{shown(name)}</code>
              </>
            )}
          </span>
        </span>
      </h2>
      <p className="kind-meta">
        {kind !== 'invalid' && <span className="kind-form">{form} · </span>}
        <span data-testid="extracted-from" data-source={extraction.source} className="extracted-from">
          {extraction.explanation}
        </span>
      </p>
      {/* Quiet: a failed load is said by the update notice and by the sections themselves. The
          fallback holds the facts' place, so the details below do not jump when they arrive. */}
      <Deferred name="the summary" resetKey={analysis} quiet fallback={<div className="facts facts-loading" />}>
        {/* A Kubernetes token's facts come with the sections after the first view; any other
            token's are a view of their own, which the Kubernetes tokens never load. */}
        {k && decoded.payload.kind === 'claims' ? (
          <SummaryFacts analysis={analysis} />
        ) : (
          <JwtSummaryFacts analysis={analysis} />
        )}
      </Deferred>
    </section>
  )
}

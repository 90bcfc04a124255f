import type { Analysis, TokenKind } from '../../core/index.ts'

const KIND_LABELS: Record<TokenKind, string> = {
  'k8s-legacy': 'Kubernetes legacy service account token (Secret-based)',
  'k8s-bound-pod': 'Kubernetes service account token bound to a pod',
  'k8s-bound-secret': 'Kubernetes service account token bound to a Secret',
  'k8s-bound-node': 'Kubernetes service account token bound to a node',
  'k8s-bound-validatingwebhook': 'Kubernetes service account token bound to a ValidatingWebhookConfiguration',
  'k8s-bound-mutatingwebhook': 'Kubernetes service account token bound to a MutatingWebhookConfiguration',
  'k8s-bound-other': 'Kubernetes service account token bound to an unknown object kind',
  'k8s-token-request': 'Kubernetes TokenRequest token (not bound to an object)',
  jwt: 'JSON Web Token',
  jwe: 'Encrypted token (JWE)',
  invalid: 'Not a valid JWT',
}

export function TokenSummary({ analysis }: { analysis: Analysis }) {
  const { kind, decoded, extraction } = analysis
  const form =
    decoded.form === 'unsecured'
      ? 'unsecured (alg none, no signature)'
      : decoded.form === 'jws'
        ? 'signed (JWS)'
        : decoded.form === 'jwe'
          ? 'encrypted (JWE)'
          : 'unrecognised structure'
  return (
    <div className="summary">
      <p data-testid="token-kind" data-kind={kind} className={`kind kind-${kind}`}>
        <span className="kind-label">{KIND_LABELS[kind]}</span>
        {kind !== 'invalid' && <span className="kind-form"> · {form}</span>}
      </p>
      <p data-testid="extracted-from" data-source={extraction.source} className="extracted-from">
        {extraction.explanation}
      </p>
      {decoded.form !== 'jwe' && kind !== 'invalid' && (
        <p className="not-verified">
          Decoded, not verified: the claims are shown as written in the token. Only the signature check below, against a
          key you supply, can tell who signed them.
        </p>
      )}
    </div>
  )
}

import type { Analysis } from '../../core/index.ts'
import { CopyButton } from '../common/CopyButton.tsx'

/**
 * A payload that is not claims: encrypted, text, bytes, detached, or a nested token. No
 * Kubernetes token has one, so it is a view of its own, loaded for a token that does.
 */
export function OtherPayload({ analysis, onOpenToken }: { analysis: Analysis; onOpenToken: (token: string) => void }) {
  const p = analysis.decoded.payload
  switch (p.kind) {
    case 'claims':
    case 'none':
      return null
    case 'encrypted':
      return (
        <section className="panel panel-payload" aria-labelledby="payload-title">
          <h2 id="payload-title">Payload</h2>
          <p>
            Encrypted. A JWE's claims can only be read with the recipient's private key, which this page never asks for.
          </p>
        </section>
      )
    default: {
      const body =
        p.kind === 'nested'
          ? p.token
          : p.kind === 'bytes'
            ? p.hex
            : p.kind === 'detached'
              ? '(empty: detached content)'
              : p.text
      const label =
        p.kind === 'nested'
          ? 'Payload (a nested token)'
          : p.kind === 'bytes'
            ? `Payload (${p.length} bytes, hex)`
            : 'Payload (text)'
      return (
        <section className="panel panel-payload" aria-labelledby="payload-title">
          <div className="panel-head">
            <h2 id="payload-title">{label}</h2>
            <CopyButton text={body} label="payload" />
          </div>
          <pre tabIndex={0} className="payload-text">
            {body}
          </pre>
          {p.kind === 'nested' && p.token !== '' && (
            <button type="button" onClick={() => onOpenToken(p.token)}>
              Decode the inner token
            </button>
          )}
        </section>
      )
    }
  }
}

import { useMemo, useState } from 'react'
import { prettyJson, type Analysis, type ClaimRow, type DecodedJson, type Diagnostic } from '../../core/index.ts'
import { ClaimTable } from './ClaimTable.tsx'
import { CopyButton } from '../common/CopyButton.tsx'
import { Deferred } from '../Deferred.tsx'
import { ColoredToken, DisclosuresPanel } from '../lazyViews.ts'

function JsonPanel({
  title,
  part,
  json,
  rows,
  placed,
}: {
  title: string
  part: 'header' | 'payload'
  json: DecodedJson
  rows: ClaimRow[]
  placed: ReadonlyMap<string, Diagnostic[]>
}) {
  const pretty = useMemo(() => prettyJson(json), [json])
  // The source text is put in the page only once opened: for a large token it is a big text node.
  const [sourceOpen, setSourceOpen] = useState(false)
  return (
    <section className={`panel panel-${part}`} aria-labelledby={`${part}-title`}>
      <div className="panel-head">
        <h2 id={`${part}-title`}>{title}</h2>
        <CopyButton text={pretty} label={`${part} JSON`} />
      </div>
      <ClaimTable rows={rows} location={part} placed={placed} />
      <details className="json-source" data-testid="json-source" onToggle={(e) => setSourceOpen(e.currentTarget.open)}>
        <summary>JSON</summary>
        <pre tabIndex={0}>{sourceOpen ? pretty : ''}</pre>
      </details>
    </section>
  )
}

function PayloadPanel({ analysis, onOpenToken }: { analysis: Analysis; onOpenToken: (token: string) => void }) {
  const p = analysis.decoded.payload
  switch (p.kind) {
    case 'claims':
      return (
        <JsonPanel
          title="Payload (claims)"
          part="payload"
          json={p.json}
          rows={analysis.payloadRows}
          placed={analysis.placement.payload}
        />
      )
    case 'encrypted':
      return (
        <section className="panel panel-payload" aria-labelledby="payload-title">
          <h2 id="payload-title">Payload</h2>
          <p>
            Encrypted. A JWE's claims can only be read with the recipient's private key, which this page never asks for.
          </p>
        </section>
      )
    case 'none':
      return null
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

function SignaturePanel({ analysis }: { analysis: Analysis }) {
  const sig = analysis.decoded.signature
  if (!sig) return null
  return (
    <section className="panel panel-signature" aria-labelledby="signature-title">
      <div className="panel-head">
        <h2 id="signature-title">Signature</h2>
        {sig.b64u && <CopyButton text={sig.b64u} label="signature" />}
      </div>
      {sig.b64u === '' ? (
        <p>No signature bytes.</p>
      ) : (
        <>
          <p>
            {sig.length} bytes ({sig.length * 8} bits), base64url:
          </p>
          <pre tabIndex={0} className="signature-text">
            {sig.b64u}
          </pre>
        </>
      )}
    </section>
  )
}

export function DecodedView({ analysis, onOpenToken }: { analysis: Analysis; onOpenToken: (token: string) => void }) {
  const { decoded } = analysis
  return (
    <div className="decoded">
      <section className="panel panel-token" aria-labelledby="token-title">
        <div className="panel-head">
          <h2 id="token-title">Token</h2>
          <CopyButton text={decoded.token} label="token" />
        </div>
        {/* The claims come first; the token's coloured copy (and its marks) follows a frame later. */}
        <Deferred name="the coloured token" resetKey={decoded}>
          <ColoredToken decoded={decoded} />
        </Deferred>
      </section>
      {decoded.header && (
        <JsonPanel
          title="Header"
          part="header"
          json={decoded.header}
          rows={analysis.headerRows}
          placed={analysis.placement.header}
        />
      )}
      <PayloadPanel analysis={analysis} onOpenToken={onOpenToken} />
      {decoded.sdJwt && (
        // Only SD-JWTs have disclosures: the panel loads on demand, after the first view.
        <Deferred name="the disclosures" resetKey={decoded}>
          <DisclosuresPanel sdJwt={decoded.sdJwt} />
        </Deferred>
      )}
      <SignaturePanel analysis={analysis} />
    </div>
  )
}

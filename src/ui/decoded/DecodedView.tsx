import { useState, type ReactNode } from 'react'
import { type Analysis, type ClaimRow, type DecodedJson, type Diagnostic } from '../../core/index.ts'
import { ClaimTable } from './ClaimTable.tsx'
import { NO_FOLDS } from './folds.ts'
import { Deferred } from '../Deferred.tsx'
import { DisclosuresPanel, OtherPayload, PartExtra } from '../lazyViews.ts'

/** The tabs of a part: its rows, or its JSON (the ARIA tabs pattern; the arrow keys, Home and End move). */
function PartTabs({
  part,
  json,
  onJson,
}: {
  part: 'header' | 'payload'
  json: boolean
  onJson: (json: boolean) => void
}) {
  const tab = (isJson: boolean) => (
    <button
      type="button"
      role="tab"
      id={`${part}-tab-${isJson}`}
      aria-selected={json === isJson}
      aria-controls={`${part}-view-${isJson}`}
      tabIndex={json === isJson ? 0 : -1}
      onClick={() => onJson(isJson)}
    >
      {isJson ? 'JSON' : part === 'header' ? 'Parameters' : 'Claims'}
    </button>
  )
  return (
    <div
      role="tablist"
      className="part-tabs"
      aria-label={`${part} view`}
      onKeyDown={(e) => {
        const to = { ArrowLeft: !json, ArrowRight: !json, Home: false, End: true }[e.key]
        if (to === undefined) return
        e.preventDefault()
        onJson(to)
        document.getElementById(`${part}-tab-${to}`)?.focus()
      }}
    >
      {tab(false)}
      {tab(true)}
    </div>
  )
}

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
  placed: ReadonlyMap<number, Diagnostic[]>
}) {
  // Both stay as they are for the next token: a user who reads JSON, or everything expanded, keeps it.
  const [showJson, setShowJson] = useState(false)
  const [folds, setFolds] = useState(NO_FOLDS)
  // Both panels stay in the page, the one not chosen hidden: the rows carry the test hooks.
  const panel = (isJson: boolean, children: ReactNode) => (
    <div
      role="tabpanel"
      id={`${part}-view-${isJson}`}
      aria-labelledby={`${part}-tab-${isJson}`}
      hidden={showJson !== isJson}
      {...(isJson && { className: 'json-source', 'data-testid': 'json-source' })}
    >
      {children}
    </div>
  )
  return (
    <section className={`panel panel-${part}`} aria-labelledby={`${part}-title`}>
      <div className="panel-head">
        <h2 id={`${part}-title`}>{title}</h2>
        <PartTabs part={part} json={showJson} onJson={setShowJson} />
        {/* Copy and expand or collapse all: after the first view, with the rest of the page. */}
        <Deferred name="the part tools">
          <PartExtra
            extra="tools"
            part={part}
            json={json}
            rows={!showJson}
            onFold={(all) => setFolds({ ...NO_FOLDS, all })}
          />
        </Deferred>
      </div>
      {panel(false, <ClaimTable rows={rows} location={part} placed={placed} folds={folds} onFolds={setFolds} />)}
      {/* The source text is put in the page only while shown: for a large token it is a big text node. */}
      {panel(
        true,
        showJson && (
          <Deferred name="the JSON view" when="now">
            <PartExtra extra="json" json={json} part={part} />
          </Deferred>
        ),
      )}
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
    case 'none':
      return null
    default:
      // A payload that is not claims (encrypted, text, bytes, a nested token) is rare: its panel
      // loads on demand, after the first view.
      return (
        <Deferred name="the payload" resetKey={analysis}>
          <OtherPayload analysis={analysis} onOpenToken={onOpenToken} />
        </Deferred>
      )
  }
}

export function DecodedView({ analysis, onOpenToken }: { analysis: Analysis; onOpenToken: (token: string) => void }) {
  const { decoded } = analysis
  return (
    <div className="decoded">
      <section className="panel panel-token" aria-labelledby="token-title">
        <div className="panel-head">
          <h2 id="token-title">Token</h2>
          {/* The claims come first; the token's copy button and coloured copy (with its marks) follow a frame later. */}
          <Deferred name="the coloured token" resetKey={decoded}>
            <PartExtra extra="token" decoded={decoded} />
          </Deferred>
        </div>
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
      {decoded.signature && (
        <Deferred name="the signature" resetKey={analysis}>
          <PartExtra extra="signature" analysis={analysis} />
        </Deferred>
      )}
    </div>
  )
}

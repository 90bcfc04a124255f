import { useMemo, type ReactNode } from 'react'
import { prettyJson, type Analysis, type DecodedJson, type DecodedToken } from '../../core/index.ts'
import { CopyButton } from '../common/CopyButton.tsx'
import { ColoredToken } from './ColoredToken.tsx'

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

/** A decoded part's tools: expand or collapse all its rows (while they are shown), and copy its JSON. */
function PartTools({
  part,
  json,
  rows,
  onFold,
}: {
  part: 'header' | 'payload'
  json: DecodedJson
  /** Whether the rows are shown (not the JSON). */
  rows: boolean
  onFold: (all: boolean) => void
}) {
  return (
    <span className="panel-tools">
      {rows &&
        [true, false].map((all) => (
          <button
            key={String(all)}
            type="button"
            className="link-button"
            aria-label={`${all ? 'Expand' : 'Collapse'} all ${part} rows`}
            onClick={() => onFold(all)}
          >
            {all ? 'Expand' : 'Collapse'} all
          </button>
        ))}
      {/* Printed on the click: for a 1 MB payload that is tens of milliseconds, not every render's. */}
      <CopyButton text={() => prettyJson(json)} label={`${part} JSON`} />
    </span>
  )
}

/** Longest text coloured token by token; beyond it one span per token would cost more than it helps. */
const MAX_COLOURED = 50_000

// A string (a member name when a colon follows), a number, or a literal, in printJson's output.
const TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d[\d.eE+-]*)|\b(true|false|null)\b/g

/** The spans of one JSON text: member names in the part's colour, values by type. */
function colourJson(text: string): ReactNode[] {
  const out: ReactNode[] = []
  let pos = 0
  for (const m of text.matchAll(TOKEN)) {
    if (m.index > pos) out.push(text.slice(pos, m.index))
    const kind = m[1] ? (m[2] ? 'key' : 'string') : m[3] ? 'number' : 'literal'
    out.push(
      <span key={m.index} className={`json-${kind}`}>
        {m[1] ?? m[0]}
      </span>,
    )
    if (m[2]) out.push(m[2])
    pos = m.index + m[0].length
  }
  if (pos < text.length) out.push(text.slice(pos))
  return out
}

/**
 * A part's JSON as the token carries it (pretty-printed, hiding characters escaped), with syntax
 * colours that follow the coloured token: member names in the part's colour (header, payload).
 */
function JsonView({ json, part }: { json: DecodedJson; part: 'header' | 'payload' }) {
  // Printed only while the view is shown: a 1 MB payload's first view does not wait for it.
  const text = useMemo(() => prettyJson(json), [json])
  return (
    <pre tabIndex={0} className={`json-view json-${part}`}>
      {text.length > MAX_COLOURED ? text : colourJson(text)}
    </pre>
  )
}

type Part = 'header' | 'payload'

export type PartExtraProps =
  | { extra: 'signature'; analysis: Analysis }
  | { extra: 'tools'; part: Part; json: DecodedJson; rows: boolean; onFold: (all: boolean) => void }
  | { extra: 'json'; part: Part; json: DecodedJson }
  | { extra: 'token'; decoded: DecodedToken }

/**
 * The decoded parts' pieces that follow the first view (the claims come first), as one lazy view:
 * the token's copy button and coloured copy, the signature, and each part's tools and JSON view.
 * A payload that is not claims has a view of its own (./OtherPayload.tsx), for the tokens that have one.
 */
export function PartExtra(props: PartExtraProps) {
  switch (props.extra) {
    case 'signature':
      return <SignaturePanel analysis={props.analysis} />
    case 'tools':
      return <PartTools {...props} />
    case 'json':
      return <JsonView {...props} />
    case 'token':
      return <ColoredToken decoded={props.decoded} />
  }
}

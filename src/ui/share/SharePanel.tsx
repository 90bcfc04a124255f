import { useEffect, useId, useMemo, useState } from 'react'
import { loadPermalink, type Analysis, type Redaction, type RedactionChoice } from '../../core/index.ts'
import { CopyButton } from '../common/CopyButton.tsx'
import { ShowMore } from '../common/ShowMore.tsx'
import { useGrowingList } from '../common/useGrowingList.ts'
import './share.css'

type LinkState =
  { status: 'pending' } | { status: 'ready'; url: string; redacted: number } | { status: 'refused'; message: string }

const CATEGORIES: { key: keyof Omit<RedactionChoice, 'claims'>; label: string }[] = [
  { key: 'uids', label: 'UIDs' },
  { key: 'names', label: 'Names (Kubernetes objects, people, service account)' },
  { key: 'issuerHost', label: 'Issuer host' },
  { key: 'jti', label: 'Token ID (jti)' },
]

/** The address of this page without its fragment: works over http(s), under any path, and from file://. */
function pageAddress(): string {
  return window.location.href.split('#')[0] as string
}

/** Builds a permalink of the current token, with the user's redactions, and never the signature unless asked. */
export default function SharePanel({
  analysis,
  inheritedRedactions,
}: {
  analysis: Analysis
  inheritedRedactions: Redaction[]
}) {
  const [includeToken, setIncludeToken] = useState(false)
  const [redact, setRedact] = useState<RedactionChoice>({})
  const [link, setLink] = useState<LinkState>({ status: 'pending' })
  const id = useId()

  useEffect(() => {
    let live = true
    void (async () => {
      const permalink = await loadPermalink()
      const built = permalink.buildShareState(analysis, { includeToken, redact, inheritedRedactions })
      if (!built.ok) {
        if (live) setLink({ status: 'refused', message: built.diagnostic.message })
        return
      }
      const fragment = await permalink.encodePermalink(built.state)
      if (live)
        setLink({ status: 'ready', url: `${pageAddress()}#${fragment}`, redacted: built.state.redactions.length })
    })()
    return () => {
      live = false
    }
  }, [analysis, includeToken, redact, inheritedRedactions])

  // A token can have 50,000 claims: the first are offered, more on request; lookups by Set.
  const claimList = useGrowingList(analysis.payloadRows)
  const chosenClaims = useMemo(() => new Set(redact.claims ?? []), [redact.claims])
  const toggleClaim = (pointer: string, on: boolean) => {
    const claims = new Set(redact.claims ?? [])
    if (on) claims.add(pointer)
    else claims.delete(pointer)
    setRedact({ ...redact, claims: [...claims] })
  }

  return (
    <section id="share-panel" className="share-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Share this decoded view</h2>
      <p>
        The link holds the decoded header and claims in its <code>#</code> part, which browsers never send to a server.
        By default the signature is left out, so the link is not a usable credential.
      </p>
      <label className="share-switch">
        <input
          type="checkbox"
          role="switch"
          data-testid="share-include-token"
          checked={includeToken}
          onChange={(e) => setIncludeToken(e.target.checked)}
        />
        Include the full token, signature and all
      </label>
      {includeToken && (
        <p className="share-warning" role="alert">
          Warning: with the signature, the link is a working credential until the token expires. Anyone who gets the
          link can use it to act as this identity. Redaction is off, because the token itself contains every value.
        </p>
      )}
      <fieldset disabled={includeToken} className="share-redactions">
        <legend>Redact before sharing</legend>
        {CATEGORIES.map((c) => (
          <label key={c.key}>
            <input
              type="checkbox"
              data-testid={`redact-${c.key}`}
              checked={redact[c.key] === true}
              onChange={(e) => setRedact({ ...redact, [c.key]: e.target.checked })}
            />
            {c.label}
          </label>
        ))}
        {analysis.payloadRows.length > 0 && (
          <details>
            <summary>Any other claim</summary>
            {claimList.shown.map((row) => (
              <label key={row.index} className="share-claim" style={{ paddingInlineStart: `${row.depth * 1.25}rem` }}>
                <input
                  type="checkbox"
                  data-testid="redact-claim"
                  data-path={row.pointer}
                  checked={chosenClaims.has(row.pointer)}
                  onChange={(e) => toggleClaim(row.pointer, e.target.checked)}
                />
                <code>{row.path.join(' › ')}</code>
              </label>
            ))}
            <ShowMore shown={claimList.shown.length} hidden={claimList.hidden} what="claims" onMore={claimList.more} />
          </details>
        )}
      </fieldset>
      {link.status === 'refused' && <p data-testid="share-refused">{link.message}</p>}
      {link.status === 'ready' && (
        <div className="share-output">
          <label htmlFor={`${id}-link`}>
            Link ({link.url.length.toLocaleString('en')} characters
            {link.redacted > 0 ? `, ${link.redacted} values redacted` : ''})
          </label>
          <div className="share-link-row">
            <input
              id={`${id}-link`}
              data-testid="share-link"
              data-includes-token={includeToken}
              readOnly
              value={link.url}
              onFocus={(e) => e.target.select()}
            />
            <CopyButton text={link.url} label="link" />
          </div>
        </div>
      )}
    </section>
  )
}

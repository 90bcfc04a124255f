import { useId, useMemo, useState } from 'react'
import { modules } from '../../app/modules.ts'
import type { Analysis, ClaimRow, Redaction, RedactionChoice } from '../../core/index.ts'
// The lazily loaded panel may take the permalink module's table directly; start-up never loads it.
import { REDACTION_CATEGORIES } from '../../core/permalink/index.ts'
import { CopyButton } from '../common/CopyButton.tsx'
import { ShowMore } from '../common/ShowMore.tsx'
import { shortLabel } from '../common/textCut.ts'
import { useGrowingList } from '../common/useGrowingList.ts'
import { LoadFailed } from '../Deferred.tsx'
import { useLatest } from '../hooks.ts'
import './share.css'

type Built = { status: 'ready'; url: string; redacted: number } | { status: 'refused'; message: string }

/** Builds the link with the lazily loaded permalink code; a pure async job (see useLatest). */
async function buildLink(
  analysis: Analysis,
  includeToken: boolean,
  redact: RedactionChoice,
  inheritedRedactions: Redaction[],
): Promise<Built> {
  const permalink = await modules.permalink.get()
  const built = permalink.buildShareState(analysis, { includeToken, redact, inheritedRedactions })
  if (!built.ok) return { status: 'refused', message: built.diagnostic.message }
  const fragment = await permalink.encodePermalink(built.state)
  return { status: 'ready', url: `${pageAddress()}#${fragment}`, redacted: built.state.redactions.length }
}

const NO_ROWS: ReadonlySet<number> = new Set()

/** The category switches, from the one table of categories (single claims are picked below them). */
const SWITCHES = Object.values(REDACTION_CATEGORIES).flatMap((c) =>
  c.choice === 'claims' ? [] : [{ key: c.choice, label: c.option }],
)

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
  const id = useId()

  // A token can have 50,000 claims: the first are offered, more on request. The choice is kept
  // by row index, not pointer: the pointers under a 300,000-character name are each that long,
  // and looking 100 of them up in a Set took 170 ms in one render.
  const rows = analysis.payloadRows
  const claimList = useGrowingList(rows)
  const [chosen, setChosen] = useState<{ of: readonly ClaimRow[]; rows: ReadonlySet<number> } | null>(null)
  const chosenRows = chosen?.of === rows ? chosen.rows : NO_ROWS
  const toggleClaim = (row: ClaimRow, on: boolean) => {
    const next = new Set(chosenRows)
    if (on) next.add(row.index)
    else next.delete(row.index)
    setChosen({ of: rows, rows: next })
  }
  // The claims picked for this token's rows (a new token starts with none picked).
  const choice = useMemo<RedactionChoice>(
    () =>
      chosenRows.size === 0
        ? redact
        : { ...redact, claims: [...chosenRows].sort((x, y) => x - y).map((i) => (rows[i] as ClaimRow).pointer) },
    [redact, chosenRows, rows],
  )
  const job = useLatest([analysis, includeToken, choice, inheritedRedactions], () =>
    buildLink(analysis, includeToken, choice, inheritedRedactions),
  )
  const link = job.status === 'done' ? job.value : undefined

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
        {SWITCHES.map((c) => (
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
            <summary>{REDACTION_CATEGORIES.claim.option}</summary>
            {claimList.shown.map((row) => (
              <label key={row.index} className="share-claim" style={{ paddingInlineStart: `${row.depth * 1.25}rem` }}>
                <input
                  type="checkbox"
                  data-testid="redact-claim"
                  data-path={row.pointer}
                  checked={chosenRows.has(row.index)}
                  onChange={(e) => toggleClaim(row, e.target.checked)}
                />
                <code>{row.path.map(shortLabel).join(' › ')}</code>
              </label>
            ))}
            <ShowMore shown={claimList.shown.length} hidden={claimList.hidden} what="claims" onMore={claimList.more} />
          </details>
        )}
      </fieldset>
      {job.status === 'failed' && <LoadFailed what={modules.permalink.what} />}
      {link?.status === 'refused' && <p data-testid="share-refused">{link.message}</p>}
      {link?.status === 'ready' && (
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

import type { OpenedLink } from '../../app/openedLink.ts'
import { showDeceptive } from '../../core/index.ts'
import type { Redaction } from '../../core/index.ts'
import { REDACTION_CATEGORIES } from '../../core/permalink/index.ts'
import { ShowMore } from '../common/ShowMore.tsx'
import { useGrowingList } from '../common/useGrowingList.ts'
import { RemoveFromAddress } from './OpenedLinkBanner.tsx'
import './share.css'

/** The sharer's redactions: a crafted link can list 300,000, so the first are shown and more on request. */
function RedactionList({ redactions }: { redactions: Redaction[] }) {
  const list = useGrowingList(redactions)
  return (
    <>
      <ul data-testid="redaction-list">
        {list.shown.map((r, i) => (
          <li
            // By position: a link may list one pointer twice, and pointers can be very long.
            key={i}
            data-testid="redaction"
            {...(r.location === 'header' ? { 'data-header-path': r.pointer } : { 'data-path': r.pointer })}
            data-category={r.category}
          >
            {r.location === 'header' && 'header '}
            <code>{showDeceptive(r.pointer)}</code> ({REDACTION_CATEGORIES[r.category].short})
          </li>
        ))}
      </ul>
      <ShowMore shown={list.shown.length} hidden={list.hidden} what="redactions" onMore={list.more} />
    </>
  )
}

/** The banner of an opened permalink (a full token, or the decoded claims without their signature), or of a damaged link. */
export function SharedLinkBanner({
  opened,
  shown,
}: {
  opened: Extract<OpenedLink, { type: 'shared' | 'error' }>
  shown: boolean
}) {
  if (opened.type === 'error') {
    return (
      <section
        className="opened-link opened-link-error"
        aria-label="Shared link"
        data-testid="shared-banner"
        data-state="error"
      >
        <h2>This link could not be opened</h2>
        <ul>
          {opened.diagnostics.map((d) => (
            <li key={d.code} data-testid="diagnostic" data-code={d.code} data-severity={d.severity}>
              {d.message}
            </li>
          ))}
        </ul>
      </section>
    )
  }
  const { state } = opened
  if (state.token !== undefined) {
    return (
      <section
        className="opened-link opened-link-token"
        aria-label="Shared link"
        data-testid="shared-banner"
        data-state="full-token"
      >
        <h2>Opened from a shared link that includes the full token</h2>
        <p>
          The person who shared it chose to include the signature, so this is a usable credential. Treat the link like a
          password.
        </p>
        <RemoveFromAddress key={opened.text} />
      </section>
    )
  }
  if (!shown) return null
  return (
    <section
      className="opened-link"
      aria-label="Shared link"
      data-testid="shared-banner"
      data-state="signature-removed"
    >
      <h2>Opened from a shared link</h2>
      <p>
        The signature was removed before sharing: this is <strong>not a usable credential</strong>, and these claims{' '}
        <strong>cannot be verified</strong>. They show what the sharer's page decoded, nothing more.
      </p>
      {state.redactions.length > 0 ? (
        <>
          <p>
            The sharer redacted{' '}
            {state.redactions.length === 1 ? 'one value' : `${state.redactions.length.toLocaleString('en')} values`}:
          </p>
          <RedactionList redactions={state.redactions} />
        </>
      ) : (
        <p>Nothing was redacted.</p>
      )}
    </section>
  )
}

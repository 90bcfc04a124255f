import { useState } from 'react'
import type { OpenedLink } from './useOpenedLink.ts'
import type { Redaction } from '../../core/index.ts'
import { ShowMore } from '../common/ShowMore.tsx'
import { useGrowingList } from '../common/useGrowingList.ts'
import './share.css'

const CATEGORY_LABELS: Record<string, string> = {
  uid: 'UID',
  name: 'name',
  'issuer-host': 'issuer host',
  jti: 'token ID (jti)',
  claim: 'chosen by the sharer',
}

/** Removes the fragment from the current history entry, so the token no longer sits in the address or history. */
function removeFragment() {
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search)
}

function RemoveFromAddress() {
  const [removed, setRemoved] = useState(false)
  if (removed)
    return (
      <p role="status" data-testid="address-cleared">
        The token was removed from the address bar and from this page's history entry.
      </p>
    )
  return (
    <p>
      The address holds a usable, signed token: it stays in the browser history, bookmarks and synced tabs.{' '}
      <button
        type="button"
        data-testid="remove-token-from-url"
        onClick={() => {
          removeFragment()
          setRemoved(true)
        }}
      >
        Remove it from the address bar and history
      </button>
    </p>
  )
}

/** The sharer's redactions: a crafted link can list 300,000, so the first are shown and more on request. */
function RedactionList({ redactions }: { redactions: Redaction[] }) {
  const list = useGrowingList(redactions)
  return (
    <>
      <ul data-testid="redaction-list">
        {list.shown.map((r, i) => (
          // By position: a link may list one pointer twice, and pointers can be very long.
          <li key={i} data-testid="redaction" data-path={r.pointer} data-category={r.category}>
            <code>{r.pointer}</code> ({CATEGORY_LABELS[r.category]})
          </li>
        ))}
      </ul>
      <ShowMore shown={list.shown.length} hidden={list.hidden} what="redactions" onMore={list.more} />
    </>
  )
}

/** Says where the shown token came from when it was opened from the page address, and what that means. */
export default function OpenedLinkBanner({ opened, input }: { opened: OpenedLink | null; input: string }) {
  if (!opened) return null
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
  // A signed token in the address stays there, whatever is typed afterwards: keep offering to remove it.
  if (opened.type === 'token') {
    return (
      <section
        className="opened-link opened-link-token"
        aria-label="Token from the address"
        data-testid="shared-banner"
        data-state="token"
      >
        <h2>Opened from a token in the page address (#{opened.param}=)</h2>
        <RemoveFromAddress key={opened.text} />
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
  if (opened.text !== input) return null
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

import { useState } from 'react'
import type { OpenedLink } from '../../app/openedLink.ts'
import { Deferred } from '../Deferred.tsx'
import { SharedLinkBanner } from '../lazyViews.ts'
import './share.css'

/** Removes the fragment from the current history entry, so the token no longer sits in the address or history. */
function removeFragment() {
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search)
}

export function RemoveFromAddress() {
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

/**
 * Says where the shown token came from when it was opened from the page address, and what that
 * means. `shown`: the page shows the link's own text (the session decides it, once).
 */
export default function OpenedLinkBanner({ opened, shown }: { opened: OpenedLink; shown: boolean }) {
  if (opened.type === 'failed') return null
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
  // A shared link (or a damaged one) comes with the share-link code, and so does its banner.
  return (
    <Deferred name="the shared-link banner" when="now">
      <SharedLinkBanner opened={opened} shown={shown} />
    </Deferred>
  )
}

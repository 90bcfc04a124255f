import { useState } from 'react'
import type { ShownLink } from '../../app/session.ts'
import type { Analysis, Redaction } from '../../core/index.ts'
import { Deferred } from '../Deferred.tsx'
import { SharePanel } from '../lazyViews.ts'

const NONE: Redaction[] = []

/** The share button; the panel and the permalink code load on first use, since most visits never share. */
export function ShareButton({ analysis, link }: { analysis: Analysis; link: ShownLink | null }) {
  const [open, setOpen] = useState(false)
  // Re-sharing a shared view keeps saying what its sharer redacted.
  const inherited = link?.type === 'shared' ? link.state.redactions : NONE
  return (
    <div className="share">
      <button
        type="button"
        data-testid="share-button"
        aria-expanded={open}
        aria-controls="share-panel"
        onClick={() => setOpen(!open)}
      >
        {open ? 'Hide sharing' : 'Share a link…'}
      </button>
      {open && (
        <Deferred name="the share panel" when="now" fallback={<p>Loading…</p>}>
          <SharePanel analysis={analysis} inheritedRedactions={inherited} />
        </Deferred>
      )}
    </div>
  )
}

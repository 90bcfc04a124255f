import { lazy, Suspense, useState } from 'react'
import type { Analysis, Redaction } from '../../core/index.ts'
import type { OpenedLink } from './useOpenedLink.ts'

// The panel and the permalink code load on first use: most visits never share.
const SharePanel = lazy(() => import('./SharePanel.tsx'))

const NONE: Redaction[] = []

export function ShareButton({ analysis, opened }: { analysis: Analysis; opened: OpenedLink | null }) {
  const [open, setOpen] = useState(false)
  // Re-sharing a shared view keeps saying what its sharer redacted.
  const inherited = opened?.type === 'shared' && opened.text === analysis.input ? opened.state.redactions : NONE
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
        <Suspense fallback={<p>Loading…</p>}>
          <SharePanel analysis={analysis} inheritedRedactions={inherited} />
        </Suspense>
      )}
    </div>
  )
}

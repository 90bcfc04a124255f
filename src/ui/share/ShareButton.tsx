import { lazy, Suspense, useState } from 'react'
import type { Analysis } from '../../core/index.ts'

// The panel and the permalink code load on first use: most visits never share.
const SharePanel = lazy(() => import('./SharePanel.tsx'))

export function ShareButton({ analysis }: { analysis: Analysis }) {
  const [open, setOpen] = useState(false)
  return (
    <div className="share">
      <button type="button" data-testid="share-button" aria-expanded={open} aria-controls="share-panel" onClick={() => setOpen(!open)}>
        {open ? 'Hide sharing' : 'Share a link…'}
      </button>
      {open && (
        <Suspense fallback={<p>Loading…</p>}>
          <SharePanel analysis={analysis} />
        </Suspense>
      )}
    </div>
  )
}

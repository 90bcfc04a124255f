import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react'
import { addressFor, VIEWS } from '../../app/address.ts'
import type { ViewId } from '../../app/workbench.ts'
import { Deferred } from '../Deferred.tsx'
import { useSession, useWorkbench } from '../hooks.ts'
import { CompareView, ComposeView } from '../lazyViews.ts'
import './tabs.css'

const LABELS: Record<ViewId, string> = { decode: 'Decode', compare: 'Compare', compose: 'Compose' }

/**
 * The three views' tabs, and the compare and compose panels. Loaded after the first view (or at
 * once when the address opens another view): the decode view's own panel is in App.tsx.
 */
export function Views() {
  const { workbench } = useSession()
  const { view } = useWorkbench()
  // The address follows the open view while it names no token (see addressFor).
  useEffect(() => {
    const next = addressFor(view, window.location.hash)
    if (next !== undefined)
      history.replaceState(history.state, '', next || window.location.pathname + window.location.search)
  }, [view])
  return (
    <>
      <ViewTabs view={view} open={workbench.open} />
      <ViewPanel id="compare" view={view}>
        <Deferred name="the compare view" when="now">
          <CompareView />
        </Deferred>
      </ViewPanel>
      <ViewPanel id="compose" view={view}>
        <Deferred name="the compose view" when="now">
          <ComposeView />
        </Deferred>
      </ViewPanel>
    </>
  )
}

/**
 * ARIA tabs (WAI-ARIA APG, automatic activation): the arrow keys, Home and End move between them,
 * and only the open one is in the tab order.
 */
function ViewTabs({ view, open }: { view: ViewId; open: (view: ViewId) => void }) {
  const onKeyDown = (e: KeyboardEvent) => {
    const at = VIEWS.indexOf(view)
    const to = { ArrowRight: at + 1, ArrowLeft: at + VIEWS.length - 1, Home: 0, End: VIEWS.length - 1 }[e.key]
    if (to === undefined) return
    e.preventDefault()
    const next = VIEWS[to % VIEWS.length] as ViewId
    open(next)
    document.getElementById(`tab-${next}`)?.focus()
  }
  return (
    <div role="tablist" aria-label="Views" className="view-tabs" onKeyDown={onKeyDown}>
      {VIEWS.map((v) => (
        <button
          key={v}
          type="button"
          role="tab"
          id={`tab-${v}`}
          aria-selected={v === view}
          aria-controls={`panel-${v}`}
          tabIndex={v === view ? 0 : -1}
          onClick={() => open(v)}
        >
          {LABELS[v]}
        </button>
      ))}
    </div>
  )
}

/**
 * One view's tab panel. Its content is rendered once the view has been opened and then stays,
 * hidden while another view is open: a closed panel keeps its hooks and its state.
 */
function ViewPanel({ id, view, children }: { id: ViewId; view: ViewId; children: ReactNode }) {
  const [opened, setOpened] = useState(view === id)
  if (view === id && !opened) setOpened(true)
  return (
    <div role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={view !== id}>
      {opened && children}
    </div>
  )
}

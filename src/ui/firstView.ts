import { useEffect, useState, useSyncExternalStore } from 'react'

// Everything the first decoded view does not need (the knowledge base, verification, time
// details, Kubernetes insights, the opened-link banner) waits until that view is on screen, so
// that its download and parsing never delay the name/value rows. On a visit that shows no token,
// the wait ends once the page has loaded and gone idle, so the first paste finds it all ready.

const IDLE_FALLBACK_MS = 2000

let shown = false
const listeners = new Set<() => void>()

function release() {
  if (shown) return
  shown = true
  listeners.forEach((l) => l())
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

if (typeof window !== 'undefined') {
  const idle = () =>
    window.requestIdleCallback
      ? window.requestIdleCallback(release, { timeout: IDLE_FALLBACK_MS })
      : setTimeout(release, IDLE_FALLBACK_MS)
  if (document.readyState === 'complete') idle()
  else window.addEventListener('load', () => setTimeout(idle, IDLE_FALLBACK_MS), { once: true })
}

/** True once the first decoded view has been shown (or the page has idled without one). */
export function useAfterFirstView(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => shown,
    () => false,
  )
}

/**
 * Call from the component that shows the decoded view, with whether it is showing one. The
 * release happens after the browser has had a frame to paint the view.
 */
export function useMarkFirstView(showing: boolean): void {
  useEffect(() => {
    if (!showing || shown) return
    const frame = requestAnimationFrame(() => setTimeout(release, 0))
    return () => cancelAnimationFrame(frame)
  }, [showing])
}

/**
 * Whether the panels that follow the claims (time, Kubernetes, verification) are shown. After an
 * empty input they are held back for one frame, so that a freshly pasted token's rows reach the
 * screen before those panels are built; while a shown token is edited they stay mounted (the
 * verification panel keeps the pasted key).
 */
export function useFollowingPanels(showing: boolean): boolean {
  const [shownFor, setShown] = useState(false)
  if (!showing && shownFor) setShown(false)
  useEffect(() => {
    if (!showing || shownFor) return
    const frame = requestAnimationFrame(() => setShown(true))
    return () => cancelAnimationFrame(frame)
  }, [showing, shownFor])
  return showing && shownFor
}

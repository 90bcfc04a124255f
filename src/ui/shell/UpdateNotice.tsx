import { useEffect, useState, useSyncExternalStore } from 'react'
import { loadFailures } from '../../app/modules.ts'
import './update-notice.css'

/**
 * Says when a new version of the app has taken over (the service worker updates on the next
 * visit), or when part of the app could not be loaded: a tab left open across a deployment still
 * runs the old code, whose lazily loaded chunks the new deployment no longer has. Either way the
 * page keeps running what it has until it is reloaded.
 */
export function UpdateNotice() {
  const [updated, setUpdated] = useState(false)
  const failed = useSyncExternalStore(loadFailures.subscribe, loadFailures.getSnapshot)
  useEffect(() => {
    const sw = 'serviceWorker' in navigator ? navigator.serviceWorker : undefined
    // Only an already-controlled page is being updated: the very first install also fires controllerchange.
    if (!sw?.controller) return
    const onChange = () => setUpdated(true)
    sw.addEventListener('controllerchange', onChange)
    return () => sw.removeEventListener('controllerchange', onChange)
  }, [])
  if (!updated && failed.length === 0) return null
  return (
    <div
      role="status"
      className="update-notice"
      data-testid="update-notice"
      data-reason={updated ? 'updated' : 'load-failed'}
    >
      {updated
        ? 'JWT Explorer was updated. '
        : `Part of JWT Explorer (${failed.join(', ')}) could not be loaded: most likely a new version was deployed since this tab was opened. `}
      <button type="button" onClick={() => window.location.reload()}>
        Reload to use the new version
      </button>
    </div>
  )
}

import { useEffect, useState } from 'react'
import './update-notice.css'

/**
 * Says when a new version of the app has taken over (the service worker updates on the next visit).
 * The page keeps running the old code until it is reloaded.
 */
export function UpdateNotice() {
  const [updated, setUpdated] = useState(false)
  useEffect(() => {
    const sw = 'serviceWorker' in navigator ? navigator.serviceWorker : undefined
    // Only an already-controlled page is being updated: the very first install also fires controllerchange.
    if (!sw?.controller) return
    const onChange = () => setUpdated(true)
    sw.addEventListener('controllerchange', onChange)
    return () => sw.removeEventListener('controllerchange', onChange)
  }, [])
  if (!updated) return null
  return (
    <div role="status" className="update-notice" data-testid="update-notice">
      JWT Explorer was updated.{' '}
      <button type="button" onClick={() => window.location.reload()}>
        Reload to use the new version
      </button>
    </div>
  )
}

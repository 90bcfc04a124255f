import { lazy, Suspense } from 'react'
import type { Analysis } from '../../core/index.ts'
import { useAfterFirstView } from '../firstView.ts'
import { useTimeSettings } from '../timeSettings.ts'

// jose and react-query stay out of the start-up chunk: the panel loads when a token is shown.
const VerifyPanel = lazy(() => import('./VerifyPanel.tsx'))

/**
 * Where the verification panel goes. Its clock leeway is the one set in the time panel, so the
 * validity badge and the claim checks agree. It stays mounted while the token is edited, even
 * through broken states, so the pasted key is not lost.
 */
export function VerifySlot({ analysis }: { analysis: Analysis }) {
  const { leewaySeconds } = useTimeSettings()
  const loading = <p className="placeholder">Loading signature verification…</p>
  // jose and react-query start loading once the decoded view is on screen, not before.
  if (!useAfterFirstView()) return loading
  return (
    <Suspense fallback={loading}>
      <VerifyPanel analysis={analysis} leewaySeconds={leewaySeconds} />
    </Suspense>
  )
}

import type { Analysis } from '../../core/index.ts'
import { Deferred } from '../Deferred.tsx'
import { useTimeSettings } from '../hooks.ts'
import { VerifyPanel } from '../lazyViews.ts'

/**
 * Where the verification panel goes. Its clock leeway is the one set in the time panel, so the
 * validity badge and the claim checks agree. It stays mounted while the token is edited, even
 * through broken states, so the pasted key is not lost. A panel that cannot be loaded says so in
 * its place: the decoded claims stay.
 */
export function VerifySlot({ analysis }: { analysis: Analysis }) {
  const { leewaySeconds } = useTimeSettings()
  return (
    <Deferred name="signature verification" fallback={<p className="placeholder">Loading signature verification…</p>}>
      <VerifyPanel analysis={analysis} leewaySeconds={leewaySeconds} />
    </Deferred>
  )
}

import { lazy, Suspense } from 'react'
import type { ClaimRow } from '../../core/index.ts'

// The conversions load with the rest of the time feature, after the first paint; until then the
// row shows the number as written.
const NumericDateDetails = lazy(() => import('./NumericDateDetails.tsx'))

/** A NumericDate claim's row value: the number, its UTC instant, its local form, and how far from now. */
export function NumericDateValue({ row, seconds }: { row: ClaimRow; seconds: number }) {
  return (
    <Suspense fallback={<code className="claim-value">{row.rawNumber ?? String(seconds)}</code>}>
      <NumericDateDetails row={row} seconds={seconds} />
    </Suspense>
  )
}

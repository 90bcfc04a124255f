import { lazy, Suspense } from 'react'
import type { ClaimRow } from '../../core/index.ts'
import { useAfterFirstView } from '../firstView.ts'

// The conversions load with the rest of the time feature, after the first decoded view; until
// then the row shows the number as written.
const NumericDateDetails = lazy(() => import('./NumericDateDetails.tsx'))

/** A NumericDate claim's row value: the number, its UTC instant, its local form, and how far from now. */
export function NumericDateValue({ row, seconds }: { row: ClaimRow; seconds: number }) {
  const asWritten = <code className="claim-value">{row.rawNumber ?? String(seconds)}</code>
  if (!useAfterFirstView()) return asWritten
  return (
    <Suspense fallback={asWritten}>
      <NumericDateDetails row={row} seconds={seconds} />
    </Suspense>
  )
}

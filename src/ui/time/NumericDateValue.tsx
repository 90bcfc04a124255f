import type { ClaimRow } from '../../core/index.ts'
import { Deferred } from '../Deferred.tsx'
import { NumericDateDetails } from '../lazyViews.ts'

/** A NumericDate claim's row value: the number, its UTC instant, its local form, and how far from now. */
export function NumericDateValue({ row, seconds }: { row: ClaimRow; seconds: number }) {
  // The conversions load with the rest of the time feature, after the first decoded view; until
  // then, or if they cannot be loaded (the time panel says so), the row shows the number as written.
  const asWritten = <code className="claim-value">{row.rawNumber ?? String(seconds)}</code>
  return (
    <Deferred name="the date conversions" fallback={asWritten} quiet resetKey={row}>
      <NumericDateDetails row={row} seconds={seconds} />
    </Deferred>
  )
}

import {
  isNumericDatePointer,
  rowItems,
  rowValueText,
  showDeceptive,
  showDeceptiveJson,
  type ClaimRow,
} from '../../core/index.ts'
import { NumericDateValue } from '../time/NumericDateValue.tsx'
import { LongText } from '../common/LongText.tsx'
import { ScalarList } from './ScalarList.tsx'

/**
 * A claim value, always rendered as text: claim values are untrusted input. Characters that
 * would reorder, hide or imitate text are shown as markers such as ⟨U+202E⟩.
 */
export function ClaimValue({ row }: { row: ClaimRow }) {
  const v = row.value
  if (typeof v === 'number' && Number.isFinite(v) && isNumericDatePointer(row.pointer))
    return <NumericDateValue row={row} seconds={v} />
  if (row.rawNumber)
    return (
      <code className="claim-value">
        <LongText text={row.rawNumber} />
      </code>
    )
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) {
    if (v.length === 0) return <code className="claim-value">[] (empty array)</code>
    // rowItems gives large or out-of-range numbers as their exact text, not JavaScript's rounding.
    return <ScalarList items={rowItems(row)} />
  }
  if (typeof v === 'string')
    return (
      <code className="claim-value claim-string">
        {v === '' ? '"" (empty string)' : <LongText text={showDeceptive(v)} />}
      </code>
    )
  // rowValueText keeps the exact text of large and out-of-range numbers inside the structure.
  return (
    <code className="claim-value">
      <LongText text={showDeceptiveJson(rowValueText(row, 1))} />
    </code>
  )
}

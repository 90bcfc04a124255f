import {
  isNumericDatePointer,
  showDeceptive,
  showDeceptiveJson,
  type ClaimRow,
  type JsonValue,
} from '../../core/index.ts'
import { NumericDateValue } from '../time/NumericDateValue.tsx'
import { ScalarList } from './ScalarList.tsx'

function render(v: JsonValue): string {
  return typeof v === 'string' ? showDeceptive(v) : showDeceptiveJson(JSON.stringify(v, null, 1))
}

/**
 * A claim value, always rendered as text: claim values are untrusted input. Characters that
 * would reorder, hide or imitate text are shown as markers such as ⟨U+202E⟩.
 */
export function ClaimValue({ row }: { row: ClaimRow }) {
  const v = row.value
  if (typeof v === 'number' && Number.isFinite(v) && isNumericDatePointer(row.pointer))
    return <NumericDateValue row={row} seconds={v} />
  if (row.rawNumber) return <code className="claim-value">{row.rawNumber}</code>
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) {
    if (v.length === 0) return <code className="claim-value">[] (empty array)</code>
    return <ScalarList items={v} />
  }
  if (typeof v === 'string')
    return <code className="claim-value claim-string">{v === '' ? '"" (empty string)' : showDeceptive(v)}</code>
  return <code className="claim-value">{render(v)}</code>
}

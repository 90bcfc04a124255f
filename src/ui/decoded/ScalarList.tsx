import { useRef, useState } from 'react'
import { showDeceptive, type JsonValue } from '../../core/index.ts'
import { LongText } from '../common/LongText.tsx'

/** Values rendered at first; a token with thousands of groups would otherwise build thousands of rows. */
const FIRST = 100
/** Values added per "Show more", so that no single click builds a huge list at once. */
const STEP = 1000

function text(v: JsonValue): string {
  return showDeceptive(typeof v === 'string' ? v : JSON.stringify(v))
}

/**
 * A claim whose value is an array of scalars (groups, roles, audiences), one item per value. Long
 * arrays start with their first hundred values and grow on request: the cost of a paste then
 * stays the same however many groups the token carries.
 */
export function ScalarList({ items }: { items: readonly JsonValue[] }) {
  // Keyed on the array itself, so that a new paste starts collapsed again without an effect.
  const [expanded, setExpanded] = useState<{ of: readonly JsonValue[]; count: number } | null>(null)
  const listRef = useRef<HTMLUListElement>(null)
  const shown = Math.min(items.length, expanded?.of === items ? expanded.count : FIRST)
  const rest = items.length - shown
  const showMore = (count: number) => {
    setExpanded({ of: items, count })
    // The button goes away once everything is shown; keep the keyboard user in the list.
    if (count >= items.length) listRef.current?.focus()
  }
  return (
    <>
      <ul className="claim-array" data-testid="claim-array" ref={listRef} tabIndex={-1}>
        {items.slice(0, shown).map((x, i) => (
          <li key={i}>
            <code className="claim-value">
              <LongText text={text(x)} />
            </code>
          </li>
        ))}
      </ul>
      {rest > 0 && (
        <p className="claim-array-more" data-testid="claim-array-more" data-hidden-count={rest}>
          {`Showing ${shown.toLocaleString('en')} of ${items.length.toLocaleString('en')} values. `}
          {/* No "show all": 30,000 values in one click would freeze the page, so every click adds a step. */}
          <button type="button" className="link-button" onClick={() => showMore(shown + STEP)}>
            Show {Math.min(rest, STEP).toLocaleString('en')} more
          </button>
        </p>
      )}
    </>
  )
}

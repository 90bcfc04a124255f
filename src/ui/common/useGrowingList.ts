import { useState } from 'react'

/** Items a long list shows at first, and how many one "show more" adds (bounded, so clicks stay quick). */
export const FIRST_ITEMS = 100
export const MORE_ITEMS = 200

/**
 * The first items of a list that a crafted token or link can make huge (disclosures, redactions,
 * audiences), growing by MORE_ITEMS on request. Keyed on the list itself, so that a new token
 * starts collapsed again without an effect.
 */
export function useGrowingList<T>(items: readonly T[], first = FIRST_ITEMS) {
  const [grown, setGrown] = useState<{ of: readonly T[]; count: number } | null>(null)
  const count = Math.min(items.length, grown?.of === items ? grown.count : first)
  return {
    shown: count === items.length ? items : items.slice(0, count),
    hidden: items.length - count,
    more: () => setGrown({ of: items, count: count + MORE_ITEMS }),
  }
}

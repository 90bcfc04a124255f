import type { ClaimRow } from './rows.ts'

/**
 * How many rows the claim tables build at first. A crafted token can hold 50,000 claims, or one
 * object with 50,000 members; rendering each would freeze the page for seconds, so the tables
 * show the first members of each object and the first rows in all, with "show more" for the rest.
 */
export const ROW_LIMITS = {
  /** Members shown per object (the top level counts as one) until more are asked for. */
  perGroup: 100,
  /** Rows shown in all until more are asked for. */
  total: 200,
  /** Rows one "show more" adds: bounded, so that every click is answered quickly. */
  step: 200,
} as const

/** One line of a claim table: a row, or a "show more" line standing for hidden rows. */
export type RowItem =
  | { kind: 'row'; row: ClaimRow }
  | {
      kind: 'more'
      /** The group whose members are hidden, or null for the top level and for the total limit. */
      group: ClaimRow | null
      /** True for the line at the end that stands for every row past the total limit. */
      total: boolean
      /** Indentation: the depth of the members it stands for. */
      depth: number
      shown: number
      hidden: number
    }

/** How far the user has asked for more: per group (null: the top level), and in all. */
export interface RowExpansion {
  perGroup: ReadonlyMap<ClaimRow | null, number>
  total: number
}

export const NO_EXPANSION: RowExpansion = { perGroup: new Map(), total: 0 }

interface Open {
  group: ClaimRow | null
  depth: number
  shown: number
  hidden: number
  limit: number
}

/**
 * The lines to render for `rows` (all rows, or those a filter kept; in document order, every row
 * after its group heading). Each object shows its first `perGroup` members (plus what `expanded`
 * adds), and at most `total` rows are shown in all; a "more" line follows each cut. Linear.
 */
export function windowRows(
  rows: readonly ClaimRow[],
  expanded: RowExpansion = NO_EXPANSION,
  limits: { perGroup: number; total: number } = ROW_LIMITS,
): RowItem[] {
  const out: RowItem[] = []
  const budget = limits.total + expanded.total
  const limitOf = (group: ClaimRow | null) => limits.perGroup + (expanded.perGroup.get(group) ?? 0)
  const stack: Open[] = [{ group: null, depth: -1, shown: 0, hidden: 0, limit: limitOf(null) }]
  let shownRows = 0
  let pastBudget = 0
  // While inside a hidden member's subtree: the depth of that member.
  let skipping = Infinity
  const close = (o: Open) => {
    if (o.hidden > 0 && pastBudget === 0)
      out.push({ kind: 'more', group: o.group, total: false, depth: o.depth + 1, shown: o.shown, hidden: o.hidden })
  }
  for (const row of rows) {
    if (row.depth <= skipping) skipping = Infinity
    while ((stack[stack.length - 1] as Open).depth >= row.depth) close(stack.pop() as Open)
    if (skipping !== Infinity) continue
    if (shownRows >= budget) {
      pastBudget++
      continue
    }
    const parent = stack[stack.length - 1] as Open
    if (parent.shown >= parent.limit) {
      parent.hidden++
      skipping = row.depth
      continue
    }
    parent.shown++
    shownRows++
    out.push({ kind: 'row', row })
    if (row.isGroup) stack.push({ group: row, depth: row.depth, shown: 0, hidden: 0, limit: limitOf(row) })
  }
  while (stack.length > 0) close(stack.pop() as Open)
  if (pastBudget > 0)
    out.push({ kind: 'more', group: null, total: true, depth: 0, shown: shownRows, hidden: pastBudget })
  return out
}

/** The expansion after the user asked for more at `item` (a "more" line). */
export function expandAt(
  expanded: RowExpansion,
  item: Extract<RowItem, { kind: 'more' }>,
  step = ROW_LIMITS.step,
): RowExpansion {
  if (item.total) return { ...expanded, total: expanded.total + step }
  const perGroup = new Map(expanded.perGroup)
  perGroup.set(item.group, (perGroup.get(item.group) ?? 0) + step)
  // The rows a group shows count against the total too: raise it with the group.
  return { perGroup, total: expanded.total + step }
}

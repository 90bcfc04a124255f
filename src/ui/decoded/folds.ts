import type { ClaimRow } from '../../core/index.ts'

/** Which rows are open: "expand all" or "collapse all" (null: the default), then each row the user toggled. */
export interface Folds {
  all: boolean | null
  /** The rows these toggles are for: a new token starts from `all` again. */
  of: readonly ClaimRow[] | null
  rows: ReadonlyMap<number, boolean>
}

export const NO_FOLDS: Folds = { all: null, of: null, rows: new Map() }

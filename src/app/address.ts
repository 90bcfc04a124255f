/**
 * The page address while the views change: loaded with the tabs, after the first view. Kept apart
 * from src/app/workbench.ts, which the start-up code carries.
 */
import { viewOfHash, type ViewId } from './workbench.ts'

/** The page's three views, in tab order. */
export const VIEWS: readonly ViewId[] = ['decode', 'compare', 'compose']

/**
 * The address to write when `view` opens, or undefined to leave it: it follows the view only
 * while it names no token, so a `#token=` link or a permalink stays as it was opened.
 */
export function addressFor(view: ViewId, hash: string): string | undefined {
  if (hash.length > 1 && viewOfHash(hash) === 'decode') return undefined
  const next = view === 'decode' ? '' : `#${view}`
  return next === hash || (next === '' && hash === '#') ? undefined : next
}

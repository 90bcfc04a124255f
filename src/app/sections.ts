/**
 * What the page remembers about its folds between pastes, in memory only (never in storage, the
 * address or a share link): which sections the user has opened.
 */
import { Store } from './subscribable.ts'

/**
 * The folded sections the user has opened or closed, by section id. A section the user expands
 * stays expanded while the next token is pasted, since the page keeps this outside the views that
 * a new token re-renders. A section never touched keeps its default.
 */
export class OpenSections extends Store<Readonly<Record<string, boolean>>> {
  constructor() {
    super({})
  }

  /** Whether section `id` is open: the user's choice, or `fallback` until there is one. */
  isOpen(id: string, fallback = false): boolean {
    return this.getSnapshot()[id] ?? fallback
  }

  /** Records the user's choice for section `id` (the same choice again changes nothing). */
  setOpen(id: string, open: boolean): void {
    if (this.getSnapshot()[id] === open) return
    this.setState({ ...this.getSnapshot(), [id]: open })
  }
}

/** The page's one set of open sections. */
export const openSections = new OpenSections()

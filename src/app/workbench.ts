import type { Draft, TemplateId } from '../core/index.ts'
import { Store } from './subscribable.ts'

/** The page's three views. */
export type ViewId = 'decode' | 'compare' | 'compose'

/**
 * The view a page address opens: `#compare` and `#compose` their views, anything else (nothing,
 * a `#token=` link, a permalink) the decode view, so those links open exactly as before.
 */
export function viewOfHash(hash: string): ViewId {
  const name = hash.slice(1)
  return name === 'compare' || name === 'compose' ? name : 'decode'
}

export interface WorkbenchSnapshot {
  view: ViewId
  /** The two texts of the compare view: memory only, never in a link. */
  left: string
  right: string
  /**
   * A draft handed to the compose view ("Edit a copy"), with what to say about it; a new object
   * for every hand-over. Header and claims only: a copy is never signed by being copied.
   */
  draft: (Draft & { note?: string | undefined; template?: TemplateId | undefined }) | null
  /**
   * A public key handed to the decode view's verification panel ("Decode and verify"); a new
   * object for every hand-over. Never a private key: the panel screens it as any paste.
   */
  key: { text: string } | null
}

/** What the workbench needs from the browser (a part of the session's environment). */
export interface WorkbenchEnv {
  hash(): string
  onHashChange(listener: () => void): () => void
}

/**
 * Which view is open and what one view hands another, framework-free. Only this state is in the
 * start-up code: the tabs, the compare and compose views and the address they write load later.
 */
export class Workbench extends Store<WorkbenchSnapshot> {
  readonly stop: () => void

  constructor(env: WorkbenchEnv) {
    super({ view: viewOfHash(env.hash()), left: '', right: '', draft: null, key: null })
    // A link opened in the tab (a #token= link, #compare) opens its view.
    this.stop = env.onHashChange(() => this.open(viewOfHash(env.hash())))
  }

  /** Opens a view with what it is handed (the compare texts, a draft, a key). */
  readonly open = (view: ViewId, handed?: Partial<WorkbenchSnapshot>): void => {
    const now = this.getSnapshot()
    if (view !== now.view || handed) this.setState({ ...now, ...handed, view })
  }
}

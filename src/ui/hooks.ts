import { createContext, use, useContext, useEffect, useState, useSyncExternalStore } from 'react'
import { Latest, sameDeps, type LatestState } from '../app/async.ts'
import { LoadFailure, type ModuleLoader, type ModuleState } from '../app/modules.ts'
import type { ExplorerSnapshot, Session } from '../app/session.ts'
import type { TimeSettings } from '../app/settings.ts'

/** The page's session, provided once in main.tsx. */
export const SessionContext = createContext<Session | null>(null)

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession() outside <SessionContext>')
  return session
}

/** The whole application state, through one useSyncExternalStore over the session. */
export function useExplorer(): ExplorerSnapshot {
  const session = useSession()
  return useSyncExternalStore(session.subscribe, session.getSnapshot)
}

/**
 * One slice of the state; the component re-renders only when that slice changes. `select` must
 * return a part of the snapshot (or a primitive), never a new object.
 */
export function useExplorerSlice<T>(select: (snapshot: ExplorerSnapshot) => T): T {
  const session = useSession()
  return useSyncExternalStore(session.subscribe, () => select(session.getSnapshot()))
}

export const useInput = () => useExplorerSlice((s) => s.input)
export const useView = () => useExplorerSlice((s) => s.view)
export const useAfterFirstView = () => useExplorerSlice((s) => s.afterFirstView)
export const useFollowing = () => useExplorerSlice((s) => s.following)

/** The current time in milliseconds, on the session's shared one-second clock. */
export function useNow(): number {
  const { clock } = useSession()
  return useSyncExternalStore(clock.subscribe, clock.getSnapshot)
}

export function useTimeSettings(): TimeSettings {
  const { settings } = useSession()
  return useSyncExternalStore(settings.subscribe, settings.getSnapshot)
}

/** Where a lazily loaded module is: idle, loading, ready or failed. */
export function useModuleState<T>(loader: ModuleLoader<T>): ModuleState<T> {
  return useSyncExternalStore(loader.subscribe, loader.getSnapshot)
}

/** A lazily loaded module once it has arrived, or null (for parts that show something without it). */
export function useModuleValue<T>(loader: ModuleLoader<T>): T | null {
  const state = useModuleState(loader)
  return state.status === 'ready' ? state.value : null
}

/**
 * A lazily loaded module, for a view inside <Deferred>: it suspends while the module loads and
 * throws a LoadFailure when it cannot be loaded, which the Deferred around it shows.
 */
export function useModule<T>(loader: ModuleLoader<T>): T {
  // Always use(), and nothing else: a view that suspended renders the same hooks when replayed.
  const settled = use(loader.load())
  if (settled.status === 'ready') return settled.value
  throw new LoadFailure(loader.what, settled.status === 'failed' ? settled.error : 'not loaded')
}

/**
 * Runs `job` for `deps` and gives its state, with the stale results of earlier deps dropped (see
 * Latest). The state is `pending` from the very render in which the deps change, so a result for
 * other deps never shows. `job` null means nothing to run.
 */
export function useLatest<T>(deps: readonly unknown[], job: (() => Promise<T>) | null): LatestState<T> {
  const [latest] = useState(() => new Latest<T>())
  const state = useSyncExternalStore(latest.subscribe, latest.getSnapshot)
  // Every commit: run() does nothing when the deps are the ones already run for.
  useEffect(() => {
    if (job) void latest.run(deps, job)
    else latest.reset()
  })
  // An unmounted panel's late result is dropped, and its inputs let go.
  useEffect(() => () => latest.reset(), [latest])
  if (!job) return { status: 'idle' }
  return state.status !== 'idle' && sameDeps(state.deps, deps) ? state : { status: 'pending', deps }
}

/** Which view is open and what the views hand each other (see src/app/workbench.ts). */
export function useWorkbench() {
  const { workbench } = useSession()
  return useSyncExternalStore(workbench.subscribe, workbench.getSnapshot)
}

import { Store } from './subscribable.ts'

/**
 * The state of the latest run of an async job: what it was run for (`deps`), and its outcome.
 * A failure is state, never a throw.
 */
export type LatestState<T> =
  | { status: 'idle' }
  | { status: 'pending'; deps: readonly unknown[] }
  | { status: 'done'; deps: readonly unknown[]; value: T }
  | { status: 'failed'; deps: readonly unknown[]; error: unknown }

/** True when two dependency lists hold the same values (compared with Object.is), in order. */
export function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]))
}

/**
 * The page's one pattern for "run a pure async function, drop stale results": verification, the
 * Kubernetes key ids, the share link, opening a permalink, loading an example. Each run is for a
 * list of dependencies (the token, the key material, …); running again for other dependencies
 * makes the previous run stale, and a stale result is dropped when it arrives. Nothing is cached:
 * a result belongs to the run that asked for it, so a verdict can never come from another key or
 * token, and no pasted secret is kept once it is replaced.
 */
export class Latest<T> extends Store<LatestState<T>> {
  constructor() {
    super({ status: 'idle' })
  }

  /**
   * Runs `job` for `deps`, unless the current run is already for the same values. Resolves (never
   * rejects) with this run's settled state while it is still the current run, or with null when
   * it was skipped or has gone stale: a caller that acts on the result acts only on the latest.
   */
  run(deps: readonly unknown[], job: () => Promise<T>): Promise<LatestState<T> | null> {
    const current = this.getSnapshot()
    if (current.status !== 'idle' && sameDeps(current.deps, deps)) return Promise.resolve(null)
    const run: LatestState<T> = { status: 'pending', deps }
    this.setState(run)
    const stillCurrent = () => this.getSnapshot() === run
    let started: Promise<T>
    try {
      started = job()
    } catch (error) {
      started = Promise.reject(error)
    }
    const settle = (next: LatestState<T>) => {
      if (!stillCurrent()) return null
      this.setState(next)
      return next
    }
    return started.then(
      (value) => settle({ status: 'done', deps, value }),
      (error: unknown) => settle({ status: 'failed', deps, error }),
    )
  }

  /** Forgets the current run: its result, when it arrives, is dropped. */
  reset(): void {
    if (this.getSnapshot().status !== 'idle') this.setState({ status: 'idle' })
  }
}

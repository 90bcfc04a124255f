/**
 * A computation in steps: it yields between steps, so that a caller can run each in a task of its
 * own (the session does, for a large paste, so that no task runs long); `runSteps` runs them all.
 */
export type Steps<T> = Generator<void, T, void>

/** Runs every step of `steps` now and gives the result. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next()
    if (r.done) return r.value
  }
}

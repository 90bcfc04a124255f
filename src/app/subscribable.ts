/**
 * The one observable shape of the application layer, after TanStack Query's `Subscribable`:
 * `subscribe` returns its own unsubscribe, and `getSnapshot` returns the same object until
 * something changed, which is exactly what React's `useSyncExternalStore` needs. Nothing here
 * knows about React.
 */
export type Listener = () => void

export class Subscribable {
  protected readonly listeners = new Set<Listener>()

  /** Adds a listener; the returned function removes it. Bound, so it can be passed around. */
  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener)
    this.onSubscribe()
    return () => {
      this.listeners.delete(listener)
      this.onUnsubscribe()
    }
  }

  hasListeners(): boolean {
    return this.listeners.size > 0
  }

  protected notify(): void {
    // A copy: a listener may unsubscribe (or subscribe another) while being called.
    for (const listener of [...this.listeners]) listener()
  }

  protected onSubscribe(): void {}

  protected onUnsubscribe(): void {}
}

/** A value that changes over time: `getSnapshot` is stable between changes. */
export class Store<T> extends Subscribable {
  #state: T

  constructor(initial: T) {
    super()
    this.#state = initial
  }

  readonly getSnapshot = (): T => this.#state

  /** Replaces the value and tells the listeners; the same value again changes nothing. */
  protected setState(next: T): void {
    if (Object.is(next, this.#state)) return
    this.#state = next
    this.notify()
  }
}

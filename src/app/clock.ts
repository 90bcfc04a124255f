import { Subscribable } from './subscribable.ts'

/** What the clock needs from its environment; the page's is the browser's, tests pass fakes. */
export interface ClockEnv {
  now: () => number
  every: (ms: number, tick: () => void) => () => void
}

const browserClock: ClockEnv = {
  now: () => Date.now(),
  every: (ms, tick) => {
    const timer = setInterval(tick, ms)
    return () => clearInterval(timer)
  },
}

/**
 * One shared one-second clock, so that only the components that show time re-render on a tick.
 * It ticks only while someone listens: a page showing no time costs nothing.
 */
export class Clock extends Subscribable {
  #now: number
  #stop: (() => void) | undefined

  constructor(private readonly env: ClockEnv = browserClock) {
    super()
    this.#now = env.now()
  }

  /** The current time in milliseconds, updated about once a second while listened to. */
  readonly getSnapshot = (): number => this.#now

  protected override onSubscribe(): void {
    if (this.#stop) return
    this.#now = this.env.now()
    this.#stop = this.env.every(1000, () => {
      this.#now = this.env.now()
      this.notify()
    })
  }

  protected override onUnsubscribe(): void {
    if (this.hasListeners() || !this.#stop) return
    this.#stop()
    this.#stop = undefined
  }
}

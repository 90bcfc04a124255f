import { useSyncExternalStore } from 'react'

// One shared one-second clock, so that only the components that show time re-render on a tick.
const listeners = new Set<() => void>()
let now = Date.now()
let timer: ReturnType<typeof setInterval> | undefined

function subscribe(listener: () => void) {
  listeners.add(listener)
  if (!timer) {
    now = Date.now()
    timer = setInterval(() => {
      now = Date.now()
      listeners.forEach((l) => l())
    }, 1000)
  }
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && timer) {
      clearInterval(timer)
      timer = undefined
    }
  }
}

/** The current time in milliseconds, updated about once a second. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now)
}

import { useSyncExternalStore } from 'react'

/**
 * Settings that several features read: the zone times are shown in, and the clock-skew leeway
 * applied to exp and nbf (the signature check uses the same leeway). Kept in memory only: the page
 * writes nothing to storage.
 */
export interface TimeSettings {
  /** 'local' (the browser's zone), 'UTC', or an IANA zone id. */
  zone: string
  /** Seconds of clock skew allowed on exp and nbf. */
  leewaySeconds: number
}

let settings: TimeSettings = { zone: 'local', leewaySeconds: 0 }
const listeners = new Set<() => void>()

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function update(patch: Partial<TimeSettings>) {
  settings = { ...settings, ...patch }
  listeners.forEach((l) => l())
}

export function useTimeSettings(): TimeSettings {
  return useSyncExternalStore(subscribe, () => settings)
}

export function setTimeZone(zone: string): void {
  update({ zone })
}

export function setLeewaySeconds(seconds: number): void {
  update({ leewaySeconds: Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0 })
}

/** The zone to hand to Intl: undefined means the browser's own. */
export function intlZone(zone: string): string | undefined {
  return zone === 'local' ? undefined : zone
}

import { Store } from './subscribable.ts'

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

/** The time settings of one session, observable. */
export class Settings extends Store<TimeSettings> {
  constructor(initial: TimeSettings = { zone: 'local', leewaySeconds: 0 }) {
    super(initial)
  }

  setTimeZone(zone: string): void {
    this.setState({ ...this.getSnapshot(), zone })
  }

  /** Anything but a positive finite number means no leeway; fractions are dropped. */
  setLeewaySeconds(seconds: number): void {
    const leewaySeconds = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0
    if (leewaySeconds !== this.getSnapshot().leewaySeconds) this.setState({ ...this.getSnapshot(), leewaySeconds })
  }
}

/** The zone to hand to Intl: undefined means the browser's own. */
export function intlZone(zone: string): string | undefined {
  return zone === 'local' ? undefined : zone
}

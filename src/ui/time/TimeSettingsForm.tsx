import { useId } from 'react'
import { useSession, useTimeSettings } from '../hooks.ts'

// Chromium lists some zones under names the IANA database has since replaced (CLDR keeps the old
// ids stable); offer the names people search for. Intl accepts both spellings.
const RENAMED: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Europe/Kiev': 'Europe/Kyiv',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'America/Godthab': 'America/Nuuk',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Enderbury': 'Pacific/Kanton',
}

let zones: string[] | undefined
function allZones(): string[] {
  zones ??= [...new Set(Intl.supportedValuesOf('timeZone').map((z) => RENAMED[z] ?? z))]
    .filter((z) => z !== 'UTC')
    .sort()
  return zones
}

/** Zone for displayed times and the clock-skew leeway; both live in the session's settings. */
export function TimeSettingsForm() {
  const { zone, leewaySeconds } = useTimeSettings()
  const { settings } = useSession()
  const id = useId()
  const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone
  return (
    <div className="time-settings">
      <div>
        <label htmlFor={`${id}-zone`}>Show times in</label>
        <select
          id={`${id}-zone`}
          data-testid="time-zone"
          value={zone}
          onChange={(e) => settings.setTimeZone(e.target.value)}
        >
          <option value="local">This browser's zone ({localZone})</option>
          <option value="UTC">UTC</option>
          {allZones().map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-leeway`}>Clock-skew leeway (seconds)</label>
        <input
          id={`${id}-leeway`}
          data-testid="leeway"
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          value={leewaySeconds}
          aria-describedby={`${id}-leeway-hint`}
          onChange={(e) => settings.setLeewaySeconds(Number(e.target.value))}
        />
        <p id={`${id}-leeway-hint`} className="hint">
          Applied to exp and nbf. Kubernetes allows 60 s; RFC 7519 leaves it to the verifier, usually a few minutes at
          most.
        </p>
      </div>
    </div>
  )
}

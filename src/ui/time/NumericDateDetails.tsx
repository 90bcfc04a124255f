import { iatInFuture, toIsoUtc, zonedForm, type ClaimRow } from '../../core/index.ts'
import { DiagnosticItem } from '../decoded/DiagnosticList.tsx'
import { intlZone } from '../../app/settings.ts'
import { useNow, useTimeSettings } from '../hooks.ts'
import { RelativeTime } from './RelativeTime.tsx'

function IatInFutureNote({ seconds }: { seconds: number }) {
  const now = useNow()
  const { leewaySeconds } = useTimeSettings()
  const d = iatInFuture({ iat: seconds }, now / 1000, leewaySeconds)
  return d ? (
    <ul className="row-diagnostics">
      <DiagnosticItem d={d} />
    </ul>
  ) : null
}

/**
 * A NumericDate claim: the number as written, the instant in UTC (in a `time` element, the test
 * hook), the same instant in the chosen zone, and how far it is from now.
 */
export default function NumericDateDetails({ row, seconds }: { row: ClaimRow; seconds: number }) {
  const { zone } = useTimeSettings()
  const iso = toIsoUtc(seconds)
  const local = zonedForm(seconds, intlZone(zone))
  return (
    <div className="time-value">
      <code className="claim-value">{row.rawNumber ?? String(seconds)}</code>
      {iso && (
        <>
          <time dateTime={iso} className="time-utc">
            {iso.replace('T', ' ').replace('Z', ' UTC')}
          </time>
          {local && (
            <span className="time-local" data-testid="time-local">
              {local.dateTime} {local.offset}{' '}
              <span className="time-zone">
                ({local.zone === local.zoneName ? local.zone : `${local.zone}, ${local.zoneName}`})
              </span>
            </span>
          )}
          <RelativeTime seconds={seconds} />
        </>
      )}
      {row.pointer === '/iat' && <IatInFutureNote seconds={seconds} />}
    </div>
  )
}

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
 * A NumericDate claim: the number as written, the instant in the chosen zone with its offset (in
 * a `time` element whose `datetime` is the UTC instant, the test hook), how far it is from now,
 * and, in the open row, the zone's name and the instant in UTC. The compact row keeps the first
 * three on as few lines as it can.
 */
export default function NumericDateDetails({ row, seconds }: { row: ClaimRow; seconds: number }) {
  const { zone } = useTimeSettings()
  const iso = toIsoUtc(seconds)
  const local = zonedForm(seconds, intlZone(zone))
  const utc = iso?.replace('T', ' ').replace('Z', ' UTC')
  return (
    <div className="time-value">
      <code className="claim-value">{row.rawNumber ?? String(seconds)}</code>
      {iso &&
        (local ? (
          <time dateTime={iso} className="time-local" data-testid="time-local">
            {local.dateTime} {local.offset}{' '}
            <span className="time-zone" title={local.zoneName}>
              ({local.zone === local.zoneName ? local.zone : `${local.zone}, ${local.zoneName}`})
            </span>
          </time>
        ) : (
          <time dateTime={iso}>{utc}</time>
        ))}
      {iso && <RelativeTime seconds={seconds} />}
      {local && <span className="time-utc">{utc}</span>}
      {row.pointer === '/iat' && <IatInFutureNote seconds={seconds} />}
    </div>
  )
}

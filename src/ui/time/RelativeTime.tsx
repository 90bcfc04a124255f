import { relativePhrase } from '../../core/index.ts'
import { useNow } from '../hooks.ts'

/** The only part of a time row that changes every second, so only it re-renders on each tick. */
export function RelativeTime({ seconds }: { seconds: number }) {
  const now = useNow()
  return (
    <span className="time-relative" data-testid="time-relative">
      {relativePhrase(seconds, now / 1000)}
    </span>
  )
}

import { lifetime, spellDuration, type JsonObject } from '../../core/index.ts'
import { extensionOf, kubeletRotationAt } from '../../core/k8s/extension.ts'
import { Deferred } from '../Deferred.tsx'
import { Section } from '../common/Section.tsx'
import { Timeline } from '../lazyViews.ts'
import { TimeSettingsForm } from './TimeSettingsForm.tsx'
import { useValidity } from './useValidity.ts'
import { ValidityBadge } from './ValidityBadge.tsx'

function LifetimeLine({ payload }: { payload: JsonObject }) {
  const life = lifetime(payload)
  if (!life) return null
  const rotation = kubeletRotationAt(payload)
  const extension = extensionOf(payload)
  const iat = payload.iat as number
  return (
    <>
      <p data-testid="lifetime" data-seconds={life.seconds} className="lifetime">
        Lifetime: <strong>{spellDuration(life.seconds)}</strong> ({life.from === 'iat' ? 'exp − iat' : 'exp − nbf'}
        {life.seconds < 0 ? ', negative: exp comes first' : ''})
      </p>
      {extension && rotation !== undefined && (
        <p className="extended-note">
          A Kubernetes auto-extended token: the kubelet asked for {spellDuration(extension.requestedSeconds)} and
          replaces the token after about {spellDuration(Math.round(rotation - iat))}. The API server accepts it for{' '}
          {extension.fullYear ? 'a whole year' : spellDuration(extension.extendedSeconds)} so that clients which never
          reload it keep working, and records it as stale once warnafter has passed.
        </p>
      )}
    </>
  )
}

/** The heading's result: the validity in words and the lifetime, live. */
function TimeResult({ payload }: { payload: JsonObject }) {
  const { words } = useValidity(payload)
  const life = lifetime(payload)
  return (
    <>
      {words}
      {life && ` · lifetime ${spellDuration(life.seconds)}`}
    </>
  )
}

/**
 * The time section (loaded after the first paint): validity now and the lifetime in view, the
 * timeline and the time settings in its fold.
 */
export default function TimeDetails({ payload }: { payload: JsonObject }) {
  return (
    <Section
      id="time"
      title="Time"
      result={<TimeResult payload={payload} />}
      lead={
        <>
          <ValidityBadge payload={payload} />
          <LifetimeLine payload={payload} />
        </>
      }
      fold="Timeline, time zone and clock-skew leeway"
    >
      <Deferred
        name="the timeline"
        fallback={<p className="timeline-loading">Drawing the timeline…</p>}
        resetKey={payload}
      >
        <Timeline payload={payload} />
      </Deferred>
      <TimeSettingsForm />
    </Section>
  )
}

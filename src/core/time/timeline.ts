import type { JsonObject } from '../encoding/json.ts'
import { spellDuration } from './duration.ts'
import { toIsoUtc } from './iso.ts'
import { kubeletRotationAt, warnAfter } from '../k8s/extension.ts'

/**
 * The picture of a token's life as pure geometry: the UI only draws what this returns, so every
 * position can be tested without a browser.
 */
export type MarkKey = 'iat' | 'nbf' | 'exp' | 'warnafter' | 'rotation'

export interface TimelineMark {
  key: MarkKey
  /** Merged marks at the same instant read "iat = nbf". */
  label: string
  /** Distance from the start of the token's life, e.g. "+1 h 0 min 7 s". */
  detail: string
  at: number
  x: number
  /** 0 is the first row of labels under the axis, 1 the next, and so on, so labels never overlap. */
  lane: number
}

export type SegmentKind = 'before' | 'valid' | 'stale' | 'after' | 'open'

export interface TimelineSegment {
  kind: SegmentKind
  x1: number
  x2: number
}

export interface Timeline {
  /** First label row sits this far below the axis; each further lane adds LANE_HEIGHT. */
  laneTop: number
  laneHeight: number
  shape: 'window' | 'open-ended' | 'no-times'
  width: number
  height: number
  /** y of the axis line. */
  axisY: number
  segments: TimelineSegment[]
  /** x positions where the axis is broken (time skipped or compressed). */
  breaks: number[]
  marks: TimelineMark[]
  now: { x: number; where: 'before' | 'inside' | 'after' }
  /** The same facts in words, for screen readers. */
  summary: string
}

const PAD = 14
const LANE_HEIGHT = 30
const AXIS_Y = 34
/** Width of the zone that stands for "long before" or "long after" the token's life. */
const OUTER_ZONE = (w: number) => Math.min(90, w * 0.16)
/** Share of the axis given to the first part of a broken axis. */
const FOCUS_SHARE = 0.6
/** Length of the arrow that says "and on, for ever". */
const OPEN_ARROW = 24
/** Average glyph width of the 11px label font, to keep labels apart without measuring text. */
const CHAR_WIDTH = 7

function numeric(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

/** Where a mark's label starts: centred under the mark, but kept inside the picture. */
export function labelLeft(m: Pick<TimelineMark, 'label' | 'detail' | 'x'>, width: number): number {
  const w = Math.max(m.label.length, m.detail.length) * CHAR_WIDTH
  return Math.max(Math.min(Math.max(m.x - w / 2, 0), width - w), 0)
}

/**
 * How to anchor a label's text: at the picture's edge when the label was pushed inside it (so a
 * wider-than-estimated font still fits), else centred under the mark.
 */
export function labelAnchor(
  m: Pick<TimelineMark, 'label' | 'detail' | 'x'>,
  width: number,
): { x: number; anchor: 'start' | 'middle' | 'end' } {
  const w = Math.max(m.label.length, m.detail.length) * CHAR_WIDTH
  if (m.x - w / 2 < 0) return { x: 0, anchor: 'start' }
  if (m.x + w / 2 > width) return { x: width, anchor: 'end' }
  return { x: m.x, anchor: 'middle' }
}

function assignLanes(marks: TimelineMark[], width: number): number {
  const laneEnds: number[] = []
  for (const m of [...marks].sort((a, b) => a.x - b.x)) {
    const w = Math.max(m.label.length, m.detail.length) * CHAR_WIDTH
    const left = labelLeft(m, width)
    let lane = laneEnds.findIndex((end) => end + 6 <= left)
    if (lane === -1) lane = laneEnds.length
    laneEnds[lane] = left + w
    m.lane = lane
  }
  return Math.max(laneEnds.length, 1)
}

function finish(t: Omit<Timeline, 'height' | 'laneTop' | 'laneHeight'>, lanes: number): Timeline {
  return { ...t, laneTop: AXIS_Y + 14, laneHeight: LANE_HEIGHT, height: AXIS_Y + 14 + lanes * LANE_HEIGHT }
}

/**
 * Lays out the timeline of a payload at `nowSeconds` for an SVG `width` pixels wide.
 *
 * A one-year extended Kubernetes token would put iat, kubelet rotation and warnafter on the same
 * pixel, so when marks crowd into the first tenth of the token's life the axis is broken: the
 * first part (up to just past the last early mark) gets 60 % of the width, linear; the rest gets
 * 40 % on a log scale, so that "a day after warnafter" and "a month before exp" both stay apart.
 * "Now" outside the token's life sits in a narrow zone beyond a break, so a token viewed years
 * later keeps its shape.
 */
export function timelineGeometry(payload: JsonObject, nowSeconds: number, width: number): Timeline {
  const iat = numeric(payload.iat)
  const nbf = numeric(payload.nbf)
  const exp = numeric(payload.exp)
  const warn = warnAfter(payload)
  const rotation = kubeletRotationAt(payload)
  const L = PAD
  const R = width - PAD
  const starts = [iat, nbf].filter((v): v is number => v !== undefined)

  if (starts.length === 0 && exp === undefined) {
    const summary =
      'No iat, nbf or exp claim: the token carries no times, so nothing in it limits its life. It stays usable until its key or the object behind it is removed.'
    return finish(
      {
        shape: 'no-times',
        width,
        axisY: AXIS_Y,
        segments: [{ kind: 'open', x1: L, x2: R }],
        breaks: [],
        marks: [],
        now: { x: (L + R) / 2, where: 'inside' },
        summary,
      },
      1,
    )
  }

  const keyTimes = [...starts, exp, warn, rotation].filter((v): v is number => v !== undefined)
  const lo = Math.min(...keyTimes)
  const hi = exp === undefined ? lo : Math.max(...keyTimes)
  const where: 'before' | 'inside' | 'after' =
    nowSeconds < lo ? 'before' : exp !== undefined && nowSeconds >= hi ? 'after' : 'inside'
  const zone = OUTER_ZONE(width)
  const wL = where === 'before' ? L + zone : L
  // Without exp, the start marks take the first 30 % and the valid bar runs on to an arrow.
  const wR = exp === undefined ? L + (R - L) * 0.3 : where === 'after' ? R - zone : R
  const breaks: number[] = []
  if (where === 'before') breaks.push(wL - zone / 3)
  if (where === 'after' && exp !== undefined) breaks.push(wR + zone / 3)

  const span = hi - lo
  const early = [warn, rotation].filter((v): v is number => v !== undefined && v > lo && v - lo < span * 0.1)
  const focus = early.length > 0 ? Math.max(...early.map((v) => v - lo)) * 1.25 : 0
  const W = wR - wL
  const x = (t: number): number => {
    if (span <= 0) return wL
    if (focus > 0) {
      const t1 = lo + focus
      if (t <= t1) return wL + ((t - lo) / focus) * W * FOCUS_SHARE
      // Past the break, a log scale: "a day after warnafter" still stands clear of the break.
      const frac = Math.log1p((Math.min(t, hi) - t1) / focus) / Math.log1p((hi - t1) / focus)
      return wL + W * FOCUS_SHARE + frac * W * (1 - FOCUS_SHARE)
    }
    return wL + ((t - lo) / span) * W
  }
  if (focus > 0) breaks.push(wL + W * FOCUS_SHARE)

  // Whole seconds: the kubelet's refresh point is approximate anyway (it adds up to 10 s of jitter).
  const since = (t: number) => (t === lo ? 'start' : `${t > lo ? '+' : '−'}${spellDuration(Math.round(t - lo))}`)
  const marks: TimelineMark[] = []
  const add = (key: MarkKey, at: number | undefined, label: string) => {
    if (at === undefined) return
    const same = marks.find((m) => m.at === at && m.key !== 'rotation' && key !== 'rotation')
    if (same) same.label = `${same.label} = ${label}`
    else marks.push({ key, label, detail: since(at), at, x: x(at), lane: 0 })
  }
  add('iat', iat, 'iat')
  add('nbf', nbf, 'nbf')
  add('rotation', rotation, 'kubelet refresh ~80 %')
  add('warnafter', warn, 'warnafter')
  add('exp', exp, 'exp')

  const segments: TimelineSegment[] = []
  const validFrom = nbf ?? lo
  if (where === 'before') segments.push({ kind: 'before', x1: L, x2: wL })
  if (validFrom > lo) segments.push({ kind: 'before', x1: x(lo), x2: x(validFrom) })
  if (exp === undefined) {
    segments.push({ kind: 'valid', x1: x(validFrom), x2: R - OPEN_ARROW }, { kind: 'open', x1: R - OPEN_ARROW, x2: R })
  } else {
    const staleFrom = warn !== undefined && warn < exp ? warn : exp
    if (staleFrom > validFrom) segments.push({ kind: 'valid', x1: x(validFrom), x2: x(staleFrom) })
    if (staleFrom < exp) segments.push({ kind: 'stale', x1: x(Math.max(staleFrom, validFrom)), x2: x(exp) })
    if (where === 'after') segments.push({ kind: 'after', x1: wR, x2: R })
  }

  let nowX: number
  if (where === 'before') nowX = L + zone / 4
  else if (where === 'after') nowX = R - zone / 4
  else if (exp === undefined) nowX = nowSeconds <= lo ? wL : (wR + R - OPEN_ARROW) / 2
  else nowX = x(nowSeconds)

  const lanes = assignLanes(marks, width)
  const summary = describe(marks, lo, exp, focus, where)
  return finish(
    {
      shape: exp === undefined ? 'open-ended' : 'window',
      width,
      axisY: AXIS_Y,
      segments,
      breaks,
      marks,
      now: { x: nowX, where },
      summary,
    },
    lanes,
  )
}

function describe(marks: TimelineMark[], lo: number, exp: number | undefined, focus: number, where: string): string {
  const names: Record<MarkKey, string> = {
    iat: 'issued',
    nbf: 'valid from',
    exp: 'expires',
    warnafter: 'warnafter (stale from then on)',
    rotation: 'kubelet refreshes it at about',
  }
  const parts = marks.map(
    (m) =>
      `${m.label === m.key ? names[m.key] : m.label}: ${toIsoUtc(m.at) ?? m.at}${m.at === lo ? '' : ` (${m.detail.replace('+', '')} after the start)`}`,
  )
  const text = [`Timeline. ${parts.join('; ')}.`]
  if (exp === undefined) text.push('No exp claim: the token never expires by time.')
  if (focus > 0)
    text.push(
      `The axis is broken after the first ${spellDuration(focus)}, and later time is compressed, so that the early marks stay readable.`,
    )
  text.push(
    where === 'before'
      ? 'Now is before the token becomes valid.'
      : where === 'after'
        ? 'Now is after expiry.'
        : 'Now is inside the token’s life.',
  )
  return text.join(' ')
}

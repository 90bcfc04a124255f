import { useEffect, useRef, useState } from 'react'
import { modules } from '../../app/modules.ts'
import type { JsonObject, Timeline as Geometry } from '../../core/index.ts'
import { useModule, useNow } from '../hooks.ts'

// The width last measured, so that a timeline drawn for the next token starts at the right size.
let lastWidth = 600

/**
 * The SVG is drawn at its real pixel width, so labels keep their size on a phone. The width is
 * read only in the ResizeObserver callback, which runs after the browser's own layout: reading it
 * while mounting would force a synchronous layout of the whole page (with a large token, the
 * biggest single cost of showing it).
 */
function useWidth(): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement | null>(null)
  const [width, setWidth] = useState(lastWidth)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const ro = new ResizeObserver(() => {
      lastWidth = Math.max(240, Math.floor(el.clientWidth))
      setWidth(lastWidth)
    })
    ro.observe(el)
    return () => ro.disconnect()
  }, [])
  return [ref, width]
}

function BreakMark({ x, y }: { x: number; y: number }) {
  return (
    <g className="tl-break">
      <rect x={x - 4} y={y - 10} width={8} height={20} className="tl-break-gap" />
      <line x1={x - 6} y1={y + 9} x2={x - 1} y2={y - 9} />
      <line x1={x + 1} y1={y + 9} x2={x + 6} y2={y - 9} />
    </g>
  )
}

function Bars({ t }: { t: Geometry }) {
  const y = t.axisY
  return (
    <>
      {t.segments.map((s, i) =>
        s.kind === 'valid' || s.kind === 'stale' ? (
          <rect
            key={i}
            x={s.x1}
            y={y - 6}
            width={Math.max(s.x2 - s.x1, 2)}
            height={12}
            rx={2}
            className={`tl-${s.kind}`}
          />
        ) : (
          <line key={i} x1={s.x1} y1={y} x2={s.x2} y2={y} className={`tl-${s.kind}`} />
        ),
      )}
    </>
  )
}

function NowMark({ t }: { t: Geometry }) {
  const { x } = t.now
  const anchor = x < 30 ? 'start' : x > t.width - 30 ? 'end' : 'middle'
  return (
    <g className="tl-now">
      <line x1={x} y1={t.axisY - 16} x2={x} y2={t.axisY + 10} />
      <text x={x} y={t.axisY - 20} textAnchor={anchor}>
        now
      </text>
    </g>
  )
}

/** The token's life as a picture, with the same facts in words for screen readers. */
export default function Timeline({ payload }: { payload: JsonObject }) {
  // The geometry code is loaded with this view: it stays out of the start-up chunk.
  const { timelineGeometry, labelAnchor } = useModule(modules.timeline)
  const [ref, width] = useWidth()
  const now = useNow() / 1000
  const t = timelineGeometry(payload, now, width)
  return (
    <div ref={ref} className="timeline">
      <svg
        data-testid="timeline"
        data-shape={t.shape}
        role="img"
        aria-labelledby="timeline-title timeline-desc"
        width={t.width}
        height={t.height}
        viewBox={`0 0 ${t.width} ${t.height}`}
      >
        <title id="timeline-title">Timeline of the token's life</title>
        <desc id="timeline-desc">{t.summary}</desc>
        <defs>
          <pattern id="tl-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" className="tl-hatch-bg" />
            <line x1="0" y1="0" x2="0" y2="6" className="tl-hatch-line" />
          </pattern>
          <marker id="tl-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" className="tl-arrow" />
          </marker>
        </defs>
        <Bars t={t} />
        {t.shape !== 'window' && (
          <line
            x1={t.width - 40}
            y1={t.axisY}
            x2={t.width - 8}
            y2={t.axisY}
            className="tl-open"
            markerEnd="url(#tl-arrow)"
          />
        )}
        {t.breaks.map((x) => (
          <BreakMark key={x} x={x} y={t.axisY} />
        ))}
        {t.marks.map((m) => (
          <line
            key={m.key}
            x1={m.x}
            y1={t.axisY - 9}
            x2={m.x}
            y2={t.laneTop + m.lane * t.laneHeight}
            className="tl-tick"
          />
        ))}
        {/* Labels after every tick: their halo hides a tick that runs down to a lower lane. */}
        {t.marks.map((m) => {
          const top = t.laneTop + m.lane * t.laneHeight
          const { x, anchor } = labelAnchor(m, t.width)
          return (
            <g key={m.key} className={`tl-label tl-mark-${m.key}`} textAnchor={anchor}>
              <text x={x} y={top + 10}>
                {m.label}
              </text>
              <text x={x} y={top + 23} className="tl-detail">
                {m.detail}
              </text>
            </g>
          )
        })}
        {t.shape === 'no-times' ? (
          <text x={t.width / 2} y={t.laneTop + 12} textAnchor="middle">
            No iat, nbf or exp: no time limit
          </text>
        ) : (
          <>
            {t.shape === 'open-ended' && (
              <text x={t.width - 2} y={t.laneTop + 10} textAnchor="end">
                no exp: never expires
              </text>
            )}
            <NowMark t={t} />
          </>
        )}
      </svg>
      <ul className="timeline-legend" aria-hidden="true">
        {t.segments.some((s) => s.kind === 'valid') && (
          <li>
            <span className="swatch swatch-valid" /> valid
          </li>
        )}
        {t.segments.some((s) => s.kind === 'stale') && (
          <li>
            <span className="swatch swatch-stale" /> stale (past warnafter)
          </li>
        )}
        {t.segments.some((s) => s.kind === 'before' || s.kind === 'after') && (
          <li>
            <span className="swatch swatch-outside" /> not valid (before nbf, after exp)
          </li>
        )}
        {t.breaks.length > 0 && <li>// axis broken: later time compressed</li>}
      </ul>
    </div>
  )
}

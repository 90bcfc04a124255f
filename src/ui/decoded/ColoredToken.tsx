import type { ReactNode } from 'react'
import type { DecodedToken, Span } from '../../core/index.ts'
import { CopyButton } from '../common/CopyButton.tsx'

/** Longest token rendered character-exact; beyond it the middle is elided to keep the DOM small. */
const MAX_RENDERED = 20_000

function withMarks(text: string, offset: number, spans: Span[]): ReactNode[] {
  const marks = spans
    .map((s) => ({ start: Math.max(s.start - offset, 0), end: Math.min(s.end - offset, text.length) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start)
  const out: ReactNode[] = []
  let pos = 0
  for (const m of marks) {
    if (m.start < pos) continue
    if (m.start > pos) out.push(text.slice(pos, m.start))
    out.push(<mark key={m.start}>{text.slice(m.start, m.end)}</mark>)
    pos = m.end
  }
  if (pos < text.length) out.push(text.slice(pos))
  return out
}

/**
 * The token with each part coloured like the panel that decodes it, and problem characters marked.
 * The input shows the token already, so this copy is folded; it opens by itself when it has marks.
 * With the token's copy button, in the panel's head line.
 */
export function ColoredToken({ decoded }: { decoded: DecodedToken }) {
  const copy = <CopyButton text={decoded.token} label="token" />
  if (decoded.token.length > MAX_RENDERED) {
    return (
      <>
        {copy}
        <p className="token-colored">
          The token is {decoded.token.length.toLocaleString('en')} characters long; it is not repeated here.
        </p>
      </>
    )
  }
  const errorSpans = decoded.diagnostics
    .filter((d) => d.severity !== 'info' && d.span && d.span.end - d.span.start < decoded.token.length)
    .map((d) => d.span as Span)
  return (
    // Open (set, never forced shut) while there are marks; otherwise as the user left it.
    <>
      <details className="token-fold" open={errorSpans.length > 0 || undefined}>
        <summary>
          Coloured by part
          {errorSpans.length > 0 &&
            `, with ${errorSpans.length} problem ${errorSpans.length > 1 ? 'places' : 'place'} marked`}
        </summary>
        <p className="token-colored" data-testid="colored-token" aria-label="The token, coloured by part">
          {decoded.segments.map((seg, i) => (
            <span key={i}>
              {i > 0 && <span className="dot">.</span>}
              <span className={`part part-${seg.part}`} title={seg.part}>
                {withMarks(seg.text, seg.start, errorSpans)}
              </span>
            </span>
          ))}
        </p>
      </details>
      {copy}
    </>
  )
}

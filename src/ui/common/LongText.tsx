import { useState } from 'react'
import { CHUNK_CHARS, cutAt, SHOWN_CHARS, textChunks } from './textCut.ts'

/**
 * Text that a crafted token can make very long (a claim value of 600,000 characters, a member
 * name of 300,000). Chromium took 150–350 ms to lay such a text out in one frame, so only its
 * first SHOWN_CHARS characters are laid out; the rest is in the DOM, in a `hidden` span (folded,
 * not absent: `textContent` still reads the whole text), and a button shows it.
 */
export function LongText({ text }: { text: string }) {
  // Keyed on the text itself, so that a new paste starts cut again without an effect.
  const [whole, setWhole] = useState<string | null>(null)
  if (text.length <= SHOWN_CHARS) return text
  const cut = cutAt(text, SHOWN_CHARS)
  if (whole === text) return <WholeText text={text} cut={cut} />
  const rest = text.length - cut
  return (
    <>
      {text.slice(0, cut)}
      <span hidden>{text.slice(cut)}</span>{' '}
      <button type="button" className="link-button long-text-more" onClick={() => setWhole(text)}>
        … show the other {rest.toLocaleString('en')} characters
      </button>
    </>
  )
}

/**
 * The whole of a long text, once asked for: the rest after the first `cut` characters in blocks
 * of CHUNK_CHARS that Chromium lays out only when they scroll into view (`content-visibility:
 * auto`). Laid out at once, 600,000 characters answered the click in 270 ms.
 */
function WholeText({ text, cut }: { text: string; cut: number }) {
  return (
    <>
      {text.slice(0, cut)}
      {textChunks(text, cut, CHUNK_CHARS).map((chunk, i) => (
        <span key={i} className="long-text-chunk">
          {chunk}
        </span>
      ))}
    </>
  )
}

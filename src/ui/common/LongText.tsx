import { useState } from 'react'
import { cutAt, SHOWN_CHARS } from './textCut.ts'

/**
 * Text that a crafted token can make very long (a claim value of 600,000 characters, a member
 * name of 300,000). Chromium took 150–350 ms to lay such a text out in one frame, so only its
 * first SHOWN_CHARS characters are laid out; the rest is in the DOM, in a `hidden` span (folded,
 * not absent: `textContent` still reads the whole text), and a button shows it.
 */
export function LongText({ text }: { text: string }) {
  // Keyed on the text itself, so that a new paste starts cut again without an effect.
  const [whole, setWhole] = useState<string | null>(null)
  if (text.length <= SHOWN_CHARS || whole === text) return text
  const cut = cutAt(text, SHOWN_CHARS)
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

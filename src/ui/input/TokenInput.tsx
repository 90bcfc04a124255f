import { useEffect, useRef, useState } from 'react'
import { CodeTextarea } from '../common/CodeTextarea.tsx'
import { Deferred } from '../Deferred.tsx'
import { KeyboardHabits } from '../lazyViews.ts'

/**
 * Above this many characters the text is held beside the box rather than in it: Chromium lays
 * out a megabyte in a textarea in one frame of 150–500 ms, longer than any work of the page's
 * own, while a quarter of that takes about 50 ms. Real tokens, Secrets and kubeconfigs are far
 * smaller; this is for crafted tokens and links.
 */
const HELD_TEXT_CHARS = 256 * 1024

interface Props {
  value: string
  onChange: (value: string) => void
}

export function TokenInput({ value, onChange }: Props) {
  const [inBox, setInBox] = useState(false)
  const box = useRef<HTMLTextAreaElement>(null)
  const large = value.length > HELD_TEXT_CHARS
  // A short text again (cleared, replaced): the next large one is held again.
  if (inBox && !large) setInBox(false)
  const held = large && !inBox

  useEffect(() => {
    const area = box.current
    if (!area) return
    // Chromium lays out what a paste, a drop or typed-in text inserts before the page can take it
    // out of the box again: a large insertion is taken over before it reaches the box.
    const onBeforeInput = (e: InputEvent) => {
      const text = e.data ?? e.dataTransfer?.getData('text/plain') ?? ''
      if (text.length <= HELD_TEXT_CHARS || !e.cancelable) return
      e.preventDefault()
      setInBox(false)
      onChange(area.value.slice(0, area.selectionStart) + text + area.value.slice(area.selectionEnd))
    }
    area.addEventListener('beforeinput', onBeforeInput)
    return () => area.removeEventListener('beforeinput', onBeforeInput)
  }, [onChange])

  return (
    <div className="token-input">
      <label htmlFor="token-input">Token, or text containing one</label>
      {held && (
        <p id="held-text" className="held-text">
          The {value.length.toLocaleString('en')} characters are decoded below but not shown here, where laying them out
          would stop the page for a moment. Typing or pasting in the box replaces them, and Backspace or Delete in it
          clears them.{' '}
          <button type="button" className="link-button" onClick={() => setInBox(true)}>
            Show them in the box
          </button>
        </p>
      )}
      <CodeTextarea
        ref={box}
        id="token-input"
        data-testid="token-input"
        value={held ? '' : value}
        onChange={onChange}
        rows={8}
        placeholder={held ? 'Paste a token here to replace the text above' : 'eyJhbGciOi…'}
        aria-describedby={held ? 'held-text' : undefined}
        // The empty box stands for the held text, as an attachment does in a mail's address line:
        // deleting in it deletes the text (and fill('') of a test, a Delete key, clears it).
        onKeyDown={(e) => {
          if (held && (e.key === 'Backspace' || e.key === 'Delete')) onChange('')
        }}
      />
      {value !== '' && (
        <button type="button" className="link-button" onClick={() => onChange('')}>
          Clear
        </button>
      )}
      {/* `/` for the claim filter, and a paste anywhere on the page lands here. */}
      <Deferred name="the keyboard shortcuts" quiet>
        <KeyboardHabits onPaste={onChange} />
      </Deferred>
    </div>
  )
}

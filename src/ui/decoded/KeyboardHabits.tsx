import { useEffect } from 'react'
import { isFilterShortcut, pastedText, type Target } from './habits.ts'

/** The element with this id, unless it sits in a hidden view (the Compare and Compose tabs hide Decode). */
const shown = (id: string) => {
  const el = document.getElementById(id)
  return el && !el.closest('[hidden]') ? el : null
}

/**
 * Page-wide habits, loaded after the first view: `/` focuses the claim filter (the filter itself
 * clears on Esc), and a paste anywhere outside another input goes into the token input, which
 * takes the focus so that the next paste replaces it.
 */
export function KeyboardHabits({ onPaste }: { onPaste: (text: string) => void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const filter = shown('claim-filter-input')
      if (!filter || e.defaultPrevented || !isFilterShortcut(e as KeyboardEvent & { target: Target })) return
      e.preventDefault()
      filter.focus()
    }
    const onPasteEvent = (e: ClipboardEvent) => {
      const input = shown('token-input')
      const text = pastedText(e.target as Target, e.clipboardData?.getData('text/plain'))
      if (!input || text === null) return
      e.preventDefault()
      onPaste(text)
      input.focus()
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('paste', onPasteEvent)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('paste', onPasteEvent)
    }
  }, [onPaste])
  return null
}

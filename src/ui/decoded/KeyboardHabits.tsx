import { useEffect } from 'react'
import { isFilterShortcut, pastedText, type Target } from './habits.ts'

/**
 * Page-wide habits, loaded after the first view: `/` focuses the claim filter (the filter itself
 * clears on Esc), and a paste anywhere outside another input goes into the token input, which
 * takes the focus so that the next paste replaces it.
 */
export function KeyboardHabits({ onPaste }: { onPaste: (text: string) => void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const filter = document.getElementById('claim-filter-input')
      if (!filter || e.defaultPrevented || !isFilterShortcut(e as KeyboardEvent & { target: Target })) return
      e.preventDefault()
      filter.focus()
    }
    const onPasteEvent = (e: ClipboardEvent) => {
      const text = pastedText(e.target as Target, e.clipboardData?.getData('text/plain'))
      if (text === null) return
      e.preventDefault()
      onPaste(text)
      document.getElementById('token-input')?.focus()
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

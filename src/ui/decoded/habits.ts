// The pure decisions behind the page-wide keyboard habits (KeyboardHabits.tsx), unit-tested.

/** What an event happened on, as far as the habits below care. */
export interface Target {
  tagName?: string
  isContentEditable?: boolean
}

/** Whether keys and pastes there are the user's own text: an input, a text area, a select, an editable element. */
export function isTyping(target: Target | null | undefined): boolean {
  const tag = target?.tagName
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target?.isContentEditable === true
}

/** `/` outside any input, with no modifier: the claim filter's shortcut (as on GitHub or MDN). */
export function isFilterShortcut(e: {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  target: Target | null
}): boolean {
  return e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target)
}

/** The text a paste outside any input puts into the token input, or null when the paste is not ours. */
export function pastedText(target: Target | null, text: string | undefined): string | null {
  return isTyping(target) || !text?.trim() ? null : text
}

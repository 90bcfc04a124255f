/** Characters of a name, value or message that are laid out at first (see LongText). */
export const SHOWN_CHARS = 4096

/** Where to cut `text` near `at` without splitting a surrogate pair. */
export function cutAt(text: string, at: number): number {
  const c = text.charCodeAt(at - 1)
  return c >= 0xd800 && c <= 0xdbff ? at - 1 : at
}

/** A short stand-in for a very long text where only a label fits (an accessible name). */
export function shortLabel(text: string): string {
  return text.length <= SHOWN_CHARS
    ? text
    : `${text.slice(0, cutAt(text, 64))}… (${text.length.toLocaleString('en')} characters)`
}

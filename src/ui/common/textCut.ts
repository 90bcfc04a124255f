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

/** Characters in one block of a long text shown whole (see LongText). */
export const CHUNK_CHARS = 16_384

/** `text` from `from` on, in pieces of about `size` characters, never splitting a surrogate pair. */
export function textChunks(text: string, from: number, size: number): string[] {
  const out: string[] = []
  for (let at = from; at < text.length;) {
    const end = at + size >= text.length ? text.length : cutAt(text, at + size)
    out.push(text.slice(at, end))
    at = end
  }
  return out
}

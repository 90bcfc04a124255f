import { escapePointerToken } from '../encoding/json.ts'

/** Where one JSON value sits in its source text: `[start, end)` in UTF-16 offsets. */
export interface ValueSpan {
  pointer: string
  start: number
  end: number
}

/**
 * Lists the span of every value in a JSON text, keyed by JSON Pointer, so that redaction can
 * replace chosen values in the text itself and leave every other byte exactly as it was (a
 * re-serialisation would reorder nothing, but would round big integers and drop duplicates).
 * A member that appears twice yields two spans with the same pointer: both must be redacted.
 * Expects text that parseJson accepted; on anything else it returns what it found so far.
 */
export function valueSpans(text: string): ValueSpan[] {
  const spans: ValueSpan[] = []
  let pos = 0
  const ws = () => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos] as string)) pos++
  }
  const str = (): string => {
    const start = pos
    pos++ // opening quote
    while (pos < text.length && text[pos] !== '"') pos += text[pos] === '\\' ? 2 : 1
    pos++
    return JSON.parse(text.slice(start, pos)) as string
  }
  const value = (pointer: string, depth: number): void => {
    ws()
    const start = pos
    const c = text[pos]
    if (depth > 256 || c === undefined) throw new Error('unexpected end')
    if (c === '{') {
      pos++
      ws()
      while (text[pos] !== '}' && pos < text.length) {
        ws()
        const key = str()
        ws()
        pos++ // colon
        value(`${pointer}/${escapePointerToken(key)}`, depth + 1)
        ws()
        if (text[pos] === ',') pos++
        ws()
      }
      pos++
    } else if (c === '[') {
      pos++
      ws()
      let i = 0
      while (text[pos] !== ']' && pos < text.length) {
        value(`${pointer}/${i++}`, depth + 1)
        ws()
        if (text[pos] === ',') pos++
        ws()
      }
      pos++
    } else if (c === '"') {
      str()
    } else {
      while (pos < text.length && !',]} \t\n\r'.includes(text[pos] as string)) pos++
    }
    spans.push({ pointer, start, end: pos })
  }
  try {
    value('', 0)
  } catch {
    // Malformed text: callers only pass parsed JSON, so keep what was found.
  }
  return spans
}

import { MAX_JSON_DEPTH } from '../encoding/json.ts'

/** Where one JSON value sits in its source text: `[start, end)` in UTF-16 offsets. */
export interface ValueSpan {
  /** Index of the enclosing object's or array's span, or -1 for the root value. */
  parent: number
  /** The member name (for a member of an object) or index (for an array element); '' for the root. */
  token: string | number
  /** Where the member name's string literal sits, quotes included; absent for array elements and the root. */
  key?: { start: number; end: number }
  /** Nesting depth: 0 for the root value, 1 for a top-level member. */
  depth: number
  kind: 'object' | 'array' | 'string' | 'other'
  start: number
  end: number
}

/**
 * Lists the span of every value in a JSON text, parents before children, so that redaction can
 * replace chosen values and member names in the text itself and leave every other byte exactly
 * as it was (a re-serialisation would round big integers and drop duplicates). A member that
 * appears twice yields two spans: both are seen. Expects text that parseJson accepted (the same
 * depth limit holds); `complete` is false when the text ended or broke off early.
 */
export function valueSpans(text: string): { spans: ValueSpan[]; complete: boolean } {
  const spans: ValueSpan[] = []
  let pos = 0
  const ws = () => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos] as string)) pos++
  }
  const str = (): string => {
    const start = pos
    if (text[pos] !== '"') throw new Error('expected a string')
    pos++ // opening quote
    while (pos < text.length && text[pos] !== '"') pos += text[pos] === '\\' ? 2 : 1
    pos++
    return JSON.parse(text.slice(start, pos)) as string
  }
  const value = (parent: number, token: string | number, depth: number, key?: ValueSpan['key']): void => {
    ws()
    const c = text[pos]
    if (depth > MAX_JSON_DEPTH || c === undefined) throw new Error('unexpected end')
    const kind = c === '{' ? 'object' : c === '[' ? 'array' : c === '"' ? 'string' : 'other'
    const self = spans.length
    const span: ValueSpan = { parent, token, depth, kind, start: pos, end: pos }
    if (key) span.key = key
    spans.push(span)
    if (c === '{') {
      pos++
      ws()
      while (text[pos] !== '}' && pos < text.length) {
        ws()
        const keyStart = pos
        const name = str()
        const keyEnd = pos
        ws()
        pos++ // colon
        value(self, name, depth + 1, { start: keyStart, end: keyEnd })
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
        value(self, i++, depth + 1)
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
    span.end = Math.min(pos, text.length)
  }
  try {
    value(-1, '', 0)
    ws()
    return { spans, complete: pos === text.length }
  } catch {
    return { spans, complete: false }
  }
}

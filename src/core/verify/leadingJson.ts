import { escapePointerToken } from '../encoding/jsonPointer.ts'

/**
 * JSON as people paste it: a JWK copied out of a key set keeps its trailing comma, a key is
 * followed by a note, or a trailing comma sits before a closing bracket. These helpers read the
 * JSON value a text starts with, and say what was left over, instead of failing the whole paste.
 */

/** Offset just past the object or array that starts at `start`, or -1 when it is never closed. */
export function jsonValueEnd(text: string, start: number): number {
  let depth = 0
  let inString = false
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
      continue
    }
    if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) depth++
    else if (c === 0x7d || c === 0x5d) {
      depth--
      if (depth === 0) return i + 1
    }
  }
  return -1
}

/** Removes commas that directly precede a closing bracket, outside strings. */
export function dropTrailingCommas(json: string): string {
  let out = ''
  let inString = false
  for (let i = 0; i < json.length; i++) {
    const ch = json[i] as string
    if (inString) {
      out += ch
      if (ch === '\\') out += json[++i] ?? ''
      else if (ch === '"') inString = false
      continue
    }
    if (ch === '"') inString = true
    if (ch === ',' && /^\s*[}\]]/.test(json.slice(i + 1, i + 64))) continue
    out += ch
  }
  return out
}

export interface LeadingJson {
  value: unknown
  /** Text after the value, trimmed; empty when the text was exactly one JSON value. */
  rest: string
  /** Whether commas before closing brackets had to be dropped for it to parse. */
  trailingCommas: boolean
}

function parse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}

/** The JSON object or array the (trimmed) text starts with; null when there is none that parses. */
export function leadingJson(text: string): LeadingJson | null {
  const start = text.search(/\S/)
  if (start < 0 || (text[start] !== '{' && text[start] !== '[')) return null
  const end = jsonValueEnd(text, start)
  if (end < 0) return null
  const slice = text.slice(start, end)
  const rest = text.slice(end).trim()
  const strict = parse(slice)
  if (strict.ok) return { value: strict.value, rest, trailingCommas: false }
  const loose = parse(dropTrailingCommas(slice))
  return loose.ok ? { value: loose.value, rest, trailingCommas: true } : null
}

/** One JSON object with a string `kty`, and the JSON Pointer where it was found. */
export interface FoundJwk {
  jwk: Record<string, unknown>
  pointer: string
}

/**
 * Every object with a string `kty` inside a JSON value, at any depth (a JWK is not searched
 * inside). Bounded by `maxNodes` so that a huge document costs linear time at most.
 */
export function findJwks(value: unknown, maxNodes = 100_000): FoundJwk[] {
  const out: FoundJwk[] = []
  // The path is kept as a stack and joined only for the JWKs found.
  const path: string[] = []
  let nodes = 0
  const walk = (v: unknown, depth: number) => {
    if (++nodes > maxNodes || depth > 64 || !v || typeof v !== 'object') return
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(String(i))
        walk(v[i], depth + 1)
        path.pop()
      }
      return
    }
    const obj = v as Record<string, unknown>
    if (typeof obj.kty === 'string') {
      out.push({ jwk: obj, pointer: path.map((k) => `/${escapePointerToken(k)}`).join('') })
      return
    }
    for (const k of Object.keys(obj)) {
      path.push(k)
      walk(obj[k], depth + 1)
      path.pop()
    }
  }
  walk(value, 0)
  return out
}

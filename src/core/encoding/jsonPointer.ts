/**
 * JSON Pointer (RFC 6901): the one place that escapes, joins, splits and evaluates pointers, so
 * that a member named `a/b` or `x~y` means the same thing everywhere in the app.
 */
import type { JsonValue } from './json.ts'

/** Escapes one reference token (RFC 6901 §3): `~` becomes `~0`, then `/` becomes `~1`. */
export function escapePointerToken(token: string): string {
  // Most names have neither: a parse of 120,000 members calls this for each.
  if (!token.includes('~') && !token.includes('/')) return token
  return token.replace(/~/g, '~0').replace(/\//g, '~1')
}

/**
 * Undoes {@link escapePointerToken} (RFC 6901 §4: `~1` first to `/`, then `~0` to `~`, so that
 * `~01` reads as `~1`). Undefined for a `~` not followed by 0 or 1, which the RFC forbids.
 */
export function unescapePointerToken(token: string): string | undefined {
  if (/~(?![01])/.test(token)) return undefined
  return token.replace(/~1/g, '/').replace(/~0/g, '~')
}

/** The pointer one level below `base`, e.g. `childPointer('/kubernetes.io', 'pod')` is `/kubernetes.io/pod`. */
export function childPointer(base: string, token: string | number): string {
  return `${base}/${typeof token === 'number' ? String(token) : escapePointerToken(token)}`
}

/** Joins unescaped member names (or array indices) into a pointer; `[]` is `''`, the whole document. */
export function pointerFrom(tokens: readonly (string | number)[]): string {
  return tokens.reduce<string>((p, t) => childPointer(p, t), '')
}

/**
 * Splits a pointer into its unescaped reference tokens; `''` gives `[]`. Undefined when the text
 * is not a pointer (it must be empty or start with `/`, and use only `~0` and `~1` escapes).
 */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return []
  if (!pointer.startsWith('/')) return undefined
  const out: string[] = []
  for (const raw of pointer.slice(1).split('/')) {
    const token = unescapePointerToken(raw)
    if (token === undefined) return undefined
    out.push(token)
  }
  return out
}

/**
 * Evaluates a pointer against a JSON value (RFC 6901 §4). Undefined when a member is missing, an
 * index is not a decimal without leading zeros, or the pointer is malformed. Own members only, so
 * `/constructor` never reaches the prototype.
 */
export function evaluatePointer(root: JsonValue, pointer: string): JsonValue | undefined {
  const tokens = parsePointer(pointer)
  if (!tokens) return undefined
  let here: JsonValue | undefined = root
  for (const t of tokens) {
    if (Array.isArray(here)) {
      if (!/^(0|[1-9]\d*)$/.test(t)) return undefined
      here = here[Number(t)]
    } else if (here !== null && typeof here === 'object') {
      here = Object.prototype.hasOwnProperty.call(here, t) ? here[t] : undefined
    } else {
      return undefined
    }
    if (here === undefined) return undefined
  }
  return here
}

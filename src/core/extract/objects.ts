/** Helpers for reading parsed JSON/YAML values without trusting their shape. */
export type Obj = Record<string, unknown>

export function asObj(v: unknown): Obj | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined
}

export function asStr(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined
}

export function asArr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : []
}

/** Reads a nested member, e.g. `at(doc, 'metadata', 'name')`. */
export function at(v: unknown, ...path: string[]): unknown {
  let cur = v
  for (const key of path) {
    const o = asObj(cur)
    if (!o || !Object.hasOwn(o, key)) return undefined
    cur = o[key]
  }
  return cur
}

/** Every string-valued member of an object, as text (annotations, labels). */
export function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, val] of Object.entries(asObj(v) ?? {})) {
    const text =
      typeof val === 'string' ? val : typeof val === 'number' || typeof val === 'boolean' ? String(val) : null
    // defineProperty, not assignment: an annotation named "__proto__" must stay an annotation.
    if (text !== null)
      Object.defineProperty(out, k, { value: text, enumerable: true, writable: true, configurable: true })
  }
  return out
}

/**
 * A small JSON parser that, unlike JSON.parse, reports what JWT processing needs to know:
 * duplicate member names (RFC 7519 §4 lets parsers differ, which attackers exploit), numbers
 * whose JS value differs from their text (integers beyond 2^53, and numbers beyond a double's
 * range, which become ±Infinity or 0), and the exact position of a syntax error. It never throws.
 */
import { childPointer, escapePointerToken } from './jsonPointer.ts'

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject
export interface JsonObject {
  [key: string]: JsonValue
}

export interface DuplicateMember {
  pointer: string
  key: string
  /** Offsets (characters into the text) of the first and the winning (last) occurrence. */
  firstOffset: number
  lastOffset: number
}

/** Why a number's JS value differs from its text. */
export type ImpreciseReason = 'unsafe-integer' | 'overflow' | 'underflow'

export interface ImpreciseNumber {
  pointer: string
  raw: string
  offset: number
  reason: ImpreciseReason
  /**
   * The object or array that holds the number, and its member name or index there: lets the
   * exact text be found by the value's place rather than by pointer, whose strings can be long.
   */
  container: JsonObject | JsonValue[]
  key: string | number
}

export interface JsonParseResult {
  value: JsonValue | undefined
  error?: { message: string; offset: number }
  duplicates: DuplicateMember[]
  impreciseNumbers: ImpreciseNumber[]
}

/** How deep JSON may nest before parsing stops with an error (a crafted token could nest far deeper). */
export const MAX_JSON_DEPTH = 256

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y

// The pointer helpers live in jsonPointer.ts; re-exported so that existing imports keep working.
export { escapePointerToken }

/**
 * How many characters the parser reads between two steps of {@link parseJsonSteps}: 30–60 ms of
 * parsing in Chromium on a 2-core machine. A 256 KB token's claims fit in one step, as each step
 * costs a task switch; a megabyte's are parsed in three or four.
 */
export const JSON_STEP_CHARS = 262_144

/** Parses JSON text; see the module comment for what it reports beyond the value. */
export function parseJson(text: string): JsonParseResult {
  const steps = parseJsonSteps(text)
  for (;;) {
    const r = steps.next()
    if (r.done) return r.value
  }
}

/**
 * {@link parseJson} in steps: it yields after each {@link JSON_STEP_CHARS} characters (between two
 * members or elements, never inside a string), so that a caller can parse a large text across
 * tasks. Text shorter than that is parsed in one step.
 */
export function* parseJsonSteps(text: string): Generator<void, JsonParseResult, void> {
  const p = new Parser(text)
  try {
    p.skipWs()
    const value = yield* p.value('', 0)
    p.skipWs()
    if (p.pos < text.length) p.fail(`Unexpected ${p.describe()} after the end of the JSON value`)
    return { value, duplicates: p.duplicates, impreciseNumbers: p.imprecise }
  } catch (e) {
    if (e instanceof SyntaxFailure) {
      return {
        value: undefined,
        error: { message: e.message, offset: e.offset },
        duplicates: p.duplicates,
        impreciseNumbers: p.imprecise,
      }
    }
    throw e
  }
}

type ParseSteps<T> = Generator<void, T, void>

class SyntaxFailure extends Error {
  readonly offset: number
  constructor(message: string, offset: number) {
    super(message)
    this.offset = offset
  }
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }

class Parser {
  pos = 0
  duplicates: DuplicateMember[] = []
  imprecise: ImpreciseNumber[] = []
  private nextStepAt = JSON_STEP_CHARS
  private readonly text: string
  constructor(text: string) {
    this.text = text
  }

  fail(message: string, at = this.pos): never {
    throw new SyntaxFailure(message, at)
  }

  describe(): string {
    if (this.pos >= this.text.length) return 'end of input'
    const ch = this.text[this.pos] as string
    const cp = ch.charCodeAt(0)
    return cp < 0x20 ? `control character U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : `'${ch}'`
  }

  skipWs(): void {
    const t = this.text
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos)
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++
      else break
    }
  }

  /**
   * The value that is member `key` of `container`, whose pointer is `parent` (for the top-level
   * value: no container). Its own pointer is built only when it is needed (for a nested object
   * or array, or a number to record): most values are leaves that never need one. Only objects
   * and arrays are steps (generators): a leaf is read by {@link leaf}, with no generator to create.
   */
  *value(
    parent: string,
    depth: number,
    container?: JsonObject | JsonValue[],
    key: string | number = '',
  ): ParseSteps<JsonValue> {
    const c = this.text.charCodeAt(this.pos)
    if (c !== 123 && c !== 91) return this.leaf(parent, depth, container, key)
    if (depth > MAX_JSON_DEPTH) this.fail(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`)
    const pointer = container ? childPointer(parent, key) : ''
    return c === 123 ? yield* this.object(pointer, depth) : yield* this.array(pointer, depth)
  }

  /** A value that is no object or array: a string, a number, or a literal. */
  leaf(parent: string, depth: number, container?: JsonObject | JsonValue[], key: string | number = ''): JsonValue {
    if (depth > MAX_JSON_DEPTH) this.fail(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`)
    const c = this.text[this.pos]
    if (c === '"') return this.string()
    if (c === 't') return this.literal('true', true)
    if (c === 'f') return this.literal('false', false)
    if (c === 'n') return this.literal('null', null)
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number(parent, container, key)
    return this.fail(`Expected a JSON value but found ${this.describe()}`)
  }

  /** Whether a step ends here: after each {@link JSON_STEP_CHARS} characters read. */
  private stepDue(): boolean {
    if (this.pos < this.nextStepAt) return false
    this.nextStepAt = this.pos + JSON_STEP_CHARS
    return true
  }

  literal<T extends JsonValue>(word: string, v: T): T {
    if (this.text.startsWith(word, this.pos)) {
      this.pos += word.length
      return v
    }
    return this.fail(`Expected a JSON value but found ${this.describe()}`)
  }

  number(parent: string, container: JsonObject | JsonValue[] | undefined, key: string | number): number {
    const t = this.text
    const start = this.pos
    let i = t.charCodeAt(start) === 45 ? start + 1 : start
    const firstDigit = i
    while (i < t.length && t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) i++
    const digits = i - firstDigit
    const after = t.charCodeAt(i)
    // An integer of up to 15 digits is exact as a double and needs no checks: most numbers in a
    // token are such (times, ids), and a large payload of them is read without the regex.
    if (
      digits > 0 &&
      digits <= 15 &&
      after !== 46 &&
      after !== 101 &&
      after !== 69 &&
      (digits === 1 || t.charCodeAt(firstDigit) !== 48)
    ) {
      this.pos = i
      return Number(t.slice(start, i))
    }
    const re = NUMBER
    re.lastIndex = start
    const m = re.exec(this.text)
    if (!m) return this.fail(`Invalid number starting with ${this.describe()}`)
    const raw = m[0]
    this.pos += raw.length
    const n = Number(raw)
    const reason: ImpreciseReason | undefined = !Number.isFinite(n)
      ? 'overflow'
      : n === 0 && /[1-9]/.test(m[2] ? raw.slice(0, raw.length - m[2].length) : raw)
        ? 'underflow'
        : !m[1] && !m[2] && !Number.isSafeInteger(n)
          ? 'unsafe-integer'
          : undefined
    // The top-level value has no container; a lone number is never a JWT header or claims set.
    if (reason && container)
      this.imprecise.push({ pointer: childPointer(parent, key), raw, offset: start, reason, container, key })
    return n
  }

  string(): string {
    const t = this.text
    const start = this.pos
    this.pos++
    let out = ''
    let chunk = this.pos
    while (true) {
      if (this.pos >= t.length) this.fail('Unterminated string', start)
      const c = t.charCodeAt(this.pos)
      if (c === 34) {
        out += t.slice(chunk, this.pos)
        this.pos++
        return out
      }
      if (c < 0x20) this.fail(`Unescaped ${this.describe()} inside a string`)
      if (c === 92) {
        out += t.slice(chunk, this.pos)
        const e = t[this.pos + 1]
        if (e === 'u') {
          const hex = t.slice(this.pos + 2, this.pos + 6)
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Invalid \\u escape: expected four hex digits')
          out += String.fromCharCode(parseInt(hex, 16))
          this.pos += 6
        } else if (e !== undefined && e in ESCAPES) {
          out += ESCAPES[e]
          this.pos += 2
        } else {
          this.fail(`Invalid escape sequence '\\${e ?? ''}'`)
        }
        chunk = this.pos
        continue
      }
      this.pos++
    }
  }

  *array(pointer: string, depth: number): ParseSteps<JsonValue[]> {
    this.pos++
    const out: JsonValue[] = []
    this.skipWs()
    if (this.text[this.pos] === ']') {
      this.pos++
      return out
    }
    while (true) {
      this.skipWs()
      const at = this.text.charCodeAt(this.pos)
      out.push(
        at === 123 || at === 91
          ? yield* this.value(pointer, depth + 1, out, out.length)
          : this.leaf(pointer, depth + 1, out, out.length),
      )
      if (this.stepDue()) yield
      this.skipWs()
      const c = this.text[this.pos]
      if (c === ',') {
        this.pos++
        continue
      }
      if (c === ']') {
        this.pos++
        return out
      }
      this.fail(`Expected ',' or ']' in an array but found ${this.describe()}`)
    }
  }

  *object(pointer: string, depth: number): ParseSteps<JsonObject> {
    this.pos++
    const out: JsonObject = {}
    const seen = new Map<string, number>()
    this.skipWs()
    if (this.text[this.pos] === '}') {
      this.pos++
      return out
    }
    while (true) {
      this.skipWs()
      if (this.text[this.pos] !== '"') this.fail(`Expected a member name in double quotes but found ${this.describe()}`)
      const keyAt = this.pos
      const key = this.string()
      this.skipWs()
      if (this.text[this.pos] !== ':') this.fail(`Expected ':' after member name "${key}" but found ${this.describe()}`)
      this.pos++
      this.skipWs()
      const at = this.text.charCodeAt(this.pos)
      const v =
        at === 123 || at === 91
          ? yield* this.value(pointer, depth + 1, out, key)
          : this.leaf(pointer, depth + 1, out, key)
      const first = seen.get(key)
      if (first !== undefined)
        this.duplicates.push({ pointer: childPointer(pointer, key), key, firstOffset: first, lastOffset: keyAt })
      else seen.set(key, keyAt)
      // defineProperty, not assignment, for "__proto__": it must stay data, never a prototype.
      if (key === '__proto__')
        Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true })
      else out[key] = v
      if (this.stepDue()) yield
      this.skipWs()
      const c = this.text[this.pos]
      if (c === ',') {
        this.pos++
        continue
      }
      if (c === '}') {
        this.pos++
        return out
      }
      this.fail(`Expected ',' or '}' in an object but found ${this.describe()}`)
    }
  }
}

/** True for a plain JSON object (not an array or null). */
export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * JSON.parse in steps, for texts of megabytes that a crafted share link can hold (300,000
 * redactions expand to 4 MB): one JSON.parse of such a text, and the garbage collection of the
 * hundreds of thousands of values it makes at once, is a task of a quarter of a second. This reader
 * gives the same value as JSON.parse, with the same verdict on validity, but yields between steps
 * of bounded work, so that a caller can run each in a task of its own.
 *
 * How: one pass over the text finds the structure (strings are skipped with indexOf); the members
 * and elements of a large object or array are handed to JSON.parse in groups of about PIECE
 * characters, each group wrapped in the brackets of its container, so the native parser still
 * checks every value. Only the glue between groups (brackets, commas, a large member's name and
 * colon) is checked here. Linear in the text, at every depth, with no recursion.
 */
import { MAX_JSON_DEPTH, parseJson, type JsonValue } from './json.ts'

/** Characters handed to JSON.parse at once, and the size from which a container is read in groups. */
const PIECE = 64 * 1024
/**
 * Work (characters scanned plus characters parsed) between two steps. 768 KB made steps of
 * 110–170 ms in Chromium with the garbage collection of their values (300,000 redactions).
 */
const STEP_WORK = 384 * 1024

/** The sizes above; tests make them small, to reach the grouping with texts they can enumerate. */
export interface JsonStepsSizes {
  piece?: number
  stepWork?: number
}

/** What the reader found: the value, or where and why the text is not JSON. */
export type JsonStepsResult = { value: JsonValue } | { error: { message: string; offset: number } }

interface Frame {
  /** Offset of the opening bracket. */
  open: number
  isObject: boolean
  /** The value so far, once part of the container has been parsed (it is large). */
  value: JsonValue[] | Record<string, JsonValue> | undefined
  /** Start of the members or elements not parsed yet (after a bracket or a comma). */
  groupStart: number
  /** Start of the current member or element, and whether it has any character yet. */
  childStart: number
  childSeen: boolean
  /** Whether any member or element came before the current one (a comma was seen). */
  hadChild: boolean
  /** A large container that is (part of) the current member or element, already read. */
  big: { start: number; end: number; value: JsonValue } | undefined
}

const isWs = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09

class Failure extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message)
  }
}

/** Data properties, as JSON.parse makes them: "__proto__" stays a member, never a prototype. */
function define(target: Record<string, JsonValue>, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true })
}

class StepReader {
  private work = 0
  private readonly stack: Frame[] = []

  private readonly piece: number
  private readonly stepWork: number

  constructor(
    private readonly text: string,
    sizes: JsonStepsSizes,
  ) {
    this.piece = sizes.piece ?? PIECE
    this.stepWork = sizes.stepWork ?? STEP_WORK
  }

  /** Offset just past the string literal that opens at `at`, or -1 when the text ends inside it. */
  private stringEnd(at: number): number {
    const t = this.text
    let q = at
    for (;;) {
      q = t.indexOf('"', q + 1)
      if (q < 0) return -1
      let backslashes = 0
      while (t.charCodeAt(q - 1 - backslashes) === 0x5c) backslashes++
      if (backslashes % 2 === 0) return q + 1
    }
  }

  private skipWs(at: number): number {
    const t = this.text
    while (at < t.length && isWs(t.charCodeAt(at))) at++
    return at
  }

  /** Parses the members or elements in [start, end) of `frame` and adds them to its value. */
  private flush(frame: Frame, start: number, end: number): void {
    const piece = this.text.slice(start, end)
    this.work += end - start
    let parsed: unknown
    const wrapped = frame.isObject ? `{${piece}}` : `[${piece}]`
    try {
      parsed = JSON.parse(wrapped)
    } catch {
      // Where and why, in the words of the page's own parser, on this piece only (the brackets
      // around it stand for the glue, so an offset past the piece is where the glue is wrong).
      const error = parseJson(wrapped).error
      throw new Failure(error?.message ?? 'Invalid JSON', start - 1 + Math.max(1, error?.offset ?? 1))
    }
    if (frame.isObject) {
      const into = (frame.value ??= {}) as Record<string, JsonValue>
      const members = parsed as Record<string, JsonValue>
      for (const key of Object.keys(members)) define(into, key, members[key] as JsonValue)
    } else {
      const into = (frame.value ??= []) as JsonValue[]
      for (const v of parsed as JsonValue[]) into.push(v)
    }
  }

  /** The member or element of `frame` in [childStart, end) is complete; end is at a comma or the closing bracket. */
  private endChild(frame: Frame, end: number): void {
    const big = frame.big
    if (!big) {
      if (end - frame.groupStart > this.piece) {
        this.flush(frame, frame.groupStart, end)
        frame.groupStart = end + 1
      }
      return
    }
    // A large value inside: what came before it is parsed first, then the glue around it is checked.
    if (frame.childStart > frame.groupStart) this.flush(frame, frame.groupStart, frame.childStart - 1)
    const t = this.text
    const at = this.skipWs(frame.childStart)
    if (frame.isObject) {
      const keyEnd = t.charCodeAt(at) === 0x22 ? this.stringEnd(at) : -1
      if (keyEnd < 0) throw new Failure('Expected a member name in double quotes', at)
      let key: string
      try {
        key = JSON.parse(t.slice(at, keyEnd)) as string
      } catch {
        throw new Failure('Invalid member name', at)
      }
      const colon = this.skipWs(keyEnd)
      if (t.charCodeAt(colon) !== 0x3a) throw new Failure(`Expected ':' after member name "${key}"`, colon)
      if (this.skipWs(colon + 1) !== big.start) throw new Failure('Unexpected text before a value', colon + 1)
      define((frame.value ??= {}) as Record<string, JsonValue>, key, big.value)
    } else {
      if (at !== big.start) throw new Failure('Unexpected text before a value', at)
      ;((frame.value ??= []) as JsonValue[]).push(big.value)
    }
    if (this.skipWs(big.end) !== end) throw new Failure('Unexpected text after a value', this.skipWs(big.end))
    frame.big = undefined
    frame.groupStart = end + 1
  }

  /** Closes `frame` at its bracket `at`: its value when it was large (read in groups), else undefined. */
  private close(frame: Frame, at: number): JsonValue | undefined {
    if (frame.childSeen) this.endChild(frame, at)
    else if (frame.hadChild) throw new Failure(`Unexpected '${this.text[at]}' after a comma`, at)
    if (frame.value === undefined && at + 1 - frame.open <= this.piece) return undefined
    if (at > frame.groupStart) this.flush(frame, frame.groupStart, at)
    return frame.value ?? (frame.isObject ? {} : [])
  }

  *read(): Generator<void, JsonValue, void> {
    const t = this.text
    const root = this.skipWs(0)
    const first = t.charCodeAt(root)
    if (first !== 0x5b && first !== 0x7b) {
      // A scalar (or nothing): JSON.parse reads a long string literal at memory speed.
      try {
        return JSON.parse(t) as JsonValue
      } catch {
        throw new Failure('', root)
      }
    }
    const stack = this.stack
    let top: Frame | undefined = this.open(root, first === 0x7b)
    let pos = root + 1
    let lastStep = 0
    while (pos < t.length) {
      if (this.work + pos - lastStep > this.stepWork) {
        this.work = 0
        lastStep = pos
        yield
      }
      const c = t.charCodeAt(pos)
      if (isWs(c)) {
        pos++
        continue
      }
      if (c === 0x22) {
        if (top.big) throw new Failure('Unexpected value after a value', pos)
        top.childSeen = true
        const end = this.stringEnd(pos)
        if (end < 0) throw new Failure('Unterminated string', t.length)
        pos = end
        continue
      }
      if (c === 0x5b || c === 0x7b) {
        if (top.big) throw new Failure('Unexpected value after a value', pos)
        top.childSeen = true
        if (stack.length >= MAX_JSON_DEPTH) throw new Failure(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`, pos)
        top = this.open(pos, c === 0x7b)
        pos++
        continue
      }
      if (c === 0x2c) {
        if (!top.childSeen) throw new Failure("Unexpected ','", pos)
        this.endChild(top, pos)
        top.childStart = pos + 1
        top.childSeen = false
        top.hadChild = true
        pos++
        continue
      }
      if (c === 0x5d || c === 0x7d) {
        if ((c === 0x7d) !== top.isObject) throw new Failure(`Unexpected '${t[pos]}'`, pos)
        const frame = top
        const value = this.close(frame, pos)
        stack.pop()
        top = stack[stack.length - 1]
        pos++
        if (!top) {
          if (this.skipWs(pos) < t.length) throw new Failure('Unexpected text after the end of the JSON value', pos)
          if (value !== undefined) return value
          try {
            return JSON.parse(t.slice(frame.open, pos)) as JsonValue
          } catch {
            throw new Failure('', frame.open)
          }
        }
        if (value !== undefined) {
          if (top.big) throw new Failure('Unexpected value after a value', frame.open)
          top.big = { start: frame.open, end: pos, value }
        }
        continue
      }
      // Numbers, literals and colons: the native parser checks them with their group.
      if (top.big) throw new Failure('Unexpected value after a value', pos)
      top.childSeen = true
      pos++
    }
    throw new Failure('Unexpected end of the JSON text', t.length)
  }

  private open(at: number, isObject: boolean): Frame {
    const frame: Frame = {
      open: at,
      isObject,
      value: undefined,
      groupStart: at + 1,
      childStart: at + 1,
      childSeen: false,
      hadChild: false,
      big: undefined,
    }
    this.stack.push(frame)
    return frame
  }
}

/**
 * Reads a JSON text as JSON.parse does (the same value; duplicate members, the last wins;
 * "__proto__" a plain member), in steps of bounded work: see the module comment. A text that is
 * not JSON gives an error with an offset at or before the first place where the text stops being
 * JSON, and at its end (`text.length`) when the text is JSON cut short. Never throws.
 */
export function* readJsonInSteps(text: string, sizes: JsonStepsSizes = {}): Generator<void, JsonStepsResult, void> {
  try {
    return { value: yield* new StepReader(text, sizes).read() }
  } catch (e) {
    if (!(e instanceof Failure)) throw e
    return { error: { message: e.message || 'Invalid JSON', offset: e.offset } }
  }
}

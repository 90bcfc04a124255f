import { decodeBase64Loose, encodeBase64url } from '../encoding/base64.ts'
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { isJsonObject, parseJson, type JsonValue } from '../encoding/json.ts'
import { readJsonInSteps } from '../encoding/jsonSteps.ts'
import { isRedactionCategory } from './categories.ts'
import type { Redaction } from './redact.ts'
import { diagnostic, type ShareCode } from './codes.ts'

/**
 * What a permalink carries. Only the decoded header and payload text travel by default; the
 * signature never does, so the link is not a usable credential. `token` is set only when the
 * user explicitly chose to share the full token.
 */
export interface ShareState {
  /** The header JSON text, exactly as decoded. */
  header: string
  /** The payload text (JSON claims, or plain text), exactly as decoded, after redaction. */
  payload: string
  /** The kind the sharer's page showed, so the opened view can say if it now differs. */
  kind?: string
  /** Where the sharer's page found the token in what was pasted (a `data-source` value). */
  source?: string
  redactions: Redaction[]
  /** The full signed token: present only when the user switched it on. */
  token?: string
}

/** The current format version, written as `#v1=…`. */
export const PERMALINK_VERSION = 1
/** Decompressed links above this size are refused, so a crafted link cannot exhaust memory. */
const MAX_DECODED_BYTES = 4 * 1024 * 1024
/**
 * From this size the link's JSON is read in steps (encoding/jsonSteps.ts); below it JSON.parse
 * takes a few milliseconds. A link's own header and payload are rarely more than a few KB.
 */
const STEPPED_FROM = 256 * 1024
/** Redactions checked per step: a crafted link can list 300,000. */
const REDACTIONS_PER_STEP = 25_000

/** How a caller lets the page breathe between the steps of reading a large link. */
export interface PermalinkReadOptions {
  /**
   * Resolves when the next step may run. The page passes one that waits for a task of its own
   * (session.ts), so that no task runs long; by default the steps run one after another.
   */
  pause?: () => Promise<void>
}

async function pipeThrough(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit = Infinity,
): Promise<Uint8Array | null> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.length
    if (total > limit) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  const out = new Uint8Array(total)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

function toWire(state: ShareState): Record<string, JsonValue> {
  const wire: Record<string, JsonValue> = {}
  if (state.token !== undefined) wire.t = state.token
  else {
    wire.h = state.header
    wire.p = state.payload
  }
  if (state.kind !== undefined) wire.k = state.kind
  if (state.source !== undefined) wire.s = state.source
  // A header redaction carries a third element, "h"; v1 readers that predate it ignore the extra element.
  if (state.redactions.length > 0)
    wire.r = state.redactions.map((r) =>
      r.location === 'header' ? [r.pointer, r.category, 'h'] : [r.pointer, r.category],
    )
  return wire
}

/**
 * Encodes a share state as a URL fragment body (without `#`): `v1=z.<base64url of deflate-raw
 * JSON>`, or `v1=j.<base64url of JSON>` when compressing would not make it shorter.
 */
export async function encodePermalink(state: ShareState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(toWire(state)))
  let compressed: Uint8Array | null = null
  if (typeof CompressionStream === 'function') {
    try {
      compressed = await pipeThrough(json, new CompressionStream('deflate-raw'))
    } catch {
      compressed = null
    }
  }
  const prefix = `v${PERMALINK_VERSION}=`
  return compressed && compressed.length < json.length
    ? `${prefix}z.${encodeBase64url(compressed)}`
    : `${prefix}j.${encodeBase64url(json)}`
}

export interface PermalinkResult {
  /** Present when the link could be read. */
  state?: ShareState
  /** Why it could not be read; empty on success. */
  diagnostics: Diagnostic[]
}

function fail(code: ShareCode, message: string): PermalinkResult {
  return { diagnostics: [diagnostic(code, message, { part: 'input' })] }
}

const TRUNCATED =
  'The shared link is incomplete: its data ends too early. It was probably cut off when it was copied; ask for the whole link.'

/**
 * Reads a permalink fragment (with or without the leading `#`). Never throws: a corrupt,
 * truncated or unknown-version link gives a diagnostic saying which. A link that expands to
 * megabytes is read in steps, with `options.pause` between them.
 */
export async function decodePermalink(fragment: string, options: PermalinkReadOptions = {}): Promise<PermalinkResult> {
  const body = fragment.replace(/^#/, '')
  const m = /^v(\d+)=([\s\S]*)$/.exec(body)
  if (!m) return fail('PERMALINK_NOT_A_LINK', 'This is not a JWT Explorer shared link: it should start with "#v1=".')
  const version = Number(m[1])
  if (version !== 1) {
    return fail(
      'PERMALINK_VERSION_UNSUPPORTED',
      `The shared link uses format version ${m[1]}, which this copy of JWT Explorer does not know${version > PERMALINK_VERSION ? ': it was made by a newer version. Open it with an up-to-date copy' : ''}.`,
    )
  }
  const data = (m[2] as string).trim()
  const mode = data.slice(0, 2)
  if (mode !== 'z.' && mode !== 'j.')
    return fail(
      'PERMALINK_CORRUPT',
      'The shared link is damaged: after "v1=" it should say "z." or "j.", then the encoded data.',
    )
  const bytes = decodeBase64Loose(data.slice(2))
  if (!bytes) {
    // Only base64url characters but an impossible length (4n+1): the end is missing.
    const cut = data.length <= 2 || /^[A-Za-z0-9_-]+$/.test(data.slice(2))
    return cut
      ? fail('PERMALINK_TRUNCATED', TRUNCATED)
      : fail(
          'PERMALINK_CORRUPT',
          'The shared link is damaged: its data is not valid base64url. Characters may have been changed or added when it was copied.',
        )
  }
  let json: Uint8Array | null = bytes
  if (mode === 'z.') {
    if (typeof DecompressionStream !== 'function')
      return fail(
        'PERMALINK_UNSUPPORTED_BROWSER',
        'This browser cannot decompress the shared link (it lacks DecompressionStream).',
      )
    try {
      json = await pipeThrough(bytes, new DecompressionStream('deflate-raw'), MAX_DECODED_BYTES)
    } catch {
      return fail('PERMALINK_TRUNCATED', TRUNCATED)
    }
    if (!json)
      return fail(
        'PERMALINK_TOO_LARGE',
        `The shared link expands to more than ${MAX_DECODED_BYTES / 1024 / 1024} MB, far more than any token; it was not opened.`,
      )
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(json)
  } catch {
    return fail('PERMALINK_CORRUPT', 'The shared link is damaged: its data is not UTF-8 text.')
  }
  const steps = readWire(text)
  const pause = options.pause ?? (() => Promise.resolve())
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
    await pause()
  }
}

/** The link's data, from its JSON text to its state, in steps (see STEPPED_FROM). */
function* readWire(text: string): Generator<void, PermalinkResult, void> {
  let wire: ReturnType<typeof parseWire>
  if (text.length < STEPPED_FROM) wire = parseWire(text)
  else {
    const read = yield* readJsonInSteps(text)
    wire = 'value' in read ? read : { failed: jsonFailure(text, read.error) }
    yield
  }
  return 'failed' in wire ? wire.failed : yield* fromWire(wire.value)
}

/** Why the link's data is not JSON: cut short when the error is at its very end, damaged otherwise. */
function jsonFailure(text: string, error: { message: string; offset: number }): PermalinkResult {
  return error.offset >= text.length - 1
    ? fail('PERMALINK_TRUNCATED', TRUNCATED)
    : fail('PERMALINK_CORRUPT', `The shared link is damaged: its data is not valid JSON (${error.message}).`)
}

/**
 * The data of a link below STEPPED_FROM as JSON, in one step. The native parser is ten times
 * faster than parseJson, and gives the same value for what the link holds (strings and lists of
 * strings; the last of duplicate members wins in both); parseJson runs only on text the native
 * parser refused, to say where and why.
 */
function parseWire(text: string): { value: JsonValue | undefined } | { failed: PermalinkResult } {
  try {
    return { value: JSON.parse(text) as JsonValue }
  } catch {
    const parsed = parseJson(text)
    return parsed.error ? { failed: jsonFailure(text, parsed.error) } : { value: parsed.value }
  }
}

function* fromWire(wire: JsonValue | undefined): Generator<void, PermalinkResult, void> {
  const invalid = (what: string) =>
    fail('PERMALINK_INVALID', `The shared link was read, but ${what}, so it cannot be shown.`)
  if (!isJsonObject(wire)) return invalid('its data is not an object')
  const { h, p, t, k, s, r } = wire
  if (t !== undefined && typeof t !== 'string') return invalid('its token is not text')
  if (t === undefined && (typeof h !== 'string' || typeof p !== 'string'))
    return invalid('it holds neither a header and payload nor a token')
  if (k !== undefined && typeof k !== 'string') return invalid('its kind is not text')
  if (s !== undefined && typeof s !== 'string') return invalid('its source is not text')
  const redactions: Redaction[] = []
  if (r !== undefined) {
    if (!Array.isArray(r)) return invalid('its list of redactions is not a list')
    for (let i = 0; i < r.length; i++) {
      if (i > 0 && i % REDACTIONS_PER_STEP === 0) yield
      const item = r[i]
      if (
        !Array.isArray(item) ||
        typeof item[0] !== 'string' ||
        typeof item[1] !== 'string' ||
        !isRedactionCategory(item[1]) ||
        (item[2] !== undefined && item[2] !== 'h')
      )
        return invalid('an entry in its list of redactions is malformed')
      redactions.push(
        item[2] === 'h'
          ? { pointer: item[0], category: item[1], location: 'header' }
          : { pointer: item[0], category: item[1] },
      )
    }
  }
  const state: ShareState = {
    header: typeof h === 'string' ? h : '',
    payload: typeof p === 'string' ? p : '',
    redactions,
  }
  if (typeof t === 'string') state.token = t
  if (typeof k === 'string') state.kind = k
  if (typeof s === 'string') state.source = s
  return { state, diagnostics: [] }
}

import { decodeBase64urlSegment } from '../encoding/base64url.ts'
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts'
import { parseJson, type JsonValue } from '../encoding/json.ts'
import { decodeUtf8Strict } from '../encoding/utf8.ts'
import type { Steps } from './steps.ts'

export interface Disclosure {
  /** The disclosure as it appears in the token. */
  text: string
  start: number
  salt: string
  /** Absent for an array-element disclosure (`[salt, value]`). */
  name?: string
  value: JsonValue
}

export interface SdJwtParts {
  disclosures: Disclosure[]
  /** The key-binding JWT after the last `~`, when present. */
  keyBinding?: string
}

/**
 * Characters of disclosures decoded between two steps: a crafted SD-JWT of a megabyte holds tens
 * of thousands of disclosures, each a base64url, UTF-8 and JSON decode of its own.
 */
export const DISCLOSURE_STEP_CHARS = 131_072

/**
 * Splits the part of an SD-JWT after the issuer-signed JWT (`~disclosure~…~[KB-JWT]`) and decodes
 * each disclosure. `offset` is where the first `~` sits in the token, so spans point into it.
 * The note that says what an SD-JWT is comes with the shape checks (checks/decodingNotes.ts).
 * In steps of DISCLOSURE_STEP_CHARS characters.
 */
export function* decodeSdJwtTailSteps(tail: string, offset: number, diagnostics: Diagnostic[]): Steps<SdJwtParts> {
  const pieces = tail.split('~')
  const last = pieces.pop() ?? ''
  const result: SdJwtParts = { disclosures: [] }
  if (last !== '') {
    if (last.includes('.')) result.keyBinding = last
    else pieces.push(last)
  }
  let pos = offset + 1
  let nextStepAt = pos + DISCLOSURE_STEP_CHARS
  for (const text of pieces) {
    const start = pos
    pos += text.length + 1
    if (pos >= nextStepAt) {
      nextStepAt = pos + DISCLOSURE_STEP_CHARS
      yield
    }
    if (text === '') continue
    const d = decodeDisclosure(text, start, diagnostics)
    if (d) result.disclosures.push(d)
  }
  return result
}

function decodeDisclosure(text: string, start: number, diagnostics: Diagnostic[]): Disclosure | null {
  const span = { start, end: start + text.length }
  const bad = (why: string) => {
    diagnostics.push(
      diagnostic('SD_JWT_DISCLOSURE_INVALID', `The disclosure at position ${start + 1} ${why}.`, {
        part: 'input',
        span,
      }),
    )
    return null
  }
  const { bytes, diagnostics: d } = decodeBase64urlSegment(text, start, 'input')
  diagnostics.push(...d)
  if (!bytes) return null
  const utf8 = decodeUtf8Strict(bytes)
  if (!utf8.ok) return bad('is not valid UTF-8')
  const parsed = parseJson(utf8.text)
  if (parsed.error || !Array.isArray(parsed.value)) return bad('is not a JSON array')
  const arr = parsed.value
  if (arr.length === 3 && typeof arr[0] === 'string' && typeof arr[1] === 'string') {
    return { text, start, salt: arr[0], name: arr[1], value: arr[2] as JsonValue }
  }
  if (arr.length === 2 && typeof arr[0] === 'string') return { text, start, salt: arr[0], value: arr[1] as JsonValue }
  return bad('is neither [salt, name, value] nor [salt, value]')
}

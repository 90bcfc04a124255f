import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import {
  codePointLabel,
  findDeceptive,
  showDeceptive,
  type DeceptiveChar,
  type DeceptiveClass,
} from '../encoding/deceptive.ts'
import { escapePointerToken, isJsonObject, type JsonValue } from '../encoding/json.ts'
import type { DecodedToken } from '../decode/decodeToken.ts'
import { diagnostic, type ShapeCheckCode } from './shapeCodes.ts'

/** One code per class, so that a test or a reader can tell a reordering from a look-alike. */
export const DECEPTIVE_CODES: Readonly<Record<DeceptiveClass, ShapeCheckCode>> = {
  bidi: 'DISPLAY_BIDI_CONTROL',
  control: 'DISPLAY_CONTROL_CHARACTER',
  invisible: 'DISPLAY_INVISIBLE_CHARACTER',
  confusable: 'DISPLAY_CONFUSABLE_CHARACTER',
}

const WHAT: Readonly<Record<DeceptiveClass, string>> = {
  bidi: 'a bidirectional control, which changes the order in which the characters after it are displayed',
  control: 'a control character or non-character, which prints nothing or breaks the line',
  invisible: 'a character that is not displayed at all',
  confusable: 'a character that looks like another, more common one',
}

// Names for the characters an attacker reaches for first; the others are named by code point only.
const NAMES: Readonly<Record<number, string>> = {
  0x00: 'null',
  0x09: 'tab',
  0x0a: 'line feed',
  0x0d: 'carriage return',
  0x1b: 'escape',
  0x7f: 'delete',
  0xa0: 'no-break space',
  0xad: 'soft hyphen',
  0x34f: 'combining grapheme joiner',
  0x61c: 'Arabic letter mark',
  0x115f: 'Hangul choseong filler',
  0x1160: 'Hangul jungseong filler',
  0x180e: 'Mongolian vowel separator',
  0x200b: 'zero width space',
  0x200c: 'zero width non-joiner',
  0x200d: 'zero width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0x2800: 'braille pattern blank',
  0x3000: 'ideographic space',
  0x3164: 'Hangul filler',
  0xfeff: 'zero width no-break space (byte order mark)',
  0xffa0: 'halfwidth Hangul filler',
}

/** `U+202E (right-to-left override)`, or just `U+E0041` for a character without a name here. */
function describeCodePoint(cp: number): string {
  const name = NAMES[cp]
  return name ? `${codePointLabel(cp)} (${name})` : codePointLabel(cp)
}

// Claims whose text is the identity: a look-alike here can pass for someone else.
const IDENTITY = new Set(['/iss', '/sub', '/aud', '/azp', '/client_id', '/kubernetes.io'])
const isIdentity = (pointer: string) =>
  IDENTITY.has(pointer) ||
  [...IDENTITY].some((p) => pointer.startsWith(`${p}/`)) ||
  pointer.startsWith('/kubernetes.io~1serviceaccount~1')

/** A readable path to a member, `kubernetes.io.pod.name` or `aud[1]`, with markers for what it hides. */
function label(path: readonly (string | number)[]): string {
  return showDeceptive(
    path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(root)',
  )
}

function summarise(found: readonly DeceptiveChar[]): string {
  const counts = new Map<number, number>()
  for (const c of found) counts.set(c.codePoint, (counts.get(c.codePoint) ?? 0) + 1)
  const listed = [...counts]
    .slice(0, 5)
    .map(([cp, n]) => (n > 1 ? `${describeCodePoint(cp)} ×${n}` : describeCodePoint(cp)))
  return listed.join(', ') + (counts.size > 5 ? `, and ${counts.size - 5} more` : '')
}

function check(
  text: string,
  what: 'name' | 'value',
  pointer: string,
  path: readonly (string | number)[],
  location: 'header' | 'payload',
  out: Diagnostic[],
) {
  const found = findDeceptive(text)
  if (found.length === 0) return
  const byClass = new Map<DeceptiveClass, DeceptiveChar[]>()
  for (const c of found) byClass.set(c.cls, [...(byClass.get(c.cls) ?? []), c])
  for (const [cls, chars] of byClass) {
    const subject = what === 'name' ? `The member name ${label(path)}` : `The value of ${label(path)}`
    const identity =
      location === 'payload' && isIdentity(pointer) ? ' This claim names who the token is for or from.' : ''
    out.push(
      diagnostic(
        DECEPTIVE_CODES[cls],
        `${subject} contains ${WHAT[cls]}: ${summarise(chars)}. It is shown as a marker such as ⟨${codePointLabel(chars[0]!.codePoint)}⟩, so the text cannot pass for something it is not.${identity}`,
        { part: location, pointer, location },
      ),
    )
  }
}

/**
 * Flags every member name and string value of a header or payload that contains bidi controls,
 * invisible, control or look-alike characters (see `findDeceptive`), one warning per member and
 * class, attached to the member's row. Linear in the size of the JSON value. It runs with the lazily
 * loaded checks; the rows show such characters as markers from the first paint, whether or not
 * these warnings have arrived.
 */
export function deceptiveTextDiagnostics(value: JsonValue, location: 'header' | 'payload'): Diagnostic[] {
  const out: Diagnostic[] = []
  const walk = (v: JsonValue, pointer: string, path: (string | number)[]) => {
    if (typeof v === 'string') check(v, 'value', pointer, path, location, out)
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${pointer}/${i}`, [...path, i]))
    else if (isJsonObject(v))
      for (const [k, x] of Object.entries(v)) {
        const p = `${pointer}/${escapePointerToken(k)}`
        check(k, 'name', p, [...path, k], location, out)
        walk(x, p, [...path, k])
      }
  }
  walk(value, '', [])
  return out
}

/** The misleading-text warnings of a token's header and claims (see deceptiveTextDiagnostics). */
export function deceptiveTokenDiagnostics(decoded: DecodedToken): Diagnostic[] {
  return [
    ...(decoded.header ? deceptiveTextDiagnostics(decoded.header.value, 'header') : []),
    ...(decoded.payload.kind === 'claims' ? deceptiveTextDiagnostics(decoded.payload.json.value, 'payload') : []),
  ]
}

/**
 * Characters that make text read differently from what it is: bidi controls that reorder it,
 * characters that show nothing, controls, and characters that pass for others. Classes come from
 * Unicode properties (the regular expression engine's tables), not from hand-made lists:
 *
 * - `bidi`: Bidi_Control (U+061C, U+200E/200F, U+202A–202E, U+2066–2069).
 * - `control`: general categories Cc (C0, DEL, C1), Zl and Zp (U+2028/2029), Cs (a lone
 *   surrogate, which is no character at all), and Noncharacter_Code_Point.
 * - `invisible`: general category Cf and Default_Ignorable_Code_Point (zero-width characters,
 *   U+FEFF, soft hyphen, word joiner, tag characters, variation selectors, Hangul fillers…), plus
 *   U+2800 (braille blank), which has neither property but prints nothing. Two uses are left
 *   alone because emoji need them: a variation selector after an emoji, and a zero-width joiner
 *   between two pictographs.
 * - `confusable`: a space other than U+0020 (category Zs); a character whose compatibility form
 *   (NFKC) is one ASCII character, or a letter or number whose compatibility form is ASCII
 *   (fullwidth and mathematical letters, ligatures such as "ﬁ", the Kelvin sign, superscript
 *   digits), but not symbols that merely spell ASCII ("…", "™"); and, in a word that mixes
 *   Latin, Greek, Cyrillic, Armenian or Cherokee letters, the letters of the smaller scripts
 *   (UTS #39 mixed-script detection, restricted to the scripts whose letters look alike).
 */

export type DeceptiveClass = 'bidi' | 'control' | 'invisible' | 'confusable'

export interface DeceptiveChar {
  /** UTF-16 offset in the text. */
  index: number
  /** UTF-16 length: 2 for a character outside the BMP. */
  length: number
  codePoint: number
  cls: DeceptiveClass
}

const NOT_PLAIN_ASCII = /[^\x20-\x7e]/
const CANDIDATE =
  /[\p{Bidi_Control}\p{Cc}\p{Zl}\p{Zp}\p{Cs}\p{Noncharacter_Code_Point}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800\p{Zs}]/gu
const BIDI = /^\p{Bidi_Control}$/u
const CONTROL = /^[\p{Cc}\p{Zl}\p{Zp}\p{Cs}\p{Noncharacter_Code_Point}]$/u
const SPACE = /^\p{Zs}$/u
const EMOJI = /^\p{Emoji}$/u
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u
const EMOJI_MODIFIER = /^\p{Emoji_Modifier}$/u
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u
const LOOKALIKE_SCRIPT = /[\p{sc=Grek}\p{sc=Cyrl}\p{sc=Armn}\p{sc=Cher}]/u
const WORD = /[\p{L}\p{M}\p{Nd}]+/gu
// Latin, Greek, Cyrillic, Armenian, Cherokee: a script is its index here (Latin first wins ties).
const SCRIPTS = [/\p{sc=Latn}/u, /\p{sc=Grek}/u, /\p{sc=Cyrl}/u, /\p{sc=Armn}/u, /\p{sc=Cher}/u]

/** The character at an offset (a lone surrogate counts as one), or '' past the end. */
function charAt(text: string, index: number): string {
  const cp = text.codePointAt(index)
  return cp === undefined ? '' : String.fromCodePoint(cp)
}

function previousChar(text: string, index: number): string {
  if (index === 0) return ''
  const low = text.charCodeAt(index - 1)
  const high = index >= 2 ? text.charCodeAt(index - 2) : 0
  const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff
  return charAt(text, index - (pair ? 2 : 1))
}

/** Emoji sequences need VS16 (after an emoji) and ZWJ (between pictographs); those are not hidden text. */
function isEmojiGlue(text: string, index: number, cp: number): boolean {
  const before = previousChar(text, index)
  if (cp === 0xfe0f || cp === 0xfe0e) return EMOJI.test(before)
  if (cp !== 0x200d) return false
  const after = charAt(text, index + 1)
  return (PICTOGRAPH.test(before) || before === '\ufe0f' || EMOJI_MODIFIER.test(before)) && PICTOGRAPH.test(after)
}

function classify(ch: string, text: string, index: number): DeceptiveClass | undefined {
  if (BIDI.test(ch)) return 'bidi'
  if (CONTROL.test(ch)) return 'control'
  if (SPACE.test(ch)) return ch === ' ' ? undefined : 'confusable'
  return isEmojiGlue(text, index, ch.codePointAt(0) as number) ? undefined : 'invisible'
}

function mixedScriptLetters(text: string, found: Map<number, DeceptiveChar>) {
  for (const m of text.matchAll(WORD)) {
    const word = m[0]
    // Most words hold one script: two tests per script on the whole word settle them.
    if (!LOOKALIKE_SCRIPT.test(word) || SCRIPTS.filter((re) => re.test(word)).length < 2) continue
    const counts = new Map<number, number>()
    const letters: Array<{ index: number; ch: string; script: number }> = []
    let offset = m.index
    for (const ch of word) {
      const script = SCRIPTS.findIndex((re) => re.test(ch))
      if (script >= 0) {
        counts.set(script, (counts.get(script) ?? 0) + 1)
        letters.push({ index: offset, ch, script })
      }
      offset += ch.length
    }
    if (counts.size < 2) continue
    // The word's main script is the one with most letters (Latin on a tie); the others stand out.
    const main = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0]
    for (const l of letters)
      if (l.script !== main && !found.has(l.index))
        found.set(l.index, { index: l.index, length: l.ch.length, codePoint: l.ch.codePointAt(0)!, cls: 'confusable' })
  }
}

/**
 * Lists the characters of a text that could mislead a reader, by class (see the module
 * comment), in text order. Plain printable ASCII costs one test.
 */
export function findDeceptive(text: string): DeceptiveChar[] {
  if (!NOT_PLAIN_ASCII.test(text)) return []
  const found = new Map<number, DeceptiveChar>()
  for (const m of text.matchAll(CANDIDATE)) {
    const cls = classify(m[0], text, m.index)
    if (cls) found.set(m.index, { index: m.index, length: m[0].length, codePoint: m[0].codePointAt(0)!, cls })
  }
  // One native pass tells whether any character has a compatibility form at all.
  if (text.normalize('NFKC') !== text) {
    let index = 0
    for (const ch of text) {
      if (ch.length === 2 || ch.charCodeAt(0) > 0x7e) {
        const folded = ch.normalize('NFKC')
        const passesFor = folded.length === 1 || LETTER_OR_NUMBER.test(ch)
        if (folded !== ch && passesFor && PRINTABLE_ASCII.test(folded) && !found.has(index))
          found.set(index, { index, length: ch.length, codePoint: ch.codePointAt(0)!, cls: 'confusable' })
      }
      index += ch.length
    }
  }
  if (LOOKALIKE_SCRIPT.test(text)) mixedScriptLetters(text, found)
  return [...found.values()].sort((a, b) => a.index - b.index)
}

/** `U+202E`: the code point in the notation Unicode uses. */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`
}

const marker = (c: DeceptiveChar) => `⟨${codePointLabel(c.codePoint)}⟩`

function replaceFound(text: string, found: readonly DeceptiveChar[], by: (c: DeceptiveChar) => string): string {
  if (found.length === 0) return text
  let out = ''
  let at = 0
  for (const c of found) {
    out += text.slice(at, c.index) + by(c)
    at = c.index + c.length
  }
  return out + text.slice(at)
}

/**
 * The text with every misleading character replaced by a visible marker such as `⟨U+202E⟩`,
 * so that nothing reorders, hides or imitates other text where it is shown.
 */
export function showDeceptive(text: string): string {
  return replaceFound(text, findDeceptive(text), marker)
}

// Tab, line feed and carriage return are the only misleading characters valid JSON has outside strings.
const JSON_WHITESPACE = new Set([0x09, 0x0a, 0x0d])
const inJsonStrings = (json: string) => findDeceptive(json).filter((c) => !JSON_WHITESPACE.has(c.codePoint))

/** Like `showDeceptive`, for JSON text: the white space between its tokens (line breaks, indents) stays. */
export function showDeceptiveJson(json: string): string {
  return replaceFound(json, inJsonStrings(json), marker)
}

/**
 * JSON text with every misleading character written as a `\uXXXX` escape: the same JSON value,
 * but nothing in it reorders or hides when the text is displayed. Apart from the white space
 * between tokens, such characters only ever sit inside JSON strings (raw tab and line breaks may
 * not), where the escape means the same character.
 */
export function escapeDeceptiveJson(json: string): string {
  return replaceFound(json, inJsonStrings(json), (c) => {
    const units = c.codePoint > 0xffff ? String.fromCodePoint(c.codePoint) : String.fromCharCode(c.codePoint)
    return [...Array(units.length).keys()]
      .map((i) => `\\u${units.charCodeAt(i).toString(16).padStart(4, '0')}`)
      .join('')
  })
}

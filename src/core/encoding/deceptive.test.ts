import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { escapeDeceptiveJson, findDeceptive, showDeceptive, type DeceptiveClass } from './deceptive.ts'

const classes = (s: string) => findDeceptive(s).map((c) => [c.codePoint, c.cls] as [number, DeceptiveClass])

describe('characters that mislead a reader', () => {
  it('finds every bidi control', () => {
    for (const cp of [0x61c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069])
      expect(classes(`a${String.fromCodePoint(cp)}b`), cp.toString(16)).toEqual([[cp, 'bidi']])
  })

  it('finds controls, separators, lone surrogates and non-characters', () => {
    for (const cp of [0x00, 0x09, 0x0a, 0x1b, 0x7f, 0x85, 0x9b, 0x2028, 0x2029, 0xd800, 0xfffe, 0xfdd0])
      expect(classes(`a${String.fromCharCode(cp)}b`), cp.toString(16)).toEqual([[cp, 'control']])
  })

  it('finds characters that show nothing, wherever they are', () => {
    for (const cp of [
      0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0xad, 0x34f, 0x180e, 0x3164, 0x115f, 0x2800, 0xe0041, 0xfe0f,
    ])
      expect(classes(`a${String.fromCodePoint(cp)}b`), cp.toString(16)).toEqual([[cp, 'invisible']])
    expect(classes('\ufeffabc')).toEqual([[0xfeff, 'invisible']])
  })

  it('leaves emoji sequences alone', () => {
    expect(findDeceptive('I ❤️ JWT')).toEqual([])
    expect(findDeceptive('👨‍👩‍👧 and 👍🏽‍👍')).toEqual([])
    expect(findDeceptive('Zoë, Ελλάδα, Україна, 日本語, עברית')).toEqual([])
  })

  it('finds look-alikes: other spaces, compatibility forms of ASCII, and mixed-script words', () => {
    expect(classes('a\u00a0b')).toEqual([[0xa0, 'confusable']])
    expect(classes('ａｄｍｉｎ').map(([, c]) => c)).toEqual(Array(5).fill('confusable'))
    expect(classes('\u212aubernetes')).toEqual([[0x212a, 'confusable']])
    expect(classes('\ufb01le¹／')).toEqual([
      [0xfb01, 'confusable'],
      [0xb9, 'confusable'],
      [0xff0f, 'confusable'],
    ])
    // Symbols that spell ASCII but do not pass for it stay as they are.
    expect(findDeceptive('wait… Acme™ №5')).toEqual([])
    // Cyrillic а (U+0430) inside a Latin word, and Latin o inside a Greek word.
    expect(classes('pаypal')).toEqual([[0x430, 'confusable']])
    expect(classes('λoγος')).toEqual([[0x6f, 'confusable']])
  })

  it('shows each one as a marker with its code point', () => {
    expect(showDeceptive('admin\u202etxt.exe')).toBe('admin⟨U+202E⟩txt.exe')
    expect(showDeceptive('sys\u200btem:\u{e0041}x')).toBe('sys⟨U+200B⟩tem:⟨U+E0041⟩x')
    expect(showDeceptive('plain text')).toBe('plain text')
  })

  it('leaves nothing that hides or reorders text once shown (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(findDeceptive(showDeceptive(s))).toEqual([])
      }),
      { numRuns: 2000 },
    )
  })

  it('escapes them in JSON text without changing the JSON value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), (v) => {
        const json = JSON.stringify(v, null, 2)
        const escaped = escapeDeceptiveJson(json)
        expect(JSON.parse(escaped)).toEqual(JSON.parse(json))
        // What hides or reorders text is gone. (A look-alike letter may now sit next to the Latin letters of
        // an escape such as \u0430, which reads as a mixed-script word: harmless, the escape is in plain sight.)
        const left = findDeceptive(escaped).filter(
          (c) => c.cls !== 'confusable' && !'\t\n\r'.includes(String.fromCodePoint(c.codePoint)),
        )
        expect(left).toEqual([])
      }),
      { numRuns: 1000 },
    )
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { shellWords } from '../../test/shellWords.ts'
import { renderShellCommand, shellArgv, shellQuote, untrusted, type ShellWord } from './shell.ts'

const anyText = fc.string({ unit: 'binary', maxLength: 40 })
const part = fc.oneof(
  fc.constantFrom('kubectl', '-n', '--as=', 'jsonpath=', '{.metadata.uid}', '--', '<namespace>'),
  anyText.map(untrusted),
)
const word: fc.Arbitrary<ShellWord> = fc.oneof(part, fc.array(part, { minLength: 1, maxLength: 4 }))

describe('shell commands', () => {
  it('quote only what the shell would read as more than text', () => {
    expect(shellQuote('web-0')).toBe('web-0')
    expect(shellQuote('')).toBe("''")
    expect(shellQuote("x'; rm -rf / #")).toBe(`'x'\\''; rm -rf / #'`)
    expect(shellQuote('$(id)')).toBe("'$(id)'")
    // zsh turns a word that starts with "=" into a path; inside a word it is plain.
    expect(shellQuote('=ls')).toBe("'=ls'")
    expect(shellQuote('a=b')).toBe('a=b')
    expect(shellQuote('a\nb')).toBe("'a\nb'")
  })

  it('joins the parts of a word without spaces and keeps empty words', () => {
    const words = ['kubectl', ['--as=', untrusted('a b')], untrusted(''), ['jsonpath=', '{.x}']]
    expect(renderShellCommand(words)).toBe("kubectl --as='a b' '' jsonpath='{.x}'")
    expect(shellArgv(words)).toEqual(['kubectl', '--as=a b', '', 'jsonpath={.x}'])
  })

  it('the shell reads back exactly the words meant, whatever the values (property)', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), (words) => {
        expect(shellWords(renderShellCommand(words))).toEqual(shellArgv(words))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('the test oracle that reads shell text', () => {
  it('reads quotes and escapes as a POSIX shell does', () => {
    expect(shellWords(`a 'b c' "d\\"e" f\\ g ''`)).toEqual(['a', 'b c', 'd"e', 'f g', ''])
  })

  it('refuses anything a shell would do more with than pass it on', () => {
    for (const line of [
      'a;b',
      'a|b',
      'a>b',
      '$(id)',
      '`id`',
      '"$HOME"',
      '*',
      '~/x',
      '#c',
      'a\nb',
      "'open",
      '=ls',
      '{a,b}',
    ])
      expect(() => shellWords(line), line).toThrow()
  })
})

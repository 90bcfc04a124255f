/**
 * Shell commands put together from a template and untrusted values (a token's names, a key
 * set's URL). Every word is quoted for a POSIX shell, so that the shell hands the program exactly
 * the words the template meant: a value can never split into two words, expand, redirect or end
 * the command. Whether a value may become an option is the caller's business: it validates
 * names, puts `--` before positional arguments, and writes free-form values as `--flag=value`.
 */

/** A value that came from the input, not from the template. */
export interface Untrusted {
  readonly untrusted: string
}

/** Marks a value as coming from the input. */
export const untrusted = (value: string): Untrusted => ({ untrusted: value })

/** Text the template wrote, or a value from the input. */
export type ShellPart = string | Untrusted

/** One argument: one part, or several parts joined without a space (such as `--as=` and a value). */
export type ShellWord = ShellPart | readonly ShellPart[]

// Characters that mean nothing to a POSIX shell anywhere in a word (XCU 2.2, 2.6, 2.13); "="
// only after the first character, since zsh expands a word that starts with it into a path.
const PLAIN = /^[A-Za-z0-9_./:@%+,-][A-Za-z0-9_./:@%+,=-]*$/

/**
 * Quotes a value for a POSIX shell: unchanged when it is made only of characters that mean
 * nothing to the shell, otherwise in single quotes, inside which every character is literal
 * (XCU 2.2.2); a single quote itself is written as `'\''`.
 */
export function shellQuote(value: string): string {
  return PLAIN.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`
}

const text = (p: ShellPart): string => (typeof p === 'string' ? p : p.untrusted)
const parts = (w: ShellWord): readonly ShellPart[] =>
  typeof w === 'string' || !Array.isArray(w) ? [w as ShellPart] : w

/** The words the program receives once the shell has read the command: each word's parts joined. */
export function shellArgv(words: readonly ShellWord[]): string[] {
  return words.map((w) => parts(w).map(text).join(''))
}

/** Writes the command as one line of shell text, each part quoted on its own. */
export function renderShellCommand(words: readonly ShellWord[]): string {
  return words
    .map((w) => {
      const ps = parts(w)
      // An empty word needs quotes, or the shell drops it (an empty part is quoted as '').
      return ps.length === 0 ? "''" : ps.map((p) => shellQuote(text(p))).join('')
    })
    .join(' ')
}

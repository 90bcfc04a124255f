/**
 * Reads one line of POSIX shell text the way the shell would (XCU 2.2–2.6), for tests, and returns
 * the words it hands to the program. It is strict on purpose: anything that would make a shell do
 * more than pass words along (an operator, a redirection, an expansion, a glob, a comment, a
 * tilde, history expansion, zsh's `=cmd`, a line break) throws, so a test fails on it. Outside
 * quotes only plain word characters are accepted.
 */
export function shellWords(line: string): string[] {
  const words: string[] = []
  let word: string | undefined
  let i = 0
  function fail(why: string): never {
    throw new Error(`${why} at offset ${i} of ${JSON.stringify(line)}`)
  }
  while (i < line.length) {
    const c = line[i] as string
    if (c === ' ' || c === '\t') {
      if (word !== undefined) words.push(word)
      word = undefined
      i++
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1)
      if (end < 0) fail('unterminated single quote')
      word = (word ?? '') + line.slice(i + 1, end)
      i = end + 1
    } else if (c === '"') {
      let j = i + 1
      let text = ''
      for (;;) {
        const d = line[j]
        if (d === undefined) fail('unterminated double quote')
        if (d === '"') break
        if (d === '$' || d === '`') fail(`expansion "${d}" inside double quotes`)
        if (d === '\\' && '$`"\\'.includes(line[j + 1] ?? '')) {
          text += line[j + 1]
          j += 2
        } else if (d === '\\' && line[j + 1] === '\n') {
          fail('line continuation')
        } else {
          text += d
          j++
        }
      }
      word = (word ?? '') + text
      i = j + 1
    } else if (c === '\\') {
      const next = line[i + 1]
      if (next === undefined || next === '\n') fail('backslash at the end of a line')
      word = (word ?? '') + next
      i += 2
    } else if (/[A-Za-z0-9_./:@%+,=-]/.test(c)) {
      if (word === undefined && c === '=') fail('a word starting with "=" (zsh expands it)')
      word = (word ?? '') + c
      i++
    } else {
      fail(`unquoted ${JSON.stringify(c)}`)
    }
  }
  if (word !== undefined) words.push(word)
  return words
}

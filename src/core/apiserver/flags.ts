// kube-apiserver command-line flags, read with pflag's rules for the flags that shape token
// authentication (k/k pkg/kubeapiserver/options/authentication.go). Other flags are counted and
// ignored. The text may be a shell command line (quotes, backslash-newline continuations), one
// flag per line, or a YAML list of `- --flag=value` items.

/** Splits a command line into words, as a POSIX shell would for quotes and backslashes. */
export function shellWords(text: string): string[] {
  const words: string[] = []
  let current = ''
  let inWord = false
  let i = 0
  const push = () => {
    if (inWord) words.push(current)
    current = ''
    inWord = false
  }
  while (i < text.length) {
    const ch = text[i]!
    if (ch === '\\') {
      const next = text[i + 1]
      if (next === '\n') i += 2
      else if (next === '\r' && text[i + 2] === '\n') i += 3
      else {
        current += next ?? ''
        inWord = true
        i += 2
      }
      continue
    }
    if (ch === "'") {
      const end = text.indexOf("'", i + 1)
      current += end < 0 ? text.slice(i + 1) : text.slice(i + 1, end)
      inWord = true
      i = end < 0 ? text.length : end + 1
      continue
    }
    if (ch === '"') {
      i++
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && /["\\$`\n]/.test(text[i + 1] ?? '')) {
          if (text[i + 1] !== '\n') current += text[i + 1]
          i += 2
        } else current += text[i++]
      }
      i++
      inWord = true
      continue
    }
    if (/\s/.test(ch)) {
      push()
      i++
      continue
    }
    if (ch === '#' && !inWord) {
      const nl = text.indexOf('\n', i)
      i = nl < 0 ? text.length : nl
      continue
    }
    current += ch
    inWord = true
    i++
  }
  push()
  return words
}

/** pflag's StringSlice parsing: CSV, so `"a,b",c` is two values and quotes group commas. */
export function csvValues(value: string): string[] {
  if (value === '') return []
  const out: string[] = []
  let cur = ''
  let quoted = false
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!
    if (quoted) {
      if (ch === '"' && value[i + 1] === '"') {
        cur += '"'
        i++
      } else if (ch === '"') quoted = false
      else cur += ch
    } else if (ch === '"' && cur === '') quoted = true
    else if (ch === ',') {
      out.push(cur)
      cur = ''
    } else cur += ch
  }
  out.push(cur)
  return out
}

type FlagKind = 'string' | 'stringArray' | 'stringSlice' | 'bool' | 'mapNoSplit'

/** The flags read here, with pflag's type for each (authentication.go AddFlags). */
export const AUTH_FLAGS: Record<string, FlagKind> = {
  'service-account-issuer': 'stringArray',
  'service-account-key-file': 'stringArray',
  'api-audiences': 'stringSlice',
  'service-account-api-audiences': 'stringSlice',
  'service-account-lookup': 'bool',
  'authentication-config': 'string',
  'oidc-issuer-url': 'string',
  'oidc-client-id': 'string',
  'oidc-ca-file': 'string',
  'oidc-username-claim': 'string',
  'oidc-username-prefix': 'string',
  'oidc-groups-claim': 'string',
  'oidc-groups-prefix': 'string',
  'oidc-signing-algs': 'stringSlice',
  'oidc-required-claim': 'mapNoSplit',
  'anonymous-auth': 'bool',
  'service-account-signing-endpoint': 'string',
}

export interface ParsedFlags {
  /** Values by flag name: last value for strings, all values for arrays and slices. */
  strings: Record<string, string>
  arrays: Record<string, string[]>
  bools: Record<string, boolean>
  /** `--oidc-required-claim`: in the order given (upstream keeps a map; a later key replaces). */
  requiredClaims: [string, string][]
  /** Names of the flags that were set, in order. */
  set: string[]
  /** Other kube-apiserver flags seen (ignored). */
  others: string[]
  /** pflag's parse errors, e.g. a flag without its value. */
  errors: { flag: string; message: string }[]
  /** The words that were not flags (the binary name, a stray word). */
  positionals: string[]
}

function parseBool(v: string): boolean | undefined {
  // strconv.ParseBool
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false
  return undefined
}

/** Reads flags from words (already split), with pflag's `--name=value` / `--name value` forms. */
export function parseFlagWords(words: readonly string[]): ParsedFlags {
  const out: ParsedFlags = {
    strings: {},
    arrays: {},
    bools: {},
    requiredClaims: [],
    set: [],
    others: [],
    errors: [],
    positionals: [],
  }
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    if (!word.startsWith('--') || word === '--') {
      out.positionals.push(word)
      continue
    }
    const eq = word.indexOf('=')
    const name = eq < 0 ? word.slice(2) : word.slice(2, eq)
    const kind = AUTH_FLAGS[name]
    if (!kind) {
      out.others.push(name)
      // Another flag's value given as the next word must not be read as a positional.
      if (eq < 0 && words[i + 1] !== undefined && !words[i + 1]!.startsWith('-')) i++
      continue
    }
    let value: string | undefined = eq < 0 ? undefined : word.slice(eq + 1)
    if (value === undefined && kind !== 'bool') {
      value = words[i + 1]
      if (value === undefined) {
        out.errors.push({ flag: name, message: `flag needs an argument: --${name}` })
        continue
      }
      i++
    }
    out.set.push(name)
    switch (kind) {
      case 'bool': {
        const b = value === undefined ? true : parseBool(value)
        if (b === undefined)
          out.errors.push({
            flag: name,
            message: `invalid argument ${JSON.stringify(value)} for "--${name}" flag: strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`,
          })
        else out.bools[name] = b
        break
      }
      case 'string':
        out.strings[name] = value!
        break
      case 'stringArray':
        ;(out.arrays[name] ??= []).push(value!)
        break
      case 'stringSlice':
        ;(out.arrays[name] ??= []).push(...csvValues(value!))
        break
      case 'mapNoSplit': {
        const at = value!.indexOf('=')
        if (at < 0)
          out.errors.push({
            flag: name,
            message: `invalid argument ${JSON.stringify(value)} for "--${name}" flag: malformed pair, expect string=string`,
          })
        else out.requiredClaims.push([value!.slice(0, at).trim(), value!.slice(at + 1).trim()])
        break
      }
    }
  }
  return out
}

/** Reads flags from free text: a command line, one flag per line, or `- --flag` list items. */
export function parseFlagText(text: string): ParsedFlags {
  const unlisted = text.replace(/^\s*-\s+(?=--)/gm, '')
  return parseFlagWords(shellWords(unlisted))
}

/** True when the text is mostly kube-apiserver flags. */
export function looksLikeFlags(text: string): boolean {
  return /(^|\s)--[a-z][a-z0-9-]*(=|\s|$)/m.test(text)
}

import { codePointLabel, findDeceptive, showDeceptive } from '../encoding/deceptive.ts'
import { renderShellCommand, shellArgv, untrusted, type ShellPart } from '../encoding/shell.ts'
import type { AdviceItem } from './advice.ts'
import type { NamedKind } from './names.ts'
import { checkObjectName, KIND_LABEL, RULE_TEXT } from './nameRules.ts'

// Values from an untrusted token on their way into a command or manifest: each is held to the
// rule the API server holds it to, or refused with the reason. Shared by advice.ts and
// bindingAdvice.ts.

/**
 * A value from the token on its way into a command: accepted (with the part to write) or refused
 * (with the reason, naming the field and the rule it breaks).
 */
export type Arg = { ok: true; part: ShellPart } | { ok: false; problem: string }

/** Text of a value for a message: quoted, cut short, with its invisible characters made visible. */
export function quoted(value: string): string {
  const short = value.length > 80 ? `${value.slice(0, 80)}…` : value
  return `"${showDeceptive(short)}"`
}

/**
 * An object name from the token, held to the rule the API server applies to that kind. A missing
 * name becomes a placeholder for the user to fill in; a name that breaks the rule is refused.
 * The rules only allow letters, digits, "-" and "." and a letter or digit first, so an accepted
 * name can never read as an option or as shell syntax.
 */
export function objectName(kind: NamedKind, field: string, value: string | undefined): Arg {
  if (value === undefined) return { ok: true, part: `<${KIND_LABEL[kind].toLowerCase().replace(' ', '-')}>` }
  const check = checkObjectName(kind, value)
  if (check.ok) return { ok: true, part: untrusted(value) }
  return {
    ok: false,
    problem: `${field} in the token, ${quoted(value)}, is not a valid ${KIND_LABEL[kind]} name: Kubernetes requires ${RULE_TEXT[check.rule]}, and ${check.problems.join(' and ')}`,
  }
}

/** A value Kubernetes sets no rule for (an audience): written as `--flag=value`, refused only if it hides characters. */
export function freeText(field: string, value: string): Arg {
  const hidden = findDeceptive(value)
  if (hidden.length === 0) return { ok: true, part: untrusted(value) }
  const which = [...new Set(hidden.map((c) => codePointLabel(c.codePoint)))].slice(0, 3).join(', ')
  return {
    ok: false,
    problem: `${field} in the token, ${quoted(value)}, contains characters that would not show in a command as they are (${which})`,
  }
}

export type Word = string | Arg | readonly (string | Arg)[]

/**
 * Builds a shell command from template words and checked values. If any value was refused, the
 * step gets no command, and `withheld` says which value and why.
 */
export function shell(words: readonly Word[]): Pick<AdviceItem, 'command' | 'language' | 'argv' | 'withheld'> {
  const problems: string[] = []
  const part = (p: string | Arg): ShellPart => {
    if (typeof p === 'string') return p
    if (p.ok) return p.part
    if (!problems.includes(p.problem)) problems.push(p.problem)
    return ''
  }
  const resolved = words.map((w) => (Array.isArray(w) ? w.map(part) : part(w as string | Arg)))
  if (problems.length > 0)
    return {
      withheld: `No command is shown: ${problems.join('; ')}. A command built from such a value could do something other than what it says.`,
    }
  return { command: renderShellCommand(resolved), language: 'shell', argv: shellArgv(resolved) }
}

/** The namespace and service account name of the token, checked once for every step. */
export interface Names {
  ns: Arg
  sa: Arg
}

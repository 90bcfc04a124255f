// Building kubectl commands from names found in an untrusted token, on the shared pieces: the
// object name rules of k8s/names.ts (a name that Kubernetes could never have issued gets no
// command) and the POSIX quoting of encoding/shell.ts; positionals follow `--`.
import { renderShellCommand, shellQuote, untrusted, type ShellWord } from '../encoding/shell.ts'
import { isDNS1123Label, isDNS1123Subdomain, type NamedKind } from '../k8s/names.ts'
import { checkObjectName, KIND_LABEL, RULE_TEXT } from '../k8s/nameRules.ts'

/** A namespace name: an RFC 1123 label of at most 63 characters. */
export const isNamespaceName = isDNS1123Label

/** A ServiceAccount, Pod, Secret or Node name: an RFC 1123 subdomain of at most 253 characters. */
export const isObjectName = isDNS1123Subdomain

/** POSIX single-quoting, unless the value is made only of characters no shell treats specially. */
export const posixQuote = shellQuote

export interface KubectlGet {
  kind: 'serviceaccount' | 'pod' | 'secret' | 'node'
  name: string
  namespace?: string
  /** A jsonpath template, passed as one quoted argument. */
  jsonpath?: string
}

export type CommandResult = { ok: true; command: string } | { ok: false; reason: string }

function refusal(kind: NamedKind, value: string): string | undefined {
  const check = checkObjectName(kind, value)
  if (check.ok) return undefined
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value
  return `${JSON.stringify(shown)} is not a valid ${KIND_LABEL[kind]} name, so no ${KIND_LABEL[kind]} can have it (Kubernetes requires ${RULE_TEXT[check.rule]}; ${check.problems.join(' and ')})`
}

/** `kubectl get <kind> [-n <ns>] -o jsonpath=… -- <name>`, or why no command can be given. */
export function kubectlGet(g: KubectlGet): CommandResult {
  const reason = refusal(g.kind, g.name) ?? (g.namespace === undefined ? undefined : refusal('namespace', g.namespace))
  if (reason) return { ok: false, reason }
  const words: ShellWord[] = ['kubectl', 'get', g.kind]
  if (g.namespace !== undefined) words.push('-n', untrusted(g.namespace))
  if (g.jsonpath) words.push('-o', `jsonpath=${g.jsonpath}`)
  words.push('--', untrusted(g.name))
  return { ok: true, command: renderShellCommand(words) }
}

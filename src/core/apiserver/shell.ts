// Building kubectl commands from names found in an untrusted token. Names are checked against the
// object name rules first (a name that Kubernetes could never have issued gets no command), values
// are POSIX-quoted, and positionals follow `--`. Kept small and separate so that the shared command
// builder another branch is writing for src/core/k8s/ can replace it without touching the callers.

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/

/** A namespace name: an RFC 1123 label of at most 63 characters. */
export function isNamespaceName(s: string): boolean {
  return s.length <= 63 && DNS1123_LABEL.test(s)
}

/** A ServiceAccount, Pod, Secret or Node name: an RFC 1123 subdomain of at most 253 characters. */
export function isObjectName(s: string): boolean {
  return s.length <= 253 && DNS1123_SUBDOMAIN.test(s)
}

/** POSIX single-quoting, unless the value is made only of characters no shell treats specially. */
export function posixQuote(value: string): string {
  return /^[A-Za-z0-9_.:/@=+,%-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`
}

export interface KubectlGet {
  kind: 'serviceaccount' | 'pod' | 'secret' | 'node'
  name: string
  namespace?: string
  /** A jsonpath template, passed as one quoted argument. */
  jsonpath?: string
}

export type CommandResult = { ok: true; command: string } | { ok: false; reason: string }

/** `kubectl get <kind> [-n <ns>] -o jsonpath=… -- <name>`, or why no command can be given. */
export function kubectlGet(g: KubectlGet): CommandResult {
  if (!isObjectName(g.name))
    return { ok: false, reason: `${JSON.stringify(g.name)} is not a valid ${g.kind} name, so no ${g.kind} can have it` }
  if (g.namespace !== undefined && !isNamespaceName(g.namespace))
    return { ok: false, reason: `${JSON.stringify(g.namespace)} is not a valid namespace name` }
  const parts = ['kubectl', 'get', g.kind]
  if (g.namespace !== undefined) parts.push('-n', g.namespace)
  if (g.jsonpath) parts.push('-o', posixQuote(`jsonpath=${g.jsonpath}`))
  parts.push('--', g.name)
  return { ok: true, command: parts.join(' ') }
}

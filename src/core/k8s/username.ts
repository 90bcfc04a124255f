import { isDNS1123Label, isDNS1123Subdomain } from './names.ts'

/** Service account usernames, apiserver pkg/authentication/serviceaccount/util.go. */
export const USERNAME_PREFIX = 'system:serviceaccount:'

/** `MakeUsername`: `system:serviceaccount:<namespace>:<name>`. */
export function makeUsername(namespace: string, name: string): string {
  return `${USERNAME_PREFIX}${namespace}:${name}`
}

export type SplitUsername = { ok: true; namespace: string; name: string } | { ok: false; reason: string }

/**
 * Mirrors `SplitUsername`: the prefix, exactly one separator after it, a namespace that is a
 * DNS label (at most 63 characters) and a name that is a DNS subdomain (at most 253).
 */
export function splitUsername(username: string): SplitUsername {
  if (!username.startsWith(USERNAME_PREFIX)) return { ok: false, reason: `it does not start with "${USERNAME_PREFIX}"` }
  const parts = username.slice(USERNAME_PREFIX.length).split(':')
  if (parts.length !== 2)
    return { ok: false, reason: 'it does not have exactly two parts, namespace and name, after the prefix' }
  const [namespace = '', name = ''] = parts
  if (!isDNS1123Label(namespace)) return { ok: false, reason: `"${namespace}" is not a valid namespace name` }
  if (!isDNS1123Subdomain(name)) return { ok: false, reason: `"${name}" is not a valid service account name` }
  return { ok: true, namespace, name }
}

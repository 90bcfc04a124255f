/**
 * Kubernetes object name rules, as the API server validates them (apimachinery
 * `pkg/api/validate/content/dns.go` at eed236ce). These two predicates are what the start-up
 * classification needs; `nameRules.ts` says which rule holds for which kind and what is wrong
 * with a name that fails.
 */

/** The two rules the names in a service account token are held to. */
export type NameRule = 'dns1123-label' | 'dns1123-subdomain'

/** The kinds of object a service account token names. */
export type NamedKind =
  | 'namespace'
  | 'serviceaccount'
  | 'secret'
  | 'pod'
  | 'node'
  | 'validatingwebhookconfiguration'
  | 'mutatingwebhookconfiguration'

// dns1123LabelFmt and dns1123SubdomainFmt; Go's regexp and these agree: ASCII only, anchored.
const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
export const LABEL_RE = new RegExp(`^${LABEL}$`)
export const SUBDOMAIN_RE = new RegExp(`^${LABEL}(\\.${LABEL})*$`)
/** DNS1123LabelMaxLength and DNS1123SubdomainMaxLength, in bytes (Go's `len`). */
export const MAX_BYTES: Readonly<Record<NameRule, number>> = { 'dns1123-label': 63, 'dns1123-subdomain': 253 }

// A value the patterns accept is ASCII, so its length in characters is its length in bytes.
/** Upstream's `IsDNS1123Label`: true when the value is a valid DNS-1123 label. */
export function isDNS1123Label(value: string): boolean {
  return value.length <= MAX_BYTES['dns1123-label'] && LABEL_RE.test(value)
}

/** Upstream's `IsDNS1123Subdomain`: true when the value is a valid DNS-1123 subdomain. */
export function isDNS1123Subdomain(value: string): boolean {
  return value.length <= MAX_BYTES['dns1123-subdomain'] && SUBDOMAIN_RE.test(value)
}

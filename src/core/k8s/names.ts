/**
 * Kubernetes object name rules, as the API server validates them (apimachinery
 * `pkg/api/validate/content/dns.go` at eed236ce, `pkg/api/validation/generic.go`; k/k
 * `pkg/apis/core/validation/validation.go` at 000f2605 for which rule each kind uses). A name
 * that fails its rule never belongs to a real object, so it never comes from a real cluster.
 */

/** The two rules the names in a service account token are held to. */
export type NameRule = 'dns1123-label' | 'dns1123-subdomain'

/** The kinds of object a service account token names. */
export type NamedKind = 'namespace' | 'serviceaccount' | 'secret' | 'pod' | 'node'

/**
 * Which rule the API server applies to each kind: `ValidateNamespaceName` is `NameIsDNSLabel`;
 * `ValidateServiceAccountName`, `ValidateSecretName`, `ValidatePodName` and `ValidateNodeName`
 * are `NameIsDNSSubdomain`.
 */
export const NAME_RULE: Readonly<Record<NamedKind, NameRule>> = {
  namespace: 'dns1123-label',
  serviceaccount: 'dns1123-subdomain',
  secret: 'dns1123-subdomain',
  pod: 'dns1123-subdomain',
  node: 'dns1123-subdomain',
}

// dns1123LabelFmt and dns1123SubdomainFmt; Go's regexp and these agree: ASCII only, anchored.
const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
const LABEL_RE = new RegExp(`^${LABEL}$`)
const SUBDOMAIN_RE = new RegExp(`^${LABEL}(\\.${LABEL})*$`)
/** DNS1123LabelMaxLength and DNS1123SubdomainMaxLength, in bytes (Go's `len`). */
export const MAX_BYTES: Readonly<Record<NameRule, number>> = { 'dns1123-label': 63, 'dns1123-subdomain': 253 }

const RULE_NAME: Readonly<Record<NameRule, string>> = {
  'dns1123-label': 'a DNS-1123 label',
  'dns1123-subdomain': 'a DNS-1123 subdomain',
}

function utf8Bytes(s: string): number {
  let n = 0
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
  }
  return n
}

/**
 * Checks a value against one rule, like `IsDNS1123Label` / `IsDNS1123Subdomain`: returns what is
 * wrong with it (empty when it passes). The length is counted in UTF-8 bytes, as Go's `len`.
 */
export function checkNameRule(rule: NameRule, value: string): string[] {
  const problems: string[] = []
  const max = MAX_BYTES[rule]
  // Counting bytes of a huge value would cost as much as the value; anything past max*4 chars is too long anyway.
  if (value.length > max || (value.length * 3 > max && utf8Bytes(value) > max))
    problems.push(`it is longer than ${max} bytes`)
  const re = rule === 'dns1123-label' ? LABEL_RE : SUBDOMAIN_RE
  if (!re.test(value)) {
    if (rule === 'dns1123-label' && SUBDOMAIN_RE.test(value)) problems.push('it contains dots')
    else if (value === '') problems.push('it is empty')
    else problems.push(`it is not ${RULE_NAME[rule]}`)
  }
  return problems
}

/** Upstream's `IsDNS1123Label`: true when the value is a valid DNS-1123 label. */
export function isDNS1123Label(value: string): boolean {
  return checkNameRule('dns1123-label', value).length === 0
}

/** Upstream's `IsDNS1123Subdomain`: true when the value is a valid DNS-1123 subdomain. */
export function isDNS1123Subdomain(value: string): boolean {
  return checkNameRule('dns1123-subdomain', value).length === 0
}

export type NameCheck = { ok: true } | { ok: false; rule: NameRule; problems: string[] }

/** Checks the name of an object of the given kind against the rule the API server applies to that kind. */
export function checkObjectName(kind: NamedKind, value: string): NameCheck {
  const rule = NAME_RULE[kind]
  const problems = checkNameRule(rule, value)
  return problems.length === 0 ? { ok: true } : { ok: false, rule, problems }
}

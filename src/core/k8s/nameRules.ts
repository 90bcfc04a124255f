import { LABEL_RE, MAX_BYTES, SUBDOMAIN_RE, type NamedKind, type NameRule } from './names.ts'

// Which rule holds for which kind, what is wrong with a name that fails, and the words for both,
// for the lazily loaded advice and checks (names.ts keeps the start-up half small).

/**
 * Which rule the API server applies to each kind (k/k `pkg/apis/core/validation/validation.go`
 * at 000f2605, apimachinery `pkg/api/validation/generic.go`): `ValidateNamespaceName` is
 * `NameIsDNSLabel`; `ValidateServiceAccountName`, `ValidateSecretName`, `ValidatePodName` and
 * `ValidateNodeName` are `NameIsDNSSubdomain`, and so is the name of a webhook configuration
 * (k/k `pkg/apis/admissionregistration/validation/validation.go`, `ValidateObjectMeta` with
 * `NameIsDNSSubdomain`).
 */
export const NAME_RULE: Readonly<Record<NamedKind, NameRule>> = {
  namespace: 'dns1123-label',
  serviceaccount: 'dns1123-subdomain',
  secret: 'dns1123-subdomain',
  pod: 'dns1123-subdomain',
  node: 'dns1123-subdomain',
  validatingwebhookconfiguration: 'dns1123-subdomain',
  mutatingwebhookconfiguration: 'dns1123-subdomain',
}

/** How the page names each kind of object in its messages. */
export const KIND_LABEL: Readonly<Record<NamedKind, string>> = {
  namespace: 'namespace',
  serviceaccount: 'service account',
  secret: 'Secret',
  pod: 'pod',
  node: 'node',
  validatingwebhookconfiguration: 'ValidatingWebhookConfiguration',
  mutatingwebhookconfiguration: 'MutatingWebhookConfiguration',
}

/** What the rule asks for, in a sentence. */
export const RULE_TEXT: Readonly<Record<NameRule, string>> = {
  'dns1123-label':
    'a DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters',
  'dns1123-subdomain':
    'a DNS-1123 subdomain: lowercase letters, digits, "-" and ".", each dot-separated part starting and ending with a letter or digit, at most 253 characters',
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
  // Bytes are at least the UTF-16 length and at most three times it: count them only in between.
  if (value.length > max || (value.length * 3 > max && utf8Bytes(value) > max))
    problems.push(`it is longer than ${max} bytes`)
  const re = rule === 'dns1123-label' ? LABEL_RE : SUBDOMAIN_RE
  if (!re.test(value)) {
    if (rule === 'dns1123-label' && SUBDOMAIN_RE.test(value)) problems.push('it contains dots')
    else if (value === '') problems.push('it is empty')
    else problems.push(`it is not ${RULE_TEXT[rule].split(':')[0]}`)
  }
  return problems
}

export type NameCheck = { ok: true } | { ok: false; rule: NameRule; problems: string[] }

/** Checks the name of an object of the given kind against the rule the API server applies to that kind. */
export function checkObjectName(kind: NamedKind, value: string): NameCheck {
  const rule = NAME_RULE[kind]
  const problems = checkNameRule(rule, value)
  return problems.length === 0 ? { ok: true } : { ok: false, rule, problems }
}

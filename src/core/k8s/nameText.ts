import type { NamedKind, NameRule } from './names.ts'

// The words for names and rules that the lazily loaded advice and checks put in their messages;
// kept apart from names.ts, whose rules the start-up classification needs.

/** How the page names each kind of object in its messages. */
export const KIND_LABEL: Readonly<Record<NamedKind, string>> = {
  namespace: 'namespace',
  serviceaccount: 'service account',
  secret: 'Secret',
  pod: 'pod',
  node: 'node',
}

/** What the rule asks for, in a sentence. */
export const RULE_TEXT: Readonly<Record<NameRule, string>> = {
  'dns1123-label':
    'a DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters',
  'dns1123-subdomain':
    'a DNS-1123 subdomain: lowercase letters, digits, "-" and ".", each dot-separated part starting and ending with a letter or digit, at most 253 characters',
}

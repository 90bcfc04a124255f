/** What the user may choose to hide before sharing, apart from single claims picked by pointer. */
export interface RedactionChoice {
  uids?: boolean
  names?: boolean
  issuerHost?: boolean
  jti?: boolean
  /** Pointers of any payload values. */
  claims?: string[]
}

/** True when the choice hides nothing: no category switched on and no claim picked. */
export function choosesNothing(choice: RedactionChoice): boolean {
  return !choice.uids && !choice.names && !choice.issuerHost && !choice.jti && (choice.claims ?? []).length === 0
}

/** Which members a category hides, by member name; the same rules hold in the header and the payload. */
export interface MemberRule {
  /** Member names that count at any depth (Kubernetes writes object names and uids under `name`, `uid`). */
  anyDepth: readonly string[]
  /** Name endings that count at any depth (the legacy flat claims `…/service-account.uid`, `…/secret.name`). */
  suffixes: readonly string[]
  /** Member names that count only at the top level, where the OIDC and provider claims sit. */
  topLevel: readonly string[]
}

export interface RedactionCategoryInfo {
  /** The switch in `RedactionChoice` that turns the category on. */
  choice: keyof RedactionChoice
  /** The switch's label in the share panel. */
  option: string
  /** How the shared view names the category in a sentence: "Redacted by the sharer (a UID)". */
  label: string
  /** How the list of redactions names it, after the pointer. */
  short: string
  /** What replaces a hidden value (or, for the issuer host, the host inside a text). */
  placeholder: string
  /** The members whose whole value is hidden; absent for the categories that find their values otherwise. */
  members?: MemberRule
}

/**
 * The one table of redaction categories: which members each hides, what replaces them, and how
 * the page names them. `issuer-host` hides the host of every `iss` wherever it appears, in any
 * case: inside values and member names, in the header (`jku`, `x5u`, `kid`) as in the payload;
 * `name` also hides the account name in a service account `sub`; `claim` hides what the user picked.
 */
export const REDACTION_CATEGORIES = {
  uid: {
    choice: 'uids',
    option: 'UIDs',
    label: 'a UID',
    short: 'UID',
    placeholder: '[redacted uid]',
    // oid: the Microsoft Entra object id of the user, stable across all of the tenant's apps.
    members: { anyDepth: ['uid'], suffixes: ['.uid'], topLevel: ['oid'] },
  },
  name: {
    choice: 'names',
    option: 'Names (Kubernetes objects, people, service account)',
    label: 'a name',
    short: 'name',
    placeholder: '[redacted name]',
    members: {
      anyDepth: ['name'],
      suffixes: ['.name'],
      topLevel: [
        'given_name',
        'family_name',
        'middle_name',
        'nickname',
        'preferred_username',
        'email',
        // Microsoft Entra: the user principal name and the older unique_name, both usually an email address.
        'upn',
        'unique_name',
      ],
    },
  },
  'issuer-host': {
    choice: 'issuerHost',
    option: 'Issuer host',
    label: 'the issuer host',
    short: 'issuer host',
    placeholder: '[redacted host]',
  },
  jti: {
    choice: 'jti',
    option: 'Token ID (jti)',
    label: 'the token ID (jti)',
    short: 'token ID (jti)',
    placeholder: '[redacted jti]',
    members: { anyDepth: [], suffixes: [], topLevel: ['jti'] },
  },
  claim: {
    choice: 'claims',
    option: 'Any other claim',
    label: 'a claim chosen by the sharer',
    short: 'chosen by the sharer',
    placeholder: '[redacted]',
  },
} as const satisfies Record<string, RedactionCategoryInfo>

/** What a redaction hides; the shared view names the category next to each redacted claim. */
export type RedactionCategory = keyof typeof REDACTION_CATEGORIES

/** True for the category names a link may carry. */
export function isRedactionCategory(name: string): name is RedactionCategory {
  return Object.hasOwn(REDACTION_CATEGORIES, name)
}

/** True when a member of this name, at this depth (1 = top level), is one the rule hides. */
export function ruleCovers(rule: MemberRule, key: string, depth: number): boolean {
  return (
    rule.anyDepth.includes(key) ||
    rule.suffixes.some((s) => key.endsWith(s)) ||
    (depth === 1 && rule.topLevel.includes(key))
  )
}

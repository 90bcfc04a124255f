import type { JsonValue } from '../encoding/json.ts'
import type { DiffLocation } from './diff.ts'

/**
 * Claims whose value is a set: the order of their members means nothing, and a single string is a
 * set of one (RFC 7519 §4.1.3 for `aud`). `scope` (RFC 8693 §4.2, RFC 9068 §2.2.3) and Entra's
 * `scp` are one space-separated string. The others are the group and role lists that identity
 * providers write (Okta and the Kubernetes OIDC authenticator `groups`, Keycloak
 * `realm_access.roles`, Entra `roles` and `wids`, Cognito `cognito:groups`, RFC 8176 `amr`), matched
 * by member name at any depth.
 */
export const SET_MEMBERS: ReadonlySet<string> = new Set([
  'aud',
  'scope',
  'scp',
  'groups',
  'roles',
  'amr',
  'wids',
  'permissions',
  'entitlements',
  'cognito:groups',
])
const SPACE_SEPARATED: ReadonlySet<string> = new Set(['scope', 'scp'])

/** What a set-valued member gained and lost from left to right, each in first-seen order. */
export interface SetDiff {
  gained: string[]
  lost: string[]
  kept: string[]
  /** The same members written another way: a string against a one-element array, another order, repeats. */
  shapeChanged: boolean
}

/**
 * The members of a set-valued claim, or undefined when the member is not one (by name, in the
 * payload) or its value is not a string or an array of strings.
 */
export function setMembers(name: string, value: JsonValue, location: DiffLocation): string[] | undefined {
  if (location !== 'payload' || !SET_MEMBERS.has(name)) return undefined
  if (typeof value === 'string') return SPACE_SEPARATED.has(name) ? value.split(' ').filter((s) => s !== '') : [value]
  if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string')) return [...new Set(value)]
  return undefined
}

/** Diffs two sets; an undefined side is empty (the member is absent there). */
export function setDiff(left: string[] | undefined, right: string[] | undefined, shapeChanged: boolean): SetDiff {
  const l = new Set(left ?? [])
  const r = new Set(right ?? [])
  return {
    gained: [...r].filter((x) => !l.has(x)),
    lost: [...l].filter((x) => !r.has(x)),
    kept: [...l].filter((x) => r.has(x)),
    shapeChanged,
  }
}

// GitHub Actions OIDC subjects: the immutable form that carries the owner's and the repository's
// numeric ids (github/docs content/actions/reference/security/oidc.md at 051718f2).
import { onRow, type Diagnostic } from '../diagnostics/diagnostic.ts'
import { diagnostic } from './shapeCodes.ts'
import type { JsonObject } from '../encoding/json.ts'

/** `repo:OWNER@OWNER-ID/REPO@REPO-ID:…`, the immutable subject. */
const IMMUTABLE_SUB = /^repo:([^@/:]+)@(\d+)\/([^@/:]+)@(\d+)(?::|$)/

/** The owner and repository named by an immutable subject, with their ids. */
export interface ImmutableSubject {
  owner: string
  ownerId: string
  repo: string
  repoId: string
}

/** Reads an immutable GitHub Actions subject; undefined for the older name-only form. */
export function immutableSubject(sub: unknown): ImmutableSubject | undefined {
  const m = typeof sub === 'string' ? IMMUTABLE_SUB.exec(sub) : null
  return m ? { owner: m[1] ?? '', ownerId: m[2] ?? '', repo: m[3] ?? '', repoId: m[4] ?? '' } : undefined
}

/**
 * For a GitHub Actions token: explains an immutable `sub` (the default for repositories created,
 * renamed or transferred after 15 July 2026), and warns when its ids contradict the token's own
 * `repository_owner_id` and `repository_id` claims.
 */
export function githubDiagnostics(payload: JsonObject): Diagnostic[] {
  const s = immutableSubject(payload.sub)
  if (!s) return []
  const out = [
    diagnostic(
      'GITHUB_SUB_IMMUTABLE',
      `The immutable subject form: owner ${s.owner} (id ${s.ownerId}), repository ${s.repo} (id ${s.repoId}). GitHub uses it by default for repositories created, renamed or transferred after 15 July 2026; because it carries the ids, renaming or re-creating an owner or repository under the same name no longer yields the same subject. A cloud trust policy written for repo:${s.owner}/${s.repo}:… does not match it.`,
      onRow('payload', 'sub'),
    ),
  ]
  const mismatch = [
    ['repository_owner_id', s.ownerId],
    ['repository_id', s.repoId],
  ].filter(([claim, id]) => payload[claim as string] !== undefined && String(payload[claim as string]) !== id)
  for (const [claim, id] of mismatch) {
    out.push(
      diagnostic(
        'GITHUB_SUB_ID_MISMATCH',
        `sub names id ${id}, but ${claim} is ${String(payload[claim as string])}: GitHub writes both from the same repository, so this token was altered or assembled by hand.`,
        onRow('payload', claim as string),
      ),
    )
  }
  return out
}

import type { TokenKind } from '../analysis/kind.ts'
import type { ObjectRef } from '../k8s/claims.ts'
import { spellDuration } from '../time/duration.ts'
import { VALIDITY_WORDS, type ValidityState } from '../time/validity.ts'
import type { DiffLocation } from './diff.ts'
import {
  identityLabel,
  sameIdentity,
  type Bindings,
  type CompareSide,
  type KeyFacts,
  type LifetimeFacts,
  type SideIdentity,
  type SideProvider,
} from './sides.ts'

/** The stable note ids (`data-note`), in the order notes are listed. */
export const NOTE_IDS = [
  'kind-changed',
  'identity-changed',
  'same-identity',
  'issuer-changed',
  'audience-changed',
  'key-changed',
  'binding-changed',
  'lifetime-changed',
  'validity-differs',
  'provider-changed',
] as const
export type NoteId = (typeof NOTE_IDS)[number]

/** A member a note is about, so the view can point at its row. */
export interface NoteTarget {
  location: DiffLocation
  pointer: string
}

interface NoteBase {
  /** One sentence on what the difference means for a client that switches from left to right. */
  sentence: string
  /** `warning` when switching is likely to break something or widen what a leak allows. */
  severity: 'info' | 'warning'
  targets: NoteTarget[]
}

/** What kind of change happened to one bound object. */
export type BindingChangeKind = 'added' | 'removed' | 'replaced' | 'recreated'

export interface BindingChange {
  object: keyof Bindings
  change: BindingChangeKind
  from?: ObjectRef
  to?: ObjectRef
}

export type CompareNote = NoteBase &
  (
    | { id: 'kind-changed'; from: TokenKind; to: TokenKind }
    | { id: 'identity-changed'; from: SideIdentity; to: SideIdentity }
    | { id: 'same-identity'; identity: SideIdentity }
    | { id: 'issuer-changed'; from?: string; to?: string }
    | { id: 'audience-changed'; lost: string[]; gained: string[] }
    | { id: 'key-changed'; from: KeyFacts; to: KeyFacts }
    | { id: 'binding-changed'; changes: BindingChange[] }
    | { id: 'lifetime-changed'; from: LifetimeFacts; to: LifetimeFacts }
    | { id: 'validity-differs'; from: ValidityState; to: ValidityState; leeway: number }
    | { id: 'provider-changed'; from: SideProvider; to: SideProvider }
  )

const KIND_WORDS: Record<TokenKind, string> = {
  'k8s-legacy': 'a legacy Secret-based service account token',
  'k8s-bound-pod': 'a bound service account token tied to a pod',
  'k8s-bound-secret': 'a bound service account token tied to a Secret',
  'k8s-bound-node': 'a bound service account token tied to a node',
  'k8s-bound-validatingwebhook': 'a bound service account token tied to a ValidatingWebhookConfiguration',
  'k8s-bound-mutatingwebhook': 'a bound service account token tied to a MutatingWebhookConfiguration',
  'k8s-bound-other': 'a bound service account token tied to another kind of object',
  'k8s-token-request': 'a TokenRequest service account token bound to no object',
  jwt: 'a JWT that is not a Kubernetes service account token',
  jwe: 'an encrypted token (JWE)',
  invalid: 'text that does not decode as a token',
}

const isK8s = (k: TokenKind) => k.startsWith('k8s-')
const isBound = (k: TokenKind) => isK8s(k) && k !== 'k8s-legacy'
const quoteList = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ')

function kindConsequence(from: TokenKind, to: TokenKind): string {
  if (to === 'jwe' || to === 'invalid')
    return 'its claims cannot be read here, so nothing says it will work where the left one did.'
  if (from === 'k8s-legacy' && isBound(to))
    return 'it expires and is refused once the object it is bound to is gone, so the client must re-read it as it is rotated instead of keeping one copy forever.'
  if (isBound(from) && to === 'k8s-legacy')
    return 'it never expires and outlives every pod, so a leaked copy stays usable until its Secret is deleted.'
  if (isBound(from) && to === 'k8s-token-request')
    return 'no object deletion revokes it any more: it stays valid until exp, whatever happens to the pod or node.'
  if (isBound(from) && isBound(to))
    return 'its life now follows another kind of object: deleting that object, not the old one, invalidates it.'
  if (isK8s(from) && !isK8s(to))
    return 'the API server no longer reads it as a service account; only a verifier that trusts its issuer accepts it.'
  if (!isK8s(from) && isK8s(to))
    return 'the API server can authenticate it as a service account, and outside verifiers need the cluster’s keys to accept it.'
  return 'verifiers that check the token type or shape may treat it differently.'
}

function kindNote(l: CompareSide, r: CompareSide): CompareNote | undefined {
  if (l.kind === r.kind) return undefined
  return {
    id: 'kind-changed',
    from: l.kind,
    to: r.kind,
    severity: r.kind === 'k8s-legacy' || r.kind === 'invalid' || r.kind === 'jwe' ? 'warning' : 'info',
    sentence: `The left is ${KIND_WORDS[l.kind]}, the right ${KIND_WORDS[r.kind]}: ${kindConsequence(l.kind, r.kind)}`,
    targets: [],
  }
}

function identityNote(l: CompareSide, r: CompareSide): CompareNote | undefined {
  const a = l.identity
  const b = r.identity
  if (a.kind === 'none' && b.kind === 'none') return undefined
  const targets: NoteTarget[] = [{ location: 'payload', pointer: '/sub' }]
  if (sameIdentity(a, b)) {
    return {
      id: 'same-identity',
      identity: b,
      severity: 'info',
      sentence:
        b.kind === 'kubernetes'
          ? `Both tokens authenticate as ${b.username}: a client that switches keeps the same RBAC permissions, and only the token’s own properties differ.`
          : `Both tokens name ${identityLabel(b)}: a relying party maps them to the same user, so what it granted carries over.`,
      targets,
    }
  }
  const sentence =
    b.kind === 'none'
      ? `The right token names no identity where the left one was ${identityLabel(a)}: a verifier has nobody to authorise, so a client that switches loses the left one’s access.`
      : a.kind === 'kubernetes' && b.kind === 'kubernetes'
        ? `The API server would see ${b.username} instead of ${a.username}: a client that switches gets the right account’s RBAC permissions, not the left one’s.`
        : `The right token is ${identityLabel(b)} where the left was ${identityLabel(a)}: whatever was granted to the left identity does not carry over.`
  return { id: 'identity-changed', from: a, to: b, severity: 'warning', sentence, targets }
}

function issuerNote(l: CompareSide, r: CompareSide): CompareNote | undefined {
  if (l.issuer === r.issuer) return undefined
  const note: CompareNote = {
    id: 'issuer-changed',
    severity: 'warning',
    sentence:
      r.issuer === undefined
        ? `The right token has no iss where the left one had "${l.issuer}": verifiers that select keys and trust by issuer cannot place it.`
        : `The issuer changes${l.issuer === undefined ? '' : ` from "${l.issuer}"`} to "${r.issuer}": a verifier accepts the right token only if it trusts that issuer (for a cluster, one of its --service-account-issuer values) and holds its keys.`,
    targets: [{ location: 'payload', pointer: '/iss' }],
  }
  if (l.issuer !== undefined) note.from = l.issuer
  if (r.issuer !== undefined) note.to = r.issuer
  return note
}

function audienceSentence(l: CompareSide, r: CompareSide, lost: string[], gained: string[]): string {
  if (l.audiences === undefined)
    return `The left token names no audience${l.kubernetes ? ', which the API server takes as its own' : ''}; the right one is meant for ${quoteList(gained)}, so a verifier that expects any other audience rejects it.`
  if (r.audiences === undefined)
    return `The right token names no audience where the left one was meant for ${quoteList(lost)}: ${r.kubernetes ? 'the API server takes it as meant for itself, and ' : ''}a verifier that insists on ${quoteList(lost)} rejects it.`
  if (lost.length && gained.length)
    return `The right token is meant for ${quoteList(gained)} instead of ${quoteList(lost)}: a verifier that expects ${quoteList(lost)} rejects it.`
  if (lost.length)
    return `The right token is no longer meant for ${quoteList(lost)}: a verifier that expects ${lost.length === 1 ? 'it' : 'one of them'} rejects it.`
  return `The right token is also meant for ${quoteList(gained)}: whatever accepted the left one still does, and ${gained.length === 1 ? 'that audience' : 'those audiences'} now accept it too.`
}

function audienceNote(l: CompareSide, r: CompareSide): CompareNote | undefined {
  const left = l.audiences ?? []
  const right = r.audiences ?? []
  const lost = left.filter((a) => !right.includes(a))
  const gained = right.filter((a) => !left.includes(a))
  if (lost.length === 0 && gained.length === 0) return undefined
  return {
    id: 'audience-changed',
    lost,
    gained,
    severity: lost.length ? 'warning' : 'info',
    sentence: audienceSentence(l, r, lost, gained),
    targets: [{ location: 'payload', pointer: '/aud' }],
  }
}

function keyNote(l: CompareSide, r: CompareSide): CompareNote | undefined {
  const algChanged = l.key.alg !== r.key.alg
  const kidChanged = l.key.kid !== r.key.kid
  if (!algChanged && !kidChanged) return undefined
  const parts: string[] = []
  if (kidChanged)
    parts.push(
      `is signed with another key (kid ${l.key.kid === undefined ? 'none' : `"${l.key.kid}"`} → ${r.key.kid === undefined ? 'none' : `"${r.key.kid}"`}): a key rotation or another signer, so a verifier needs that key’s public half (for a cluster, in its current /openid/v1/jwks)`,
    )
  if (algChanged)
    parts.push(
      `${kidChanged ? 'uses' : 'is signed with'} ${r.key.alg ?? 'no alg'} instead of ${l.key.alg ?? 'no alg'}, which a verifier must allow and hold a key of that type for`,
    )
  const targets: NoteTarget[] = []
  if (algChanged) targets.push({ location: 'header', pointer: '/alg' })
  if (kidChanged) targets.push({ location: 'header', pointer: '/kid' })
  return {
    id: 'key-changed',
    from: l.key,
    to: r.key,
    severity: 'info',
    sentence: `The right token ${parts.join('; and ')}.`,
    targets,
  }
}

const OBJECT_WORDS: Record<keyof Bindings, string> = {
  serviceaccount: 'service account',
  pod: 'pod',
  node: 'node',
  secret: 'Secret',
}
const refName = (r: ObjectRef | undefined) => (r?.name === undefined ? '(no name)' : `"${r.name}"`)

function bindingChanges(a: Bindings, b: Bindings): BindingChange[] {
  const out: BindingChange[] = []
  for (const object of ['serviceaccount', 'pod', 'node', 'secret'] as const) {
    const from = a[object]
    const to = b[object]
    if (!from && !to) continue
    let change: BindingChangeKind | undefined
    if (!from) change = 'added'
    else if (!to) change = 'removed'
    else if (from.name !== to.name) change = 'replaced'
    else if (from.uid !== to.uid) change = 'recreated'
    if (!change) continue
    const c: BindingChange = { object, change }
    if (from) c.from = from
    if (to) c.to = to
    out.push(c)
  }
  return out
}

function describeBinding(c: BindingChange): string {
  const what = OBJECT_WORDS[c.object]
  if (c.change === 'added') return `the right token is also tied to ${what} ${refName(c.to)}`
  if (c.change === 'removed') return `it is no longer tied to ${what} ${refName(c.from)}`
  if (c.change === 'replaced') return `${what} ${refName(c.from)} becomes ${refName(c.to)}`
  return `${what} ${refName(c.to)} has a new uid, so it was recreated (or this is another cluster)`
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

function bindingNote(l: CompareSide, r: CompareSide): CompareNote | undefined {
  if (!l.kubernetes || !r.kubernetes) return undefined
  const changes = bindingChanges(l.bindings, r.bindings)
  if (changes.length === 0) return undefined
  const recreated = changes.some((c) => c.change === 'recreated')
  return {
    id: 'binding-changed',
    changes,
    severity: recreated ? 'warning' : 'info',
    // One sentence, as every note: what changed, then what the API server makes of it.
    sentence: `${capitalise(changes.map(describeBinding).join('; '))}: the API server accepts each token only while the objects it names exist with the same uid${recreated ? ', so a token of the old object is refused even though the name is the same' : ''}.`,
    targets: [],
  }
}

function lifetimeWords(f: LifetimeFacts): string {
  if (!f.expires) return 'never expires'
  if (f.seconds === undefined) return 'expires, from no stated start'
  const base = `lives ${spellDuration(f.seconds)}`
  return f.extended && f.warnAfterSeconds !== undefined
    ? `${base} (auto-extended; stale after ${spellDuration(f.warnAfterSeconds)})`
    : base
}

function lifetimeNote(l: CompareSide, r: CompareSide): CompareNote | undefined {
  const a = l.lifetime
  const b = r.lifetime
  if (a.expires === b.expires && a.seconds === b.seconds && a.warnAfterSeconds === b.warnAfterSeconds) return undefined
  let consequence: string
  if (!b.expires) consequence = 'a leaked copy of the right token stays usable until it is revoked by other means.'
  else if (!a.expires) consequence = 'a client that switches must renew the token before it expires.'
  else if (a.seconds !== undefined && b.seconds !== undefined && b.seconds < a.seconds)
    consequence = 'a client that switches must refresh the token sooner.'
  else if (a.seconds !== undefined && b.seconds !== undefined && b.seconds > a.seconds)
    consequence = 'a stolen copy of the right token stays usable for longer.'
  else consequence = 'the refresh schedule a client keeps must follow the right token’s times.'
  return {
    id: 'lifetime-changed',
    from: a,
    to: b,
    severity: !b.expires ? 'warning' : 'info',
    sentence: `The left token ${lifetimeWords(a)}, the right one ${lifetimeWords(b)}: ${consequence}`,
    targets: [{ location: 'payload', pointer: '/exp' }],
  }
}

/** Whether a verifier would accept the token's times now: valid, stale (audited only) or with no expiry. */
const usable = (v: ValidityState) => v === 'valid' || v === 'stale' || v === 'no-expiry'

function validityNote(l: CompareSide, r: CompareSide, leeway: number): CompareNote | undefined {
  if (!l.validity || !r.validity || usable(l.validity) === usable(r.validity)) return undefined
  const rightUsable = usable(r.validity)
  return {
    id: 'validity-differs',
    from: l.validity,
    to: r.validity,
    leeway,
    severity: rightUsable ? 'info' : 'warning',
    sentence: `At this moment (leeway ${leeway} s) the left token reads "${VALIDITY_WORDS[l.validity]}" and the right one "${VALIDITY_WORDS[r.validity]}": ${rightUsable ? 'a client that switches gets a token whose times are accepted now' : 'a client that switches is refused until it gets a fresh token'}.`,
    targets: [
      { location: 'payload', pointer: '/exp' },
      { location: 'payload', pointer: '/nbf' },
    ],
  }
}

function providerNote(l: CompareSide, r: CompareSide): CompareNote | undefined {
  const a = l.provider
  const b = r.provider
  // An unrecognised or ambiguous side claims no provider, so a difference would be a guess.
  if (!a || !b || !a.recognised || !b.recognised || a.id === b.id) return undefined
  return {
    id: 'provider-changed',
    from: a,
    to: b,
    severity: 'info',
    sentence: `The left token comes from ${a.label}, the right one from ${b.label}: a client that switches talks to another platform, with its own issuer, keys and trust settings.`,
    targets: [{ location: 'payload', pointer: '/iss' }],
  }
}

/**
 * The notes on what the differences between two sides mean, in {@link NOTE_IDS} order. Notes that
 * read claims need claims on both sides; `kind-changed` and `key-changed` need only the headers.
 */
export function compareNotes(l: CompareSide, r: CompareSide, leeway: number): CompareNote[] {
  if (l.status === 'empty' || r.status === 'empty') return []
  const notes: (CompareNote | undefined)[] = [kindNote(l, r)]
  const claims = l.payload !== undefined && r.payload !== undefined
  if (claims) notes.push(identityNote(l, r), issuerNote(l, r), audienceNote(l, r))
  if (l.header && r.header) notes.push(keyNote(l, r))
  if (claims) notes.push(bindingNote(l, r), lifetimeNote(l, r), validityNote(l, r, leeway), providerNote(l, r))
  return notes.filter((n): n is CompareNote => n !== undefined)
}

/**
 * The form model of the templates: typed fields that read their value from the claims and write
 * it back. The JSON text is the single source of truth; the fields are a view of it, so editing
 * the JSON updates them, and a field whose claim is gone reads as absent.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { isJsonObject, type JsonObject, type JsonValue } from '../encoding/json.ts'
import { LEGACY_CLAIMS } from '../k8s/claims.ts'
import { makeUsername } from '../k8s/username.ts'
import { checkJsonText, member, setPath, writeJson } from './jsonText.ts'

/** The value type of every field. */
export interface FieldTypes {
  issuer: string
  subject: string
  /** One audience or several; written as the claim already holds it (string or array). */
  audience: string[]
  /** Seconds from iat (or nbf) to exp. */
  lifetime: number
  namespace: string
  serviceAccount: string
  serviceAccountUid: string
  pod: string
  podUid: string
  node: string
  nodeUid: string
  /** The Secret a legacy token lives in. */
  secret: string
  /** Seconds from iat to kubernetes.io.warnafter. */
  warnAfter: number
  jti: string
  nonce: string
  repository: string
  ref: string
}
export type FieldId = keyof FieldTypes
/** A value for some fields; a missing key (or undefined) means the claim is absent. */
export type FieldValues = { [K in FieldId]?: FieldTypes[K] }

/** How the form shows a field. */
export interface FieldSpec {
  id: FieldId
  label: string
  input: 'text' | 'list' | 'seconds'
  /** The claim it edits, as a reader knows it. */
  claim: string
  help: string
}

/** Where a template keeps the Kubernetes claims, and how it writes `aud`. */
export type FieldLayout = 'bound' | 'legacy' | 'plain'

export interface WriteContext {
  /** Now in seconds: the start of the lifetime when the claims have neither iat nor nbf. */
  now: number
  layout: FieldLayout
  /** How a new `aud` is written: Kubernetes always writes an array, GitHub and OIDC one string. */
  audienceShape: 'array' | 'string'
}

interface Accessor<T> {
  read(p: JsonObject): T | undefined
  write(p: JsonObject, v: T | undefined, ctx: WriteContext): JsonObject
}

const K = 'kubernetes.io'
const str = (v: JsonValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined)
const num = (v: JsonValue | undefined): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined

function at(path: readonly string[]): Accessor<string> {
  return {
    read: (p) => {
      let here: JsonValue | undefined = p
      for (const k of path) here = member(here, k)
      return str(here)
    },
    write: (p, v) => setPath(p, path, v),
  }
}

/** The start an offset counts from: iat, else nbf, else now. */
const start = (p: JsonObject, ctx: WriteContext) => num(p.iat) ?? num(p.nbf) ?? Math.floor(ctx.now)

/** Seconds after iat that a NumericDate at `path` lies; read needs iat (or nbf) and the date. */
function offsetFromStart(path: readonly string[]): Accessor<number> {
  const date = (p: JsonObject) => {
    let here: JsonValue | undefined = p
    for (const k of path) here = member(here, k)
    return num(here)
  }
  return {
    read: (p) => {
      const d = date(p)
      const s = num(p.iat) ?? num(p.nbf)
      return d === undefined || s === undefined ? undefined : d - s
    },
    write: (p, v, ctx) => {
      if (v === undefined) return setPath(p, path, undefined)
      // An offset means nothing without its start: claims with neither iat nor nbf get iat = now.
      const base = num(p.iat) === undefined && num(p.nbf) === undefined ? setPath(p, ['iat'], start(p, ctx)) : p
      return setPath(base, path, start(base, ctx) + v)
    },
  }
}

const audience: Accessor<string[]> = {
  read: (p) => {
    const aud = p.aud
    if (typeof aud === 'string') return [aud]
    return Array.isArray(aud) && aud.every((a) => typeof a === 'string') ? (aud as string[]) : undefined
  },
  write: (p, v, ctx) => {
    if (v === undefined) return setPath(p, ['aud'], undefined)
    const asString =
      v.length === 1 && (typeof p.aud === 'string' || (p.aud === undefined && ctx.audienceShape === 'string'))
    return setPath(p, ['aud'], asString ? (v[0] as string) : v)
  },
}

/** Where the namespace and account live: nested for bound tokens, flat for legacy ones. */
function accountPath(layout: FieldLayout, what: 'namespace' | 'name' | 'uid'): string[] {
  if (layout === 'legacy')
    return [
      what === 'namespace'
        ? LEGACY_CLAIMS.namespace
        : what === 'name'
          ? LEGACY_CLAIMS.serviceAccountName
          : LEGACY_CLAIMS.serviceAccountUid,
    ]
  return what === 'namespace' ? [K, 'namespace'] : [K, 'serviceaccount', what]
}

/**
 * A namespace or account name field. The API server writes `sub` as
 * `system:serviceaccount:<namespace>:<name>`, so `sub` follows when it matched before the edit;
 * a `sub` the user made different on purpose (to test a mismatch) is left alone.
 */
function accountField(what: 'namespace' | 'name'): Accessor<string> {
  return {
    read: (p) => {
      const layout: FieldLayout = isJsonObject(p[K]) ? 'bound' : 'legacy'
      return at(accountPath(layout, what)).read(p)
    },
    write: (p, v, ctx) => {
      const ns = at(accountPath(ctx.layout, 'namespace'))
      const sa = at(accountPath(ctx.layout, 'name'))
      const before = { ns: ns.read(p), sa: sa.read(p) }
      const inSync = before.ns !== undefined && before.sa !== undefined && p.sub === makeUsername(before.ns, before.sa)
      let out = (what === 'namespace' ? ns : sa).write(p, v, ctx)
      const after = { ns: ns.read(out), sa: sa.read(out) }
      if (inSync)
        out = setPath(
          out,
          ['sub'],
          after.ns !== undefined && after.sa !== undefined ? makeUsername(after.ns, after.sa) : undefined,
        )
      return out
    },
  }
}

function accountUid(): Accessor<string> {
  return {
    read: (p) => at(accountPath(isJsonObject(p[K]) ? 'bound' : 'legacy', 'uid')).read(p),
    write: (p, v, ctx) => at(accountPath(ctx.layout, 'uid')).write(p, v, ctx),
  }
}

/** GitHub's sub starts with `repo:<owner>/<name>:`; a repository edit carries it and the owner along. */
const repository: Accessor<string> = {
  read: (p) => str(p.repository),
  write: (p, v) => {
    const before = str(p.repository)
    let out = setPath(p, ['repository'], v)
    out = setPath(out, ['repository_owner'], v === undefined ? undefined : v.split('/')[0])
    const sub = str(p.sub)
    if (before !== undefined && v !== undefined && sub?.startsWith(`repo:${before}:`))
      out = setPath(out, ['sub'], `repo:${v}:${sub.slice(`repo:${before}:`.length)}`)
    return out
  },
}

/** A ref edit carries `sub` along when it was `repo:<repository>:ref:<ref>`, and sets ref_type. */
const gitRef: Accessor<string> = {
  read: (p) => str(p.ref),
  write: (p, v) => {
    const repo = str(p.repository)
    const before = str(p.ref)
    let out = setPath(p, ['ref'], v)
    if (repo !== undefined && before !== undefined && v !== undefined && p.sub === `repo:${repo}:ref:${before}`)
      out = setPath(out, ['sub'], `repo:${repo}:ref:${v}`)
    if (v !== undefined && p.ref_type !== undefined)
      out = setPath(out, ['ref_type'], v.startsWith('refs/tags/') ? 'tag' : 'branch')
    return out
  },
}

const ACCESSORS: { [Id in FieldId]: Accessor<FieldTypes[Id]> } = {
  issuer: at(['iss']),
  subject: at(['sub']),
  audience,
  lifetime: offsetFromStart(['exp']),
  namespace: accountField('namespace'),
  serviceAccount: accountField('name'),
  serviceAccountUid: accountUid(),
  pod: at([K, 'pod', 'name']),
  podUid: at([K, 'pod', 'uid']),
  node: at([K, 'node', 'name']),
  nodeUid: at([K, 'node', 'uid']),
  secret: at([LEGACY_CLAIMS.secretName]),
  warnAfter: offsetFromStart([K, 'warnafter']),
  jti: at(['jti']),
  nonce: at(['nonce']),
  repository,
  ref: gitRef,
}

/** Labels and help for every field (the words are the form's). */
export const FIELD_SPECS: Record<FieldId, FieldSpec> = {
  issuer: {
    id: 'issuer',
    label: 'Issuer',
    input: 'text',
    claim: 'iss',
    help: 'Who issued the token; verifiers pick keys and trust by it.',
  },
  subject: { id: 'subject', label: 'Subject', input: 'text', claim: 'sub', help: 'The principal the token is about.' },
  audience: {
    id: 'audience',
    label: 'Audience',
    input: 'list',
    claim: 'aud',
    help: 'Who the token is meant for; a verifier accepts it only if it is named here.',
  },
  lifetime: {
    id: 'lifetime',
    label: 'Lifetime (seconds)',
    input: 'seconds',
    claim: 'exp − iat',
    help: 'How long after iat the token expires.',
  },
  namespace: {
    id: 'namespace',
    label: 'Namespace',
    input: 'text',
    claim: 'kubernetes.io.namespace',
    help: 'The namespace of the service account; sub follows.',
  },
  serviceAccount: {
    id: 'serviceAccount',
    label: 'Service account',
    input: 'text',
    claim: 'kubernetes.io.serviceaccount.name',
    help: 'The account the API server authenticates; sub follows.',
  },
  serviceAccountUid: {
    id: 'serviceAccountUid',
    label: 'Service account uid',
    input: 'text',
    claim: 'kubernetes.io.serviceaccount.uid',
    help: 'The API server refuses the token unless the live account has this uid.',
  },
  pod: {
    id: 'pod',
    label: 'Pod',
    input: 'text',
    claim: 'kubernetes.io.pod.name',
    help: 'The pod the token is bound to; deleting it invalidates the token.',
  },
  podUid: {
    id: 'podUid',
    label: 'Pod uid',
    input: 'text',
    claim: 'kubernetes.io.pod.uid',
    help: 'A recreated pod has a new uid, so old tokens stop working.',
  },
  node: {
    id: 'node',
    label: 'Node',
    input: 'text',
    claim: 'kubernetes.io.node.name',
    help: 'The node the pod runs on, or the node a node-bound token is tied to.',
  },
  nodeUid: {
    id: 'nodeUid',
    label: 'Node uid',
    input: 'text',
    claim: 'kubernetes.io.node.uid',
    help: 'Checked against the live Node for node-bound tokens.',
  },
  secret: {
    id: 'secret',
    label: 'Secret',
    input: 'text',
    claim: 'kubernetes.io/serviceaccount/secret.name',
    help: 'The Secret the legacy token is stored in; deleting it revokes the token.',
  },
  warnAfter: {
    id: 'warnAfter',
    label: 'Stale after (seconds)',
    input: 'seconds',
    claim: 'kubernetes.io.warnafter − iat',
    help: 'When an auto-extended token should have been refreshed (3607 s for the kubelet’s).',
  },
  jti: {
    id: 'jti',
    label: 'Token id',
    input: 'text',
    claim: 'jti',
    help: 'A unique id; Kubernetes reports it as the credential id JTI=<jti>.',
  },
  nonce: {
    id: 'nonce',
    label: 'Nonce',
    input: 'text',
    claim: 'nonce',
    help: 'Echoes the client’s authentication request, against replay.',
  },
  repository: {
    id: 'repository',
    label: 'Repository',
    input: 'text',
    claim: 'repository',
    help: 'owner/name; repository_owner and sub follow.',
  },
  ref: {
    id: 'ref',
    label: 'Git ref',
    input: 'text',
    claim: 'ref',
    help: 'e.g. refs/heads/main; sub follows when it names the ref.',
  },
}

/** Reads every field from claims; absent claims read as undefined. */
export function readFieldValues(payload: JsonObject, fields: readonly FieldId[]): FieldValues {
  const out: FieldValues = {}
  for (const id of fields) {
    const v = (ACCESSORS[id] as Accessor<unknown>).read(payload)
    if (v !== undefined) (out as Record<FieldId, unknown>)[id] = v
  }
  return out
}

/** Writes one field into claims (undefined removes the claim) and returns the new claims. */
export function writeFieldValue<Id extends FieldId>(
  payload: JsonObject,
  id: Id,
  value: FieldTypes[Id] | undefined,
  ctx: WriteContext,
): JsonObject {
  return ACCESSORS[id].write(payload, value, ctx)
}

export type FieldsRead = { ok: true; values: FieldValues } | { ok: false; diagnostics: Diagnostic[] }
export type FieldWrite = { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] }

/**
 * The fields as the payload text holds them now. When the text is not a JSON object the fields
 * cannot be read, and the diagnostics say where the JSON breaks.
 */
export function readFields(payloadText: string, fields: readonly FieldId[]): FieldsRead {
  const check = checkJsonText(payloadText, 'payload')
  return check.ok
    ? { ok: true, values: readFieldValues(check.json.value, fields) }
    : { ok: false, diagnostics: check.diagnostics }
}

/**
 * Writes one field into the payload text and returns the new text, pretty-printed (large integers
 * keep their digits). The JSON must be valid: a field cannot be written into broken text.
 */
export function writeField<Id extends FieldId>(
  payloadText: string,
  id: Id,
  value: FieldTypes[Id] | undefined,
  ctx: WriteContext,
): FieldWrite {
  const check = checkJsonText(payloadText, 'payload')
  if (!check.ok) return { ok: false, diagnostics: check.diagnostics }
  return { ok: true, text: writeJson(writeFieldValue(check.json.value, id, value, ctx), check.json) }
}

// The knowledge base proper. This module and its data are loaded lazily (see load.ts), so that
// the page starts without them.
import type { ClaimInfo } from '../analysis/claimInfo.ts'
import type { ClaimRow } from '../analysis/rows.ts'
import { createRowSearch, type RowSearch } from '../analysis/filter.ts'
import { kubernetesClaimInfo } from '../k8s/claimInfo.ts'
import {
  hasDecodingNotes,
  hasRareClaim,
  hasRareHeader,
  mayHaveDeceptiveText,
  needsShapeChecks,
} from '../checks/shapeNeeds.ts'
import { commonTokenChecks, type tokenChecks } from '../checks/tokenChecks.ts'
import type { JsonObject } from '../encoding/json.ts'
import { rfc } from '../diagnostics/specRefs.ts'
import {
  COMMON_PACK_CLAIMS,
  COMMON_PACK_HEADERS,
  KNOWLEDGE_DATA,
  REGISTRY_PACK_ALGORITHMS,
  REGISTRY_PACK_CLAIMS,
} from './data.generated.ts'
import { PROVIDER_NAMES } from './names.ts'
import type { KnowledgeData, KnowledgeEntry, KnowledgeRow, KnowledgeSource, ProviderId } from './types.ts'

/** Explains one payload member by its JSON Pointer, e.g. a Kubernetes lookup for `/kubernetes.io/pod/name`. */
export type ClaimLookup = (pointer: string, ctx: ExplainContext) => ClaimInfo | undefined

/**
 * Extra claim lookups consulted for every payload pointer, after the registered and provider
 * meanings. The Kubernetes meanings apply only to Kubernetes tokens: elsewhere `jti` is just a
 * token id, not an API server credential id.
 */
export const EXTRA_CLAIM_LOOKUPS: ClaimLookup[] = [
  (pointer, ctx) => (ctx.kubernetes ? kubernetesClaimInfo(pointer) : undefined),
]

export { PROVIDER_NAMES }

/** What the knowledge base needs to know about the token to choose meanings. */
export interface ExplainContext {
  /** Providers recognised by the token's issuer (Analysis.issuerProviders). */
  providers: readonly ProviderId[]
  /** The decoded header, to explain the algorithm named by alg and enc. */
  header?: JsonObject | null
  /** True when the token was classified as a Kubernetes service account token. */
  kubernetes?: boolean
}

/**
 * The packs of registered meanings that load on demand (see Knowledge.packsNeeded), named as the
 * page's loaders are, so that the start-up code asks for one without a table to translate.
 */
export type KnowledgePack = 'commonPack' | 'registryPack'

export interface Knowledge {
  /** Every meaning of a payload member: registered first, then provider and extra meanings. */
  explainClaim(pointer: string, ctx: ExplainContext): ClaimInfo[]
  /**
   * The same, for the member at `path` (its unescaped member names from the root), as the claim
   * rows have it: no pointer text is read, which matters when a long member name is repeated in
   * the pointer of each of thousands of members below it.
   */
  explainClaimAt(path: readonly string[], ctx: ExplainContext): ClaimInfo[]
  /** Every meaning of a header parameter, plus the algorithm its value names for alg/enc/zip. */
  explainHeader(pointer: string, ctx: ExplainContext): ClaimInfo[]
  /** The same, by path (see explainClaimAt). */
  explainHeaderAt(path: readonly string[], ctx: ExplainContext): ClaimInfo[]
  /**
   * The meanings of a claim row or header row. Rows deeper than MAX_EXPLAINED_DEPTH have none
   * (only act chains and Kubernetes claims are explained below the top level), so their path,
   * which costs its depth to spell out, is not read: a token can nest 60,000 members 250 deep.
   */
  explainRow(row: Pick<ClaimRow, 'depth' | 'path'>, location: 'header' | 'payload', ctx: ExplainContext): ClaimInfo[]
  /**
   * The claim filter over `rows`, matching names, values and the titles of their meanings (see
   * createRowSearch). It comes with the knowledge base, whose titles it searches, so that its
   * code stays out of the start-up bundle.
   */
  searchRows(rows: readonly ClaimRow[], location: 'header' | 'payload', ctx: ExplainContext): RowSearch
  /** Header/algorithm warnings and claim value checks, for analyze(). */
  checks: typeof tokenChecks
  /**
   * Whether the token has a rarer shape, header parameter or claim, text that may mislead, or
   * something decoding notes, whose checks load on demand (checks/shapes.ts, pageShapeChecks and
   * decodingNotes).
   */
  needsShapeChecks: typeof needsShapeChecks
  /**
   * Whether a token has a claim, or its header an algorithm, whose registered meaning is in the
   * registry pack (registry.generated.ts): until the pack is added with `withPack`, such a claim
   * would read as private, so the rows wait for it instead.
   */
  needsRegistryPack(rows: readonly ClaimRow[], header?: JsonObject | null): boolean
  /**
   * The packs a token's rows need and this knowledge base does not have yet: `commonPack` for
   * a claim or header parameter of OpenID Connect, OAuth, SD-JWT, cnf, JWE…
   * (common.generated.ts), `registryPack` as in needsRegistryPack. A Kubernetes token needs
   * none. Until each is added with `withPack`, the names it explains would read as unregistered,
   * so the rows wait for them.
   */
  packsNeeded(rows: readonly ClaimRow[], header?: JsonObject | null): readonly KnowledgePack[]
  /**
   * This knowledge base with every pack the token needs (packsNeeded) added from `packs`, or
   * undefined while one of them is missing (still loading, or failed to load): the rows then
   * show name and value only, never "unregistered" for a registered name.
   */
  withPacksFor(
    rows: readonly ClaimRow[],
    header: JsonObject | null | undefined,
    packs: Partial<Record<KnowledgePack, KnowledgeData | null>>,
  ): Knowledge | undefined
  /**
   * This knowledge base with one more pack of meanings (the common or registry pack, a provider
   * pack); the same object each time for the same pack, so that views keep what they built on it.
   */
  withPack(pack: KnowledgeData): Knowledge
  claims: readonly KnowledgeEntry[]
  headers: readonly KnowledgeEntry[]
  algorithms: readonly KnowledgeEntry[]
}

function entry(r: KnowledgeRow): KnowledgeEntry {
  const [name, title, text, processing, spec, url, source, valueType, more] = r
  const e: KnowledgeEntry = { name, title, text, processing, spec, url, source: source as KnowledgeSource }
  if (valueType) e.valueType = valueType
  if (more.startsWith('^')) e.pattern = more
  else if (more) e.parent = more
  return e
}

/** Converts a knowledge-base entry into what the claim rows show. */
export function toClaimInfo(e: KnowledgeEntry): ClaimInfo {
  const info: ClaimInfo = {
    title: e.title,
    description: e.text,
    processing: e.processing,
    spec: { label: e.spec, url: e.url },
    origin: 'registered',
  }
  if (e.valueType) info.valueType = e.valueType
  if (e.source === 'oidc') info.origin = 'oidc'
  else if (e.source !== 'iana') {
    info.origin = 'provider'
    info.provider = PROVIDER_NAMES[e.source]
  }
  return info
}

const PRIVATE_REF = rfc(7519, '4.3')
const PUBLIC_REF = rfc(7519, '4.2')

const privateInfo = (): ClaimInfo => ({
  title: 'Unregistered name',
  description:
    'Neither registered nor known for this issuer: a name the producer and its recipients agreed on between themselves, so only they know what it means.',
  processing: 'Only the parties that agreed on it can interpret it; a general-purpose verifier ignores it.',
  spec: PRIVATE_REF,
  origin: 'private',
})

const collisionResistantInfo = (): ClaimInfo => ({
  title: "Public name in its owner's namespace",
  description:
    "A name placed in a namespace its owner controls (a URL or a domain name), so it cannot clash with registered names or other parties' names. The owner of that namespace defines its meaning.",
  processing: "Interpret it only if you know the namespace owner's definition.",
  spec: PUBLIC_REF,
  origin: 'collision-resistant',
})

// URLs, URNs and names under a domain (kubernetes.io/…) are collision-resistant (RFC 7519 §2).
const URI_NAME = /^([a-z][a-z0-9+.-]*:\/\/|urn:)/i
const DOMAIN_NAME = /^([a-z0-9-]+\.)+[a-z]{2,}(\/|$)/i
const isCollisionResistant = (name: string) => URI_NAME.test(name) || DOMAIN_NAME.test(name)
const ALWAYS_APPLIES: ReadonlySet<KnowledgeSource> = new Set(['iana', 'oidc', 'ietf-draft'])

/** Rows at least this deep are not explained: nothing the knowledge base knows nests that far. */
export const MAX_EXPLAINED_DEPTH = 32

/** Longest pointer handed to the extra lookups: theirs are all far shorter. */
const MAX_LOOKUP_POINTER = 1024

/** The JSON Pointer of a path of unescaped member names. */
function toPointer(path: readonly string[]): string {
  return path.map((t) => `/${t.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')
}

/** Splits a JSON Pointer into its unescaped member names. */
export function pointerTokens(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'))
}

const PACKED = new Set(REGISTRY_PACK_CLAIMS)
const PACKED_ALGS = new Set(REGISTRY_PACK_ALGORITHMS)
const namesPackedAlg = (header: JsonObject | null | undefined) =>
  ['alg', 'enc', 'zip'].some((p) => {
    const v = header?.[p]
    return typeof v === 'string' && PACKED_ALGS.has(v)
  })

/** A row whose name the registry pack may explain: a top-level claim, or one inside act or may_act. */
const namesPackedClaim = (row: ClaimRow) =>
  PACKED.has(row.name) && row.path.slice(0, -1).every((p) => p === 'act' || p === 'may_act')

const COMMON = new Set(COMMON_PACK_CLAIMS)
const COMMON_HEADERS = new Set(COMMON_PACK_HEADERS)
// Claims below the top level are explained only inside act and may_act (and cnf, in the pack
// itself), where they take the top-level meanings: the same rows as for the registry pack.
const namesCommonClaim = (row: ClaimRow) =>
  COMMON.has(row.name) && row.path.slice(0, -1).every((p) => p === 'act' || p === 'may_act')
const namesCommonHeader = (header: JsonObject | null | undefined) =>
  header != null && Object.keys(header).some((name) => COMMON_HEADERS.has(name))

/**
 * The data with a pack added (the registry pack or a provider pack, loaded on demand): the
 * entries already there keep coming first, so a name's registered meaning is still listed first.
 */
export function withPackData(data: KnowledgeData, pack: KnowledgeData): KnowledgeData {
  return {
    claims: [...data.claims, ...pack.claims],
    headers: [...data.headers, ...pack.headers],
    algorithms: [...data.algorithms, ...pack.algorithms],
  }
}

/** Builds the knowledge base from generated data; `extra` lookups explain payload members it does not know. */
export function createKnowledge(
  data: KnowledgeData = KNOWLEDGE_DATA,
  extra: readonly ClaimLookup[] = EXTRA_CLAIM_LOOKUPS,
): Knowledge {
  const claims = data.claims.map(entry)
  const headers = data.headers.map(entry)
  const algorithms = data.algorithms.map(entry)
  const applies = (e: KnowledgeEntry, ctx: ExplainContext) =>
    ALWAYS_APPLIES.has(e.source) || ctx.providers.includes(e.source as ProviderId)
  // Indexed by name, so that tokens with thousands of claims stay fast; families match by pattern.
  const index = (list: readonly KnowledgeEntry[]) => {
    const byName = new Map<string, KnowledgeEntry[]>()
    const families: Array<[RegExp, KnowledgeEntry]> = []
    for (const e of list) {
      if (e.parent !== undefined) continue
      if (e.pattern !== undefined) families.push([new RegExp(e.pattern), e])
      else byName.set(e.name, [...(byName.get(e.name) ?? []), e])
    }
    return (name: string) => [
      ...(byName.get(name) ?? []),
      ...families.filter(([re]) => re.test(name)).map(([, e]) => e),
    ]
  }
  const claimsNamed = index(claims)
  const headersNamed = index(headers)

  // Registered meanings first, then the provider meanings that apply to this token.
  const topLevel = (named: (name: string) => KnowledgeEntry[], name: string, ctx: ExplainContext) => {
    const found = named(name).filter((e) => applies(e, ctx))
    return [...found.filter((e) => e.source === 'iana'), ...found.filter((e) => e.source !== 'iana')].map(toClaimInfo)
  }

  const explainClaimAt = (path: readonly string[], ctx: ExplainContext, pointer?: string): ClaimInfo[] => {
    const name = path[path.length - 1] ?? ''
    const infos: ClaimInfo[] = []
    if (path.length === 1) infos.push(...topLevel(claimsNamed, name, ctx))
    else if (path.length === 2 && path[0] === 'cnf') {
      infos.push(...claims.filter((e) => e.parent === 'cnf' && e.name === name).map(toClaimInfo))
    } else if (path.length > 1 && path.slice(0, -1).every((p) => p === 'act' || p === 'may_act')) {
      // Inside act/may_act the members identify an actor, with the claims' usual meanings.
      const whose = path[path.length - 2] === 'act' ? 'the actor' : 'a party allowed to act'
      // act is in the common pack: without it (a token with act waits for the pack), no meaning.
      const act = name === 'act' ? claims.find((e) => e.name === 'act') : undefined
      if (act)
        infos.push({
          ...toClaimInfo(act),
          title: 'Earlier actor',
          description:
            'A nested act: an actor before the current one in the delegation chain, kept for the record only.',
        })
      else if (name !== 'act')
        for (const info of topLevel(claimsNamed, name, ctx))
          infos.push({
            ...info,
            title: `${info.title} (of ${whose})`,
            description: `Describes ${whose}, not the token's subject. ${info.description}`,
          })
    }
    const known = infos.length
    // The extra lookups know short pointers only (Kubernetes claims): a long path has no meaning
    // there, and spelling out its pointer for each of many rows would cost its length each time.
    const at =
      pointer ?? (path.reduce((n, t) => n + t.length + 1, 0) <= MAX_LOOKUP_POINTER ? toPointer(path) : undefined)
    if (at !== undefined && at.length <= MAX_LOOKUP_POINTER) {
      for (const lookup of extra) {
        const info = lookup(at, ctx)
        if (info) infos.push(info)
      }
    }
    // The generic namespace explanation only when no lookup knows what this namespace means.
    if (path.length === 1 && infos.length === known && isCollisionResistant(name))
      infos.unshift(collisionResistantInfo())
    if (infos.length === 0 && path.length === 1) infos.push(privateInfo())
    return infos
  }

  const algorithmInfo = (param: string, value: unknown): ClaimInfo[] => {
    if (typeof value !== 'string') return []
    const usage = param === 'zip' ? ['DEF'] : null
    const e = algorithms.find((a) => a.name === value && (!usage || usage.includes(a.name)))
    return e ? [{ ...toClaimInfo(e), title: `${e.name}: ${e.title}` }] : []
  }

  const explainClaim = (pointer: string, ctx: ExplainContext): ClaimInfo[] =>
    explainClaimAt(pointerTokens(pointer), ctx, pointer)

  const explainHeaderAt = (path: readonly string[], ctx: ExplainContext): ClaimInfo[] => {
    if (path.length !== 1) return []
    const name = path[0] as string
    const infos = topLevel(headersNamed, name, ctx)
    if (isCollisionResistant(name)) infos.unshift(collisionResistantInfo())
    if (name === 'alg' || name === 'enc' || name === 'zip') infos.push(...algorithmInfo(name, ctx.header?.[name]))
    if (infos.length === 0) infos.push(privateInfo())
    return infos
  }

  const explainHeader = (pointer: string, ctx: ExplainContext): ClaimInfo[] =>
    explainHeaderAt(pointerTokens(pointer), ctx)

  const explainRow: Knowledge['explainRow'] = (row, location, ctx) =>
    row.depth >= MAX_EXPLAINED_DEPTH
      ? []
      : location === 'header'
        ? explainHeaderAt(row.path, ctx)
        : explainClaimAt(row.path, ctx)

  const searchRows: Knowledge['searchRows'] = (rows, location, ctx) =>
    createRowSearch(rows, (row) => explainRow(row, location, ctx).map((i) => i.title))

  const hasRegistryPack = claims.some((e) => e.source === 'iana' && PACKED.has(e.name))
  // A provider pack may hold a name of the common pack too (Entra's roles), under its own source.
  const hasCommonPack =
    claims.some((e) => ALWAYS_APPLIES.has(e.source) && COMMON.has(e.name)) ||
    headers.some((e) => ALWAYS_APPLIES.has(e.source) && COMMON_HEADERS.has(e.name))
  const needsRegistryPack: Knowledge['needsRegistryPack'] = (rows, header) =>
    !hasRegistryPack && (namesPackedAlg(header) || rows.some(namesPackedClaim))
  const packsNeeded: Knowledge['packsNeeded'] = (rows, header) => {
    const packs: KnowledgePack[] = []
    if (!hasCommonPack && (namesCommonHeader(header) || rows.some(namesCommonClaim))) packs.push('commonPack')
    if (needsRegistryPack(rows, header)) packs.push('registryPack')
    return packs
  }
  const withPacks = new WeakMap<KnowledgeData, Knowledge>()
  const withPack = (pack: KnowledgeData): Knowledge => {
    let added = withPacks.get(pack)
    if (!added) withPacks.set(pack, (added = createKnowledge(withPackData(data, pack), extra)))
    return added
  }
  const knowledge: Knowledge = {
    searchRows,
    explainClaim,
    explainClaimAt: (path, ctx) => explainClaimAt(path, ctx),
    explainRow,
    explainHeader,
    explainHeaderAt,
    // The rarer header parameters' warnings and decoding's notes come with the shape checks.
    checks: commonTokenChecks,
    needsShapeChecks: (decoded, providers) =>
      needsShapeChecks(decoded, providers) ||
      hasDecodingNotes(decoded) ||
      hasRareHeader(decoded.header?.value) ||
      (decoded.payload.kind === 'claims' && hasRareClaim(decoded.payload.json.value)) ||
      mayHaveDeceptiveText(decoded),
    claims,
    headers,
    algorithms,
    needsRegistryPack,
    packsNeeded,
    withPack,
    withPacksFor: (rows, header, packs) => {
      let added: Knowledge = knowledge
      for (const name of packsNeeded(rows, header)) {
        const pack = packs[name]
        if (!pack) return undefined
        added = added.withPack(pack)
      }
      return added
    },
  }
  return knowledge
}

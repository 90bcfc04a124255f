/**
 * The one place that loads code on demand: every `import()` of non-React code in the app is
 * here (the React views are in `src/ui/lazyViews.ts`). Each loader is memoised, so a module is
 * fetched once however many parts of the page ask for it, and a failure (a chunk that a new
 * deployment removed, a dropped connection) becomes state, `{ status: 'failed' }`, never a
 * throw: the page then says what could not be loaded and offers a reload.
 *
 * Chunks follow when they are needed (see vite.config.ts): start-up; one chunk after the first
 * decoded view; the knowledge base; and on demand its packs, the extractor, YAML, verification, sharing, the
 * example tokens and the checks of rarer token shapes.
 */
import type * as ExtractModule from '../core/extract/index.ts'
import type * as KubernetesModule from '../core/k8s/index.ts'
import type * as KubernetesExtraModule from '../core/k8s/extra.ts'
import type * as PermalinkModule from '../core/permalink/index.ts'
import type * as TimelineModule from '../core/time/timeline.ts'
import type * as VerifyModule from '../core/verify/index.ts'
import type * as ApiServerModule from '../core/apiserver/index.ts'
import type * as ShapeChecksModule from '../core/checks/shapes.ts'
import type * as CompareModule from '../core/compare/index.ts'
import type * as ComposeModule from '../core/compose/index.ts'
import type { CelEngine } from '../core/apiserver/index.ts'
import type { Knowledge, KnowledgeData, YamlParser } from '../core/index.ts'
import { Store } from './subscribable.ts'

export type ModuleState<T> =
  { status: 'idle' } | { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; error: unknown }

/** A module that could not be loaded, named the way the page names it ("the claim explanations"). */
export class LoadFailure extends Error {
  constructor(
    readonly what: string,
    cause: unknown,
  ) {
    super(`Could not load ${what}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
    this.name = 'LoadFailure'
  }
}

/**
 * Every load that failed since the page was opened, by name. After a deployment, an open tab's
 * old chunks are gone from the server; the update notice reads this to explain and offer a reload.
 */
export class LoadFailures extends Store<readonly string[]> {
  constructor() {
    super([])
  }

  report(what: string): void {
    if (!this.getSnapshot().includes(what)) this.setState([...this.getSnapshot(), what])
  }
}

/** One lazily loaded module: requested with `load()`, observed with `subscribe`/`getSnapshot`. */
export class ModuleLoader<T> extends Store<ModuleState<T>> {
  #pending: Promise<ModuleState<T>> | undefined

  constructor(
    /** What the page calls it in "couldn't load …". */
    readonly what: string,
    private readonly importer: () => Promise<T>,
    private readonly failures?: LoadFailures,
  ) {
    super({ status: 'idle' })
  }

  /** Starts loading (once) and resolves with the settled state; never rejects. */
  load(): Promise<ModuleState<T>> {
    if (this.#pending) return this.#pending
    // Memoised before anything is announced: a listener that asks again gets this same load.
    const pending = this.#start()
    this.#pending = pending
    // Marked the way React's use() reads a settled promise, so a view rendered after the module
    // has arrived gets it at once instead of suspending for a tick.
    void pending.then((state) => Object.assign(pending, { status: 'fulfilled', value: state }))
    this.setState({ status: 'loading' })
    return pending
  }

  /** The module itself, for async jobs whose own failure is state (see Latest): rejects with a LoadFailure. */
  async get(): Promise<T> {
    const state = await this.load()
    if (state.status === 'ready') return state.value
    throw new LoadFailure(this.what, state.status === 'failed' ? state.error : 'not loaded')
  }

  async #start(): Promise<ModuleState<T>> {
    // Yield first, so that load() has memoised this promise before the importer runs.
    await undefined
    let next: ModuleState<T>
    try {
      next = { status: 'ready', value: await this.importer() }
    } catch (error) {
      next = { status: 'failed', error }
      this.failures?.report(this.what)
    }
    this.setState(next)
    return next
  }
}

export type ExtractorModule = Pick<typeof ExtractModule, 'extractToken'>
export type KubernetesInsightsModule = typeof KubernetesModule
export type KubernetesExtraInsights = typeof KubernetesExtraModule
export type TimelineGeometryModule = Pick<typeof TimelineModule, 'timelineGeometry' | 'labelAnchor'>
export type PermalinkCode = typeof PermalinkModule
export type VerifierModule = typeof VerifyModule
export type ExampleTokens = Readonly<Record<string, string>>
export type ApiServerCode = typeof ApiServerModule
export type ShapeChecksCode = typeof ShapeChecksModule
export type ComparerModule = typeof CompareModule
export type ComposerModule = typeof ComposeModule

/** How each module is fetched: `import()` in the page, fakes in tests. */
export interface Importers {
  extractor: () => Promise<ExtractorModule>
  yaml: () => Promise<YamlParser>
  knowledge: () => Promise<Knowledge>
  /** The knowledge base with the providers' meanings added, for a token from a recognised provider. */
  providerKnowledge: () => Promise<Knowledge>
  /** The registered names a Kubernetes token does not carry (OpenID, OAuth, JWE…), for a token that has one. */
  commonPack: () => Promise<KnowledgeData>
  /** The registered claims that pasted tokens rarely carry, for a token that has one of them. */
  registryPack: () => Promise<KnowledgeData>
  /** The checks of rarer token shapes (webhook bindings, external signers, DPoP, SPIFFE, GitHub), for a token that has one. */
  shapes: () => Promise<ShapeChecksCode>
  insights: () => Promise<KubernetesInsightsModule>
  /** The rarer Kubernetes insights (audience catalogue, image pulls, binding steps, reviews), for a token that needs them. */
  k8sExtra: () => Promise<KubernetesExtraInsights>
  timeline: () => Promise<TimelineGeometryModule>
  permalink: () => Promise<PermalinkCode>
  examples: () => Promise<ExampleTokens>
  verifier: () => Promise<VerifierModule>
  /** What the API server would decide (it checks signatures too, so it brings jose along). */
  apiserver: () => Promise<ApiServerCode>
  cel: () => Promise<CelEngine>
  /** Diffing two tokens, for the compare view. */
  compare: () => Promise<ComparerModule>
  /** Templates, the form model and signing, for the compose view and "Edit a copy" (WebCrypto). */
  compose: () => Promise<ComposerModule>
}

export type AppModules = { [K in keyof Importers]: ModuleLoader<Awaited<ReturnType<Importers[K]>>> }

const WHAT: Record<keyof Importers, string> = {
  extractor: 'the code that finds a token in this kind of paste',
  yaml: 'the YAML reader',
  knowledge: 'the claim explanations and the header and claim checks',
  providerKnowledge: "the provider's claim explanations",
  commonPack: 'the explanations of OpenID and OAuth claims',
  registryPack: 'the explanations of rarely used registered claims',
  shapes: "the checks of this token's shape",
  insights: 'the Kubernetes insights',
  k8sExtra: 'the rarer Kubernetes insights',
  timeline: 'the timeline',
  permalink: 'the share-link code',
  examples: 'the example tokens',
  verifier: 'signature verification',
  apiserver: "the API server's checks",
  cel: 'the CEL evaluator',
  compare: 'the comparison',
  compose: 'the composer',
}

/** One memoised loader per module (one per name in WHAT, which names every importer). */
export function createModules(importers: Importers, failures?: LoadFailures): AppModules {
  const keys = Object.keys(WHAT) as (keyof Importers)[]
  return Object.fromEntries(
    keys.map((key) => [key, new ModuleLoader(WHAT[key], importers[key] as () => Promise<unknown>, failures)]),
  ) as AppModules
}

/** The page's loads that failed. */
export const loadFailures = new LoadFailures()

/** The page's modules. Nothing is fetched until a loader's `load()` is called. */
export const modules: AppModules = createModules(
  {
    extractor: () => import('../core/extract/index.ts'),
    yaml: () => import('./yaml.ts').then((m) => m.parseYamlDocuments),
    knowledge: () => import('../core/knowledge/index.ts').then((m) => m.createKnowledge()),
    providerKnowledge: () =>
      Promise.all([import('../core/knowledge/index.ts'), import('../core/knowledge/providers.generated.ts')]).then(
        ([m, p]) => m.createKnowledge().withPack(p.PROVIDER_KNOWLEDGE_DATA),
      ),
    commonPack: () => import('../core/knowledge/common.generated.ts').then((m) => m.COMMON_PACK_DATA),
    registryPack: () => import('../core/knowledge/registry.generated.ts').then((m) => m.REGISTRY_PACK_DATA),
    shapes: () => import('../core/checks/shapes.ts'),
    insights: () => import('../core/k8s/index.ts'),
    k8sExtra: () => import('../core/k8s/extra.ts'),
    timeline: () => import('../core/time/timeline.ts'),
    permalink: () => import('../core/permalink/index.ts'),
    examples: () => import('../core/examples/exampleTokens.ts').then((m) => m.EXAMPLE_TOKENS),
    verifier: () => import('../core/verify/index.ts'),
    apiserver: () => import('../core/apiserver/index.ts'),
    cel: () => import('../core/cel/index.ts').then((m) => m.createCelEngine()),
    compare: () => import('../core/compare/index.ts'),
    compose: () => import('../core/compose/index.ts'),
  },
  loadFailures,
)

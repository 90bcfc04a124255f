// Fakes for the session's tests: an environment whose frames, idle callbacks and tasks run when
// the test says so, and module importers that resolve, reject or wait as told.
import * as extract from '../core/extract/index.ts'
import * as k8s from '../core/k8s/index.ts'
import * as k8sExtra from '../core/k8s/extra.ts'
import * as permalink from '../core/permalink/index.ts'
import * as timeline from '../core/time/timeline.ts'
import * as verify from '../core/verify/index.ts'
import * as apiserver from '../core/apiserver/index.ts'
import * as shapes from '../core/checks/shapes.ts'
import { createCelEngine } from '../core/cel/index.ts'
import * as compare from '../core/compare/index.ts'
import * as compose from '../core/compose/index.ts'
import { createKnowledge, KNOWLEDGE_DATA, withPackData } from '../core/knowledge/index.ts'
import { PROVIDER_KNOWLEDGE_DATA } from '../core/knowledge/providers.generated.ts'
import { COMMON_PACK_DATA } from '../core/knowledge/common.generated.ts'
import { REGISTRY_PACK_DATA } from '../core/knowledge/registry.generated.ts'
import { EXAMPLE_TOKENS } from '../core/examples/exampleTokens.ts'
import { parseYamlDocuments } from '../app/yaml.ts'
import { createModules, LoadFailures, type AppModules, type Importers } from '../app/modules.ts'
import type { SessionEnv } from '../app/session.ts'

/** A promise the test settles by hand. */
export interface Gate<T> {
  promise: Promise<T>
  resolve: (value: T) => void
  reject: (error: unknown) => void
}

export function gate<T>(): Gate<T> {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** Lets every pending promise callback run. */
export const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/** Waits until `done()` holds (streams such as DecompressionStream take a few tasks); fails after 2 s. */
export async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 10))
  if (!done()) throw new Error('until: the condition never held')
}

type Queue = 'afterPaint' | 'whenIdle' | 'later'

export interface FakeEnv extends SessionEnv {
  /** Runs what is queued on one kind of callback (a frame, the idle fallback, a task). */
  run(queue: Queue): void
  pending(queue: Queue): number
  setHash(hash: string): void
  /** Advances the fake clock and fires its interval. */
  tick(ms: number): void
  timers(): number
}

export function fakeEnv(hash = ''): FakeEnv {
  let current = hash
  let now = 1_700_000_000_000
  const hashListeners = new Set<() => void>()
  const queues: Record<Queue, Set<() => void>> = {
    afterPaint: new Set(),
    whenIdle: new Set(),
    later: new Set(),
  }
  const intervals = new Set<() => void>()
  const enqueue = (queue: Queue) => (callback: () => void) => {
    const entry = () => callback()
    queues[queue].add(entry)
    return () => void queues[queue].delete(entry)
  }
  return {
    now: () => now,
    every: (_ms, tick) => {
      intervals.add(tick)
      return () => void intervals.delete(tick)
    },
    hash: () => current,
    onHashChange: (listener) => {
      hashListeners.add(listener)
      return () => void hashListeners.delete(listener)
    },
    afterPaint: enqueue('afterPaint'),
    whenIdle: enqueue('whenIdle'),
    later: enqueue('later'),
    run(queue) {
      const due = [...queues[queue]]
      queues[queue].clear()
      for (const callback of due) callback()
    },
    pending: (queue) => queues[queue].size,
    setHash(next) {
      current = next
      for (const listener of [...hashListeners]) listener()
    },
    tick(ms) {
      now += ms
      for (const tick of [...intervals]) tick()
    },
    timers: () => intervals.size,
  }
}

/** The real modules, each handed over at once, unless the test overrides its importer. */
export function realImporters(): Importers {
  return {
    extractor: async () => extract,
    yaml: async () => parseYamlDocuments,
    knowledge: async () => createKnowledge(),
    providerKnowledge: async () => createKnowledge(withPackData(KNOWLEDGE_DATA, PROVIDER_KNOWLEDGE_DATA)),
    commonPack: async () => COMMON_PACK_DATA,
    registryPack: async () => REGISTRY_PACK_DATA,
    shapes: async () => shapes,
    insights: async () => k8s,
    k8sExtra: async () => k8sExtra,
    timeline: async () => timeline,
    permalink: async () => permalink,
    examples: async () => EXAMPLE_TOKENS,
    verifier: async () => verify,
    apiserver: async () => apiserver,
    cel: async () => createCelEngine(),
    compare: async () => compare,
    compose: async () => compose,
  }
}

/** Modules whose importers are counted, with some replaced by the test's own. */
export function fakeModules(overrides: Partial<Importers> = {}) {
  const calls: Partial<Record<keyof Importers, number>> = {}
  const base = { ...realImporters(), ...overrides }
  const counted = Object.fromEntries(
    Object.entries(base).map(([key, importer]) => [
      key,
      () => {
        calls[key as keyof Importers] = (calls[key as keyof Importers] ?? 0) + 1
        return (importer as () => Promise<unknown>)()
      },
    ]),
  ) as unknown as Importers
  const failures = new LoadFailures()
  const modules: AppModules = createModules(counted, failures)
  return { modules, calls, failures }
}

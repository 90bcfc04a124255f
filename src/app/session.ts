import {
  baseSteps,
  finishSteps,
  type Analysis,
  type AnalysisBase,
  type Diagnostic,
  type Extraction,
  type Steps,
  type TokenChecks,
} from '../core/index.ts'
import { Latest, sameDeps } from './async.ts'
import { Clock, type ClockEnv } from './clock.ts'
import type { AppModules } from './modules.ts'
import { isOpenedText, openedAtStart, readFragment, type OpenedLink } from './openedLink.ts'
import { Settings } from './settings.ts'
import { Store } from './subscribable.ts'
import { Workbench, type WorkbenchEnv } from './workbench.ts'

/** A module the extraction of a paste is waiting for. */
export type ExtractionModule = NonNullable<Extraction['pending']>

/** Whether the knowledge base's header and claim checks are in the analysis yet. */
export type ChecksStatus = 'pending' | 'ready' | 'failed'

/** An opened link that is what the page shows (its text is the one analysed). */
export type ShownLink = Exclude<OpenedLink, { type: 'error' | 'failed' }>

/** What the output shows for the text being analysed. */
export type ExplorerView =
  | { status: 'empty' }
  /** The paste needs code that is loading (or could not be loaded) before its token can be found. */
  | { status: 'searching'; analysis: Analysis; module: ExtractionModule; failed: boolean }
  | {
      status: 'shown'
      analysis: Analysis
      /** The knowledge base's checks: pending until it has loaded, failed when it could not be. */
      checks: ChecksStatus
      /**
       * The checks of this token's rarer shape (a webhook binding, an external signer, DPoP,
       * SPIFFE, GitHub Actions), which load on demand: 'none' for a token without such a shape
       * (or before the knowledge base, which tells, has arrived).
       */
      shapeChecks: ChecksStatus | 'none'
      /** The opened link this text came from, when it did: decided here, once, for every reader. */
      link: ShownLink | null
    }
  /** analyze() threw: a bug, reported as one, and the rest of the page keeps working. */
  | { status: 'broken'; message: string }

export interface ExplorerSnapshot {
  /** What the text area shows. */
  input: string
  /** What the output shows; for a large paste it follows `input` one task later. */
  view: ExplorerView
  /** What the page address opened, if anything. */
  opened: OpenedLink | null
  /**
   * True once the first decoded view has been painted (or the page has idled without one):
   * everything that view does not need (knowledge, time, Kubernetes, verification, the banner)
   * waits for it, so its download and parsing never delay the first rows.
   */
  afterFirstView: boolean
  /**
   * Whether the panels that follow the claims (time, Kubernetes, verification) are shown: once
   * the frame with a new token's rows has been painted, so that the rows reach the screen first
   * (the panels sit after them, or in the other column), and then for as long
   * as a token is shown (the verification panel keeps the pasted key while the token is edited).
   */
  following: boolean
}

/** What the session needs from the browser; `browserEnv()` is the page's, tests pass fakes. */
export interface SessionEnv extends ClockEnv, WorkbenchEnv {
  /** Calls back once the browser has painted the next frame. */
  afterPaint(callback: () => void): () => void
  /** Calls back once the page has loaded and gone idle. */
  whenIdle(callback: () => void): () => void
  /** Calls back in a task of its own, after the current one has painted. */
  later(callback: () => void): () => void
}

/**
 * A text up to this size decodes in about a millisecond: it is shown in the same pass as the
 * keystroke. A larger one is analysed after the keystroke's task, one step per task (see
 * `baseSteps`), so that typing stays responsive and no task runs long: a 1 MB token's base64url,
 * UTF-8 and each quarter-megabyte of its JSON are read in tasks of their own, its rows built in
 * another, the knowledge base's checks run in a third.
 */
export const SAME_PASS_LIMIT = 32 * 1024

const IDLE_FALLBACK_MS = 2000
const EMPTY: ExplorerView = { status: 'empty' }

/** The browser's environment for a session. */
export function browserEnv(): SessionEnv {
  return {
    now: () => Date.now(),
    every: (ms, tick) => {
      const timer = setInterval(tick, ms)
      return () => clearInterval(timer)
    },
    hash: () => window.location.hash,
    onHashChange: (listener) => {
      window.addEventListener('hashchange', listener)
      return () => window.removeEventListener('hashchange', listener)
    },
    afterPaint: (callback) => {
      let timer: ReturnType<typeof setTimeout> | undefined
      const frame = requestAnimationFrame(() => (timer = setTimeout(callback, 0)))
      return () => {
        cancelAnimationFrame(frame)
        clearTimeout(timer)
      }
    },
    whenIdle: (callback) => {
      let cancelled = false
      const run = () => !cancelled && callback()
      const idle = () =>
        window.requestIdleCallback
          ? window.requestIdleCallback(run, { timeout: IDLE_FALLBACK_MS })
          : setTimeout(run, IDLE_FALLBACK_MS)
      if (document.readyState === 'complete') idle()
      else window.addEventListener('load', () => setTimeout(idle, IDLE_FALLBACK_MS), { once: true })
      return () => {
        cancelled = true
      }
    },
    later: (callback) => {
      const timer = setTimeout(callback, 0)
      return () => clearTimeout(timer)
    },
  }
}

interface OpenedPermalink {
  opened: OpenedLink
  notes?: (analysis: Pick<Analysis, 'kind'>) => Diagnostic[]
}

/**
 * The application state of one page, framework-free: the pasted text, the token picked among
 * several, the opened link, the modules that have arrived, the first-view gate, the time settings
 * and the clock. React reads it through `useSyncExternalStore` (src/ui/hooks.ts); tests drive it
 * with fake modules and a fake environment.
 */
export class Session extends Store<ExplorerSnapshot> {
  readonly settings = new Settings()
  readonly clock: Clock
  /** Which view is open (Decode, Compare, Compose), and what one hands another. */
  readonly workbench: Workbench
  #input = ''
  #picked = { input: '', index: 0 }
  #opened: OpenedLink | null = null
  #sharedNotes: OpenedPermalink['notes']
  #afterFirstView = false
  #firstViewScheduled = false
  #following = false
  #view: ExplorerView = EMPTY
  /** The analysis up to its rows, for the text, extractor, parser, pick and link it was made with. */
  #base: { key: readonly unknown[]; base: AnalysisBase } | undefined
  /** The whole analysis (or what analyze() threw), for that base with these checks and notes. */
  #memo: { key: readonly unknown[]; result: Analysis | { thrown: string } } | undefined
  /** The staged analysis of a large text under way, for its key, and how to stop it. */
  #staged: { key: readonly unknown[]; cancel: () => void } | undefined
  #cancelFollowing: (() => void) | undefined
  readonly #cleanup: (() => void)[] = []
  readonly #permalink = new Latest<OpenedPermalink>()
  readonly #example = new Latest<string | undefined>()
  #examplePicks = 0

  constructor(
    readonly modules: AppModules,
    private readonly env: SessionEnv,
  ) {
    super({ input: '', view: EMPTY, opened: null, afterFirstView: false, following: false })
    this.clock = new Clock(env)
    this.workbench = new Workbench(env)
    this.#cleanup.push(this.workbench.stop)
    for (const loader of [modules.extractor, modules.yaml, modules.knowledge, modules.shapes])
      this.#cleanup.push(loader.subscribe(() => this.#recompute()))
    this.#cleanup.push(env.onHashChange(() => this.#openFragment()))
    this.#cleanup.push(env.whenIdle(() => this.#releaseFirstView()))
    // A #token= link is read synchronously, so that the very first view already decodes it.
    const request = readFragment(env.hash())
    this.#opened = openedAtStart(request)
    if (this.#opened?.type === 'token') this.#input = this.#opened.text
    this.#recompute()
    if (request.type !== 'token') this.#openFragment()
  }

  /**
   * The text area changed: typing, pasting, a dropped file, "Clear". The text area shows a large
   * paste at once; its view follows the steps of its analysis (see #run).
   */
  readonly setInput = (text: string): void => {
    if (text === this.#input) return
    this.#input = text
    this.#recompute()
  }

  /** The user picked another of the tokens found in the text; the pick belongs to that text. */
  readonly pick = (index: number): void => {
    // The text whose candidates are on screen (a large paste may still be on its way).
    const shown = 'analysis' in this.#view ? this.#view.analysis.input : this.#input
    this.#picked = { input: shown, index }
    this.#recompute()
  }

  /** Loads an example token and shows it; a later pick (or nothing found) leaves the text as it is. */
  readonly openExample = async (id: string): Promise<void> => {
    const run = await this.#example.run([id, ++this.#examplePicks], async () => (await this.modules.examples.get())[id])
    if (run?.status === 'done' && run.value !== undefined) this.setInput(run.value)
  }

  /** Stops listening to the page and the modules (tests; a page lives as long as its session). */
  dispose(): void {
    for (const stop of this.#cleanup.splice(0)) stop()
    this.#cancelFollowing?.()
    this.#staged?.cancel()
    this.#permalink.reset()
    this.#example.reset()
  }

  #openFragment(): void {
    const request = readFragment(this.env.hash())
    switch (request.type) {
      case 'none':
        return
      case 'error':
        this.#permalink.reset()
        this.#opened = { type: 'error', diagnostics: [request.diagnostic] }
        return this.#recompute()
      case 'token': {
        this.#permalink.reset()
        const prev = this.#opened
        // Already open: keep the same object, so nothing re-renders for it.
        if (prev?.type !== 'token' || prev.text !== request.token || prev.param !== request.param)
          this.#opened = { type: 'token', text: request.token, param: request.param }
        this.#sharedNotes = undefined
        this.setInput(request.token)
        return this.#recompute()
      }
      case 'permalink':
        void this.#permalink
          .run([request.fragment], () => this.#decodePermalink(request.fragment))
          .then((run) => {
            if (run?.status === 'done') this.#showPermalink(run.value)
          })
    }
  }

  async #decodePermalink(fragment: string): Promise<OpenedPermalink> {
    let opened: OpenedPermalink
    try {
      const permalink = await this.modules.permalink.get()
      // A link that expands to megabytes (300,000 redactions) is read in steps, each in a task of its own.
      opened = await permalink.openPermalink(fragment, { pause: this.#nextTask })
    } catch {
      return { opened: { type: 'failed', what: this.modules.permalink.what } }
    }
    // Its view is built in the task after the last step.
    if (opened.opened.type === 'shared') await this.#nextTask()
    return opened
  }

  readonly #nextTask = (): Promise<void> => new Promise((resolve) => this.env.later(resolve))

  #showPermalink({ opened, notes }: OpenedPermalink): void {
    this.#opened = opened
    this.#sharedNotes = notes
    if (opened.type === 'shared') this.setInput(opened.text)
    this.#recompute()
  }

  #releaseFirstView(): void {
    if (this.#afterFirstView) return
    this.#afterFirstView = true
    // The knowledge base's checks join the analysis when it arrives (see #recompute).
    void this.modules.knowledge.load()
    this.#recompute()
  }

  #checks(): { checks: TokenChecks | undefined; status: ChecksStatus } {
    if (!this.#afterFirstView) return { checks: undefined, status: 'pending' }
    const knowledge = this.modules.knowledge.getSnapshot()
    if (knowledge.status === 'ready') return { checks: knowledge.value.checks, status: 'ready' }
    return { checks: undefined, status: knowledge.status === 'failed' ? 'failed' : 'pending' }
  }

  /**
   * The view of `input`, or undefined while a large text is still being analysed in steps (the
   * session calls #recompute again when they are done).
   */
  #analyse(input: string): ExplorerView | undefined {
    const extractor = this.modules.extractor.getSnapshot()
    const yaml = this.modules.yaml.getSnapshot()
    const extract = extractor.status === 'ready' ? extractor.value.extractToken : undefined
    const parseYaml = yaml.status === 'ready' ? yaml.value : undefined
    const pick = this.#picked.input === input ? this.#picked.index : 0
    const { checks, status } = this.#checks()
    // Once loaded, the shape checks run for every token: they find nothing in one without such a
    // shape, so an analysis is the same whether they had arrived or not.
    const shapes = this.modules.shapes.getSnapshot()
    const shapeCode = checks && shapes.status === 'ready' ? shapes.value : undefined
    const shapeChecks = shapeCode?.pageShapeChecks
    // Decoding's notes come with them (most tokens have none), and go first, as tokenChecks has them.
    const decodingNotes = shapeCode?.decodingNotes
    const link = isOpenedText(this.#opened, input) ? this.#opened : null
    const sharedNotes = link?.type === 'shared' ? this.#sharedNotes : undefined
    const signatureRemoved = link?.type === 'shared' && link.state.token === undefined
    const baseKey = [input, extract, parseYaml, pick, signatureRemoved]
    const key = [...baseKey, checks, shapeChecks, sharedNotes]
    let result = this.#memo && sameDeps(this.#memo.key, key) ? this.#memo.result : undefined
    if (!result) {
      const known = this.#base && sameDeps(this.#base.key, baseKey) ? this.#base.base : undefined
      const large = input.length > SAME_PASS_LIMIT
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- a generator has no arrow form
      const session = this
      this.#run(
        key,
        (function* () {
          // The base (unless it is known: only the checks or notes changed), a task's break, the rest.
          const base = known ?? (yield* baseSteps(input, { extract, parseYaml, pick, signatureRemoved }))
          if (!known) {
            session.#base = { key: baseKey, base }
            yield
          }
          return yield* finishSteps(base, { checks, shapeChecks, decodingNotes, sharedNotes })
        })(),
        large,
      )
      // A large text: the page keeps showing what it showed until the last step.
      if (large || !this.#memo) return undefined
      result = this.#memo.result
    }
    if ('thrown' in result) return { status: 'broken', message: result.thrown }
    const analysis = result
    const pending = analysis.extraction.pending
    if (pending) {
      void this.modules[pending].load()
      return {
        status: 'searching',
        analysis,
        module: pending,
        failed: this.modules[pending].getSnapshot().status === 'failed',
      }
    }
    // A provider's own claim meanings are a pack of their own, for its tokens only.
    if (this.#afterFirstView && analysis.issuerProviders.length > 0) void this.modules.providerKnowledge.load()
    // So are the registered names a Kubernetes token does not carry (OpenID, OAuth, JWE…) and
    // those that pasted tokens rarely carry, each for a token that has one.
    const knowledge = this.modules.knowledge.getSnapshot()
    if (knowledge.status === 'ready')
      for (const pack of knowledge.value.packsNeeded(analysis.payloadRows, analysis.explainContext.header))
        void this.modules[pack].load()
    return { status: 'shown', analysis, checks: status, shapeChecks: this.#shapeChecks(analysis), link }
  }

  /** Whether this token needs the shape checks, which the knowledge base tells; asks for them when it does. */
  #shapeChecks(analysis: Analysis): ChecksStatus | 'none' {
    const knowledge = this.modules.knowledge.getSnapshot()
    if (knowledge.status !== 'ready' || !knowledge.value.needsShapeChecks(analysis.decoded, analysis.issuerProviders))
      return 'none'
    void this.modules.shapes.load()
    const shapes = this.modules.shapes.getSnapshot()
    return shapes.status === 'ready' ? 'ready' : shapes.status === 'failed' ? 'failed' : 'pending'
  }

  /**
   * Runs `steps` and keeps the analysis, or what analyze() threw: at once, or (`staged`, for a
   * large text) one step per task, unless the same analysis is already under way. A new run
   * stops the one under way, whose text changed (or whose checks arrived).
   */
  #run(key: readonly unknown[], steps: Steps<Analysis>, staged: boolean): void {
    if (staged && this.#staged && sameDeps(this.#staged.key, key)) return
    this.#staged?.cancel()
    this.#staged = undefined
    const step = () => {
      let result: Analysis | { thrown: string }
      try {
        let r = steps.next()
        while (!r.done) {
          if (staged) {
            this.#staged = { key, cancel: this.env.later(step) }
            return
          }
          r = steps.next()
        }
        result = r.value
      } catch (error) {
        result = { thrown: error instanceof Error ? error.message : String(error) }
      }
      this.#memo = { key, result }
      this.#staged = undefined
      if (staged) this.#recompute()
    }
    if (staged) this.#staged = { key, cancel: this.env.later(step) }
    else step()
  }

  #recompute(): void {
    const input = this.#input
    const view = input.trim() === '' ? EMPTY : this.#analyse(input)
    if (!view) return this.#publish()
    this.#view = sameFields(this.#view, view) ? this.#view : view
    const showing = this.#view.status === 'shown'
    if (!showing) {
      this.#cancelFollowing?.()
      this.#cancelFollowing = undefined
      this.#following = false
    } else if (!this.#following && !this.#cancelFollowing) {
      // After the paint, not in the frame callback before it: rendering these panels (and laying
      // out the page they fill) before the first paint cost a 1 KB paste about two thirds of its
      // time to the screen, while the rows they follow waited unseen.
      this.#cancelFollowing = this.env.afterPaint(() => {
        this.#cancelFollowing = undefined
        this.#following = true
        this.#publish()
      })
    }
    if (showing && !this.#afterFirstView && !this.#firstViewScheduled) {
      this.#firstViewScheduled = true
      this.#cleanup.push(this.env.afterPaint(() => this.#releaseFirstView()))
    }
    this.#publish()
  }

  #publish(): void {
    const next: ExplorerSnapshot = {
      input: this.#input,
      view: this.#view,
      opened: this.#opened,
      afterFirstView: this.#afterFirstView,
      following: this.#following,
    }
    if (!sameFields(this.getSnapshot(), next)) this.setState(next)
  }
}

/** The same fields with the same values: keep the old object, so nothing re-renders for it. */
function sameFields<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as (keyof T)[]
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]))
}

/** A session for this page. */
export function createSession(modules: AppModules, env: SessionEnv = browserEnv()): Session {
  return new Session(modules, env)
}

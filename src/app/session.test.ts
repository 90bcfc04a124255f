import { describe, expect, it } from 'vitest'
import * as extract from '../core/extract/index.ts'
import * as permalinkCode from '../core/permalink/index.ts'
import { buildShareState, encodePermalink } from '../core/permalink/index.ts'
import type { Knowledge } from '../core/index.ts'
import { createKnowledge } from '../core/knowledge/index.ts'
import { analyze } from '../core/analysis/analyze.ts'
import { fakeEnv, fakeModules, flush, gate, until } from '../test/session.ts'
import { fixture, rawToken } from '../test/tokens.ts'
import { sign, webhookClaims } from '../test/k8sTokens.ts'
import * as shapesCode from '../core/checks/shapes.ts'
import { SAME_PASS_LIMIT, createSession, type ExplorerView } from './session.ts'

const seed = fixture('seed-bound-pod-v1.24').token
const legacy = fixture('seed-legacy-v1.20').token

function shown(view: ExplorerView) {
  if (view.status !== 'shown') throw new Error(`expected a shown view, got ${view.status}`)
  return view
}

describe('session: input and view', () => {
  it('starts empty, shows a pasted token at once, and clears again', () => {
    const { modules } = fakeModules()
    const s = createSession(modules, fakeEnv())
    expect(s.getSnapshot()).toMatchObject({ input: '', view: { status: 'empty' }, opened: null })
    s.setInput(seed)
    const view = shown(s.getSnapshot().view)
    expect(view.analysis.kind).toBe('k8s-bound-pod')
    expect(view.analysis.kubernetes?.pod?.name).toBe('busybox')
    expect(view.analysis.explainContext).toEqual({
      providers: view.analysis.issuerProviders,
      header: view.analysis.decoded.header?.value,
      kubernetes: true,
    })
    s.setInput('   ')
    expect(s.getSnapshot().view).toEqual({ status: 'empty' })
  })

  it('keeps the same snapshot when nothing changed, and tells listeners only of changes', () => {
    const { modules } = fakeModules()
    const s = createSession(modules, fakeEnv())
    let calls = 0
    s.subscribe(() => calls++)
    s.setInput(seed)
    const first = s.getSnapshot()
    s.setInput(seed)
    expect(s.getSnapshot()).toBe(first)
    expect(calls).toBe(1)
  })

  it('shows a large paste in the text area at once and analyses it in a task of its own', () => {
    const env = fakeEnv()
    const { modules } = fakeModules()
    const s = createSession(modules, env)
    s.setInput(legacy)
    const big = rawToken('{"alg":"RS256"}', JSON.stringify({ sub: 'big', pad: 'x'.repeat(SAME_PASS_LIMIT) }))
    s.setInput(big)
    expect(s.getSnapshot().input).toBe(big)
    expect(shown(s.getSnapshot().view).analysis.input).toBe(legacy)
    // Typing on before it ran: only the last text is analysed, once.
    s.setInput(big + 'x')
    expect(env.pending('later')).toBe(1)
    // Then one step per task: the old view stays until the last step, and no step is left over.
    let tasks = 0
    while (env.pending('later') > 0) {
      expect(shown(s.getSnapshot().view).analysis.input).toBe(legacy)
      expect(env.pending('later')).toBe(1)
      env.run('later')
      tasks++
    }
    expect(tasks).toBeGreaterThan(3)
    expect(shown(s.getSnapshot().view).analysis.input).toBe(big + 'x')
    // A small text replaces a waiting large one at once, and the stale task does nothing.
    s.setInput(big)
    s.setInput(seed)
    expect(shown(s.getSnapshot().view).analysis.input).toBe(seed)
    expect(env.pending('later')).toBe(0)
  })

  it("adds the knowledge base's checks to a large text without decoding it again: the rows stay the same", async () => {
    const env = fakeEnv()
    const { modules } = fakeModules()
    const s = createSession(modules, env)
    const big = rawToken('{"alg":"none"}', JSON.stringify({ sub: 'big', pad: 'x'.repeat(SAME_PASS_LIMIT) }), '')
    s.setInput(big)
    const drain = () => {
      let tasks = 0
      for (; env.pending('later') > 0; tasks++) env.run('later')
      return tasks
    }
    drain()
    const before = shown(s.getSnapshot().view)
    expect(before.checks).toBe('pending')
    env.run('afterPaint')
    await until(() => modules.knowledge.getSnapshot().status === 'ready')
    // The checks run in steps of their own, and only they: fewer tasks than the first analysis.
    expect(drain()).toBeLessThanOrEqual(2)
    const after = shown(s.getSnapshot().view)
    expect(after.checks).toBe('ready')
    expect(after.analysis.payloadRows).toBe(before.analysis.payloadRows)
    expect(after.analysis.decoded).toBe(before.analysis.decoded)
    expect(after.analysis.diagnostics.map((d) => d.code)).toContain('ALG_NONE')
    // Its decoding note (UNSECURED_JWT) comes with the shape checks, again over the same rows.
    await until(() => modules.shapes.getSnapshot().status === 'ready')
    expect(drain()).toBeLessThanOrEqual(2)
    const noted = shown(s.getSnapshot().view)
    expect(noted.shapeChecks).toBe('ready')
    expect(noted.analysis.payloadRows).toBe(before.analysis.payloadRows)
    expect(noted.analysis.diagnostics.map((d) => d.code)).toContain('UNSECURED_JWT')
  })

  it('a pick belongs to the text it was made in', async () => {
    const { modules } = fakeModules()
    const s = createSession(modules, fakeEnv())
    const two = `Authorization: Bearer ${seed}\nAuthorization: Bearer ${legacy}`
    s.setInput(two)
    await flush()
    expect(shown(s.getSnapshot().view).analysis.extraction.candidates).toHaveLength(2)
    s.pick(1)
    expect(shown(s.getSnapshot().view).analysis.decoded.token).toBe(legacy)
    s.setInput(two + '\n')
    expect(shown(s.getSnapshot().view).analysis.decoded.token).toBe(seed)
  })

  it('turns a throw inside analyze() into a broken view instead of losing the page', async () => {
    const throwing: Knowledge = {
      ...createKnowledge(),
      checks: () => {
        throw new TypeError('boom')
      },
    }
    const env = fakeEnv()
    const { modules } = fakeModules({ knowledge: async () => throwing })
    const s = createSession(modules, env)
    s.setInput(seed)
    env.run('afterPaint')
    await flush()
    expect(s.getSnapshot().view).toEqual({ status: 'broken', message: 'boom' })
    s.setInput('')
    expect(s.getSnapshot().view.status).toBe('empty')
  })
})

describe('session: modules that arrive, fail or are slow', () => {
  it('loads the knowledge base only after the first view, then adds its checks', async () => {
    const env = fakeEnv()
    const knowledge = gate<Knowledge>()
    const { modules, calls } = fakeModules({ knowledge: () => knowledge.promise })
    const s = createSession(modules, env)
    const none = rawToken('{"alg":"none"}', '{"sub":"x"}', '')
    s.setInput(none)
    expect(shown(s.getSnapshot().view).checks).toBe('pending')
    expect(modules.knowledge.getSnapshot().status).toBe('idle')
    expect(s.getSnapshot().afterFirstView).toBe(false)
    env.run('afterPaint')
    expect(s.getSnapshot().afterFirstView).toBe(true)
    expect(modules.knowledge.getSnapshot().status).toBe('loading')
    await flush()
    expect(calls.knowledge).toBe(1)
    expect(shown(s.getSnapshot().view).checks).toBe('pending')
    knowledge.resolve(createKnowledge())
    await flush()
    const view = shown(s.getSnapshot().view)
    expect(view.checks).toBe('ready')
    // An unsecured token has a decoding note (UNSECURED_JWT), which comes with the shape checks.
    expect(view.shapeChecks).toBe('ready')
    const { decodingNotes, pageShapeChecks } = shapesCode
    expect(view.analysis.diagnostics.map((d) => d.code)).toEqual(
      analyze(none, { checks: createKnowledge().checks, shapeChecks: pageShapeChecks, decodingNotes }).diagnostics.map(
        (d) => d.code,
      ),
    )
    expect(view.analysis.diagnostics.map((d) => d.code)).toContain('ALG_NONE')
    expect(view.analysis.diagnostics.map((d) => d.code)).toContain('UNSECURED_JWT')
  })

  it.each([
    ['commonPack', 'registryPack', '{"sub":"x","email":"a@example.com"}'],
    ['registryPack', 'commonPack', '{"sub":"x","sip_callid":"12345"}'],
  ] as const)(
    'loads the %s only for a token with a name only it explains, never for the seed token',
    async (pack, other, payload) => {
      const env = fakeEnv()
      const { modules, calls } = fakeModules()
      const s = createSession(modules, env)
      s.setInput(seed)
      env.run('afterPaint')
      await flush()
      expect(shown(s.getSnapshot().view).checks).toBe('ready')
      expect(calls[pack] ?? 0).toBe(0)
      s.setInput(rawToken('{"alg":"none"}', payload, ''))
      await flush()
      expect(calls[pack]).toBe(1)
      if (other) expect(calls[other] ?? 0).toBe(0)
      expect(modules[pack].getSnapshot().status).toBe('ready')
    },
  )

  it('reports a common pack that cannot be loaded as a load failure, and keeps the token shown', async () => {
    const env = fakeEnv()
    const { modules, failures } = fakeModules({ commonPack: () => Promise.reject(new TypeError('chunk gone')) })
    const s = createSession(modules, env)
    s.setInput(rawToken('{"alg":"none","x5c":[]}', '{"sub":"x"}', ''))
    env.run('afterPaint')
    await flush()
    s.setInput(rawToken('{"alg":"none","x5c":[]}', '{"sub":"y"}', ''))
    await flush()
    expect(modules.commonPack.getSnapshot().status).toBe('failed')
    expect(failures.getSnapshot()).toEqual(['the explanations of OpenID and OAuth claims'])
    expect(shown(s.getSnapshot().view).checks).toBe('ready')
  })

  it('says the checks failed when the knowledge base cannot be loaded, and keeps the rows', async () => {
    const env = fakeEnv()
    const { modules, failures } = fakeModules({ knowledge: () => Promise.reject(new TypeError('chunk gone')) })
    const s = createSession(modules, env)
    s.setInput(seed)
    env.run('afterPaint')
    await flush()
    const view = shown(s.getSnapshot().view)
    expect(view.checks).toBe('failed')
    expect(view.analysis.payloadRows.length).toBeGreaterThan(5)
    expect(failures.getSnapshot()).toEqual([modules.knowledge.what])
  })

  it('releases the first-view gate on idle when no token is shown', async () => {
    const env = fakeEnv()
    const { modules, calls } = fakeModules()
    const s = createSession(modules, env)
    env.run('afterPaint')
    expect(s.getSnapshot().afterFirstView).toBe(false)
    env.run('whenIdle')
    expect(s.getSnapshot().afterFirstView).toBe(true)
    await flush()
    expect(calls.knowledge).toBe(1)
  })

  it('waits for the extractor, then shows what it found; says so when it cannot be loaded', async () => {
    const slow = gate<typeof extract>()
    const { modules, calls } = fakeModules({ extractor: () => slow.promise })
    const s = createSession(modules, fakeEnv())
    const json = JSON.stringify({ access_token: seed })
    s.setInput(json)
    expect(s.getSnapshot().view).toMatchObject({ status: 'searching', module: 'extractor', failed: false })
    s.setInput(json + ' ')
    await flush()
    expect(calls.extractor).toBe(1)
    slow.resolve(extract)
    await flush()
    expect(shown(s.getSnapshot().view).analysis.extraction.source).toBe('json-field')

    const broken = fakeModules({ extractor: () => Promise.reject(new TypeError('Failed to fetch')) })
    const t = createSession(broken.modules, fakeEnv())
    t.setInput(json)
    await flush()
    expect(t.getSnapshot().view).toMatchObject({ status: 'searching', module: 'extractor', failed: true })
  })

  it('holds the panels after the claims back until the rows are painted, and keeps them while the token is edited', () => {
    const env = fakeEnv()
    const { modules } = fakeModules()
    const s = createSession(modules, env)
    s.setInput(seed)
    expect(s.getSnapshot().following).toBe(false)
    env.run('afterPaint')
    expect(s.getSnapshot().following).toBe(true)
    s.setInput(legacy)
    expect(s.getSnapshot().following).toBe(true)
    s.setInput('')
    expect(s.getSnapshot().following).toBe(false)
    s.setInput(seed)
    expect(s.getSnapshot().following).toBe(false)
  })
})

describe('session: opened links', () => {
  it('decodes a #token= link in the very first snapshot', () => {
    const s = createSession(fakeModules().modules, fakeEnv(`#token=${seed}`))
    const snap = s.getSnapshot()
    expect(snap.input).toBe(seed)
    expect(snap.opened).toEqual({ type: 'token', text: seed, param: 'token' })
    expect(shown(snap.view).link).toBe(snap.opened)
    s.setInput(legacy)
    expect(shown(s.getSnapshot().view).link).toBeNull()
    expect(s.getSnapshot().opened).toEqual({ type: 'token', text: seed, param: 'token' })
  })

  it('opens a permalink: its notes are part of the analysis, for its own text only', async () => {
    const built = buildShareState(analyze(seed), { redact: { uids: true } })
    if (!built.ok) throw new Error('not shareable')
    const fragment = await encodePermalink(built.state)
    const env = fakeEnv(`#${fragment}`)
    const s = createSession(fakeModules().modules, env)
    expect(s.getSnapshot().view.status).toBe('empty')
    // Decoded in one task, shown in the next.
    await until(() => env.pending('later') > 0)
    expect(s.getSnapshot().view.status).toBe('empty')
    env.run('later')
    await until(() => s.getSnapshot().view.status === 'shown')
    const view = shown(s.getSnapshot().view)
    expect(s.getSnapshot().opened?.type).toBe('shared')
    expect(view.link).toBe(s.getSnapshot().opened)
    const redacted = view.analysis.diagnostics.filter((d) => d.code === 'SHARED_VALUE_REDACTED')
    expect(redacted.map((d) => d.pointer)).toEqual(built.state.redactions.map((r) => r.pointer))
    // The signature was left out: the view says so instead of reporting an empty signature.
    expect(view.analysis.diagnostics.map((d) => d.code)).toContain('SIGNATURE_REMOVED_FOR_SHARING')
    s.setInput(view.analysis.input + 'x')
    const edited = s.getSnapshot().view
    expect(edited.status === 'shown' && edited.link).toBe(null)
    expect(JSON.stringify(edited)).not.toContain('SHARED_VALUE_REDACTED')
  })

  it('reads a link that expands to megabytes in steps, each in a task of its own', async () => {
    const redactions = Array.from({ length: 100_000 }, (_, i) => ({ pointer: `/a${i % 7}`, category: 'uid' as const }))
    const state = { header: '{"alg":"RS256"}', payload: '{"a0":"[redacted uid]"}', redactions }
    const env = fakeEnv(`#${await encodePermalink(state)}`)
    const s = createSession(fakeModules().modules, env)
    let tasks = 0
    while (s.getSnapshot().view.status !== 'shown') {
      await until(() => env.pending('later') > 0)
      // One step at a time: the next is asked for only once this one has run.
      expect(env.pending('later')).toBe(1)
      env.run('later')
      tasks++
      await flush()
    }
    expect(tasks).toBeGreaterThan(3)
    const opened = s.getSnapshot().opened
    expect(opened?.type === 'shared' && opened.state.redactions).toEqual(redactions)
  })

  it('drops a slow permalink when another link was opened meanwhile', async () => {
    const permalink = gate<typeof permalinkCode>()
    const built = buildShareState(analyze(seed))
    if (!built.ok) throw new Error('not shareable')
    const fragment = await encodePermalink(built.state)
    const env = fakeEnv(`#${fragment}`)
    const s = createSession(fakeModules({ permalink: () => permalink.promise }).modules, env)
    env.setHash(`#token=${legacy}`)
    expect(s.getSnapshot().input).toBe(legacy)
    permalink.resolve(permalinkCode)
    await flush()
    await new Promise((resolve) => setTimeout(resolve, 50))
    env.run('later')
    await flush()
    expect(s.getSnapshot().input).toBe(legacy)
    expect(s.getSnapshot().opened).toMatchObject({ type: 'token', text: legacy })
  })

  it('reports a permalink whose code cannot be loaded, and one that is damaged', async () => {
    const s = createSession(
      fakeModules({ permalink: () => Promise.reject(new TypeError('gone')) }).modules,
      fakeEnv('#v1=z.AAAA'),
    )
    await flush()
    expect(s.getSnapshot().opened).toEqual({ type: 'failed', what: 'the share-link code' })
    const t = createSession(fakeModules().modules, fakeEnv('#v1=z.%%%'))
    await until(() => t.getSnapshot().opened !== null)
    expect(t.getSnapshot().opened?.type).toBe('error')
  })
})

describe('session: examples, settings and the clock', () => {
  it('shows the example picked last, even when an earlier pick arrives after it', async () => {
    const slow = gate<Readonly<Record<string, string>>>()
    const { modules, calls } = fakeModules({ examples: () => slow.promise })
    const s = createSession(modules, fakeEnv())
    const a = s.openExample('a')
    const b = s.openExample('b')
    slow.resolve({ a: seed, b: legacy })
    await Promise.all([a, b])
    expect(s.getSnapshot().input).toBe(legacy)
    expect(calls.examples).toBe(1)
    await s.openExample('nope')
    expect(s.getSnapshot().input).toBe(legacy)
  })

  it('keeps the time settings, and ticks the clock only while someone listens', () => {
    const env = fakeEnv()
    const s = createSession(fakeModules().modules, env)
    s.settings.setLeewaySeconds(60.7)
    expect(s.settings.getSnapshot()).toEqual({ zone: 'local', leewaySeconds: 60 })
    s.settings.setLeewaySeconds(Number.NaN)
    expect(s.settings.getSnapshot().leewaySeconds).toBe(0)
    s.settings.setTimeZone('UTC')
    expect(s.settings.getSnapshot().zone).toBe('UTC')
    expect(env.timers()).toBe(0)
    const start = s.clock.getSnapshot()
    const stop = s.clock.subscribe(() => undefined)
    expect(env.timers()).toBe(1)
    env.tick(1000)
    expect(s.clock.getSnapshot()).toBe(start + 1000)
    stop()
    expect(env.timers()).toBe(0)
  })

  it('stops listening to the page when disposed', () => {
    const env = fakeEnv()
    const s = createSession(fakeModules().modules, env)
    s.dispose()
    env.setHash(`#token=${seed}`)
    expect(s.getSnapshot().input).toBe('')
  })
})

describe('session: the checks of rarer token shapes, on demand', () => {
  const webhookToken = () => sign(webhookClaims({ spelling: 'kep' }))

  it('never loads them for the seed bound token, which has none of those shapes', async () => {
    const env = fakeEnv()
    const { modules, calls } = fakeModules()
    const s = createSession(modules, env)
    s.setInput(seed)
    env.run('afterPaint')
    await flush()
    const view = shown(s.getSnapshot().view)
    expect(view.checks).toBe('ready')
    expect(view.shapeChecks).toBe('none')
    expect(calls.shapes ?? 0).toBe(0)
  })

  it('loads them for a webhook-bound token: pending, then ready with their findings', async () => {
    const env = fakeEnv()
    const shapes = gate<typeof shapesCode>()
    const { modules, calls } = fakeModules({ shapes: () => shapes.promise })
    const s = createSession(modules, env)
    const token = await webhookToken()
    s.setInput(token)
    expect(shown(s.getSnapshot().view).shapeChecks).toBe('none')
    env.run('afterPaint')
    await flush()
    const waiting = shown(s.getSnapshot().view)
    expect(waiting.checks).toBe('ready')
    expect(waiting.shapeChecks).toBe('pending')
    expect(waiting.analysis.diagnostics.map((d) => d.code)).not.toContain('K8S_WEBHOOK_KEP_SPELLING')
    expect(calls.shapes).toBe(1)
    shapes.resolve(shapesCode)
    await flush()
    const view = shown(s.getSnapshot().view)
    expect(view.shapeChecks).toBe('ready')
    expect(view.analysis.diagnostics.map((d) => d.code)).toEqual(
      analyze(token, { checks: createKnowledge().checks, shapeChecks: shapesCode.shapeChecks }).diagnostics.map(
        (d) => d.code,
      ),
    )
    expect(view.analysis.diagnostics.map((d) => d.code)).toContain('K8S_WEBHOOK_KEP_SPELLING')
    // Loaded once, whatever comes next; and a token without such a shape is told so.
    s.setInput(seed)
    expect(shown(s.getSnapshot().view).shapeChecks).toBe('none')
    s.setInput(token)
    await flush()
    expect(calls.shapes).toBe(1)
  })

  it('says so when they cannot be loaded, and keeps the other checks', async () => {
    const env = fakeEnv()
    const { modules, failures } = fakeModules({ shapes: () => Promise.reject(new Error('chunk gone')) })
    const s = createSession(modules, env)
    const token = await webhookToken()
    s.setInput(token)
    env.run('afterPaint')
    await until(() => shown(s.getSnapshot().view).shapeChecks === 'failed')
    const view = shown(s.getSnapshot().view)
    expect(view.checks).toBe('ready')
    expect(view.analysis.diagnostics.map((d) => d.code)).toEqual(
      analyze(token, { checks: createKnowledge().checks }).diagnostics.map((d) => d.code),
    )
    expect(failures.getSnapshot()).toEqual([modules.shapes.what])
  })
})

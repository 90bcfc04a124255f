import { describe, expect, it } from 'vitest'
import { gate } from '../test/session.ts'
import { Latest, sameDeps } from './async.ts'
import { LoadFailure, LoadFailures, ModuleLoader } from './modules.ts'

describe('Latest: run a pure async function, drop stale results', () => {
  it('keeps only the result of the latest run, whatever order the results arrive in', async () => {
    const job = new Latest<string>()
    const slow = gate<string>()
    const fast = gate<string>()
    const first = job.run(['a'], () => slow.promise)
    expect(job.getSnapshot()).toEqual({ status: 'pending', deps: ['a'] })
    const second = job.run(['b'], () => fast.promise)
    fast.resolve('B')
    expect(await second).toEqual({ status: 'done', deps: ['b'], value: 'B' })
    expect(job.getSnapshot()).toEqual({ status: 'done', deps: ['b'], value: 'B' })
    slow.resolve('A')
    expect(await first).toBeNull()
    expect(job.getSnapshot()).toEqual({ status: 'done', deps: ['b'], value: 'B' })
  })

  it('does not run again for the same values, and runs again for equal-looking new objects', async () => {
    const job = new Latest<number>()
    let runs = 0
    const key = { k: 1 }
    await job.run([key, 'x'], async () => ++runs)
    expect(await job.run([key, 'x'], async () => ++runs)).toBeNull()
    expect(runs).toBe(1)
    await job.run([{ k: 1 }, 'x'], async () => ++runs)
    expect(runs).toBe(2)
  })

  it('turns a rejection or a throw into state, and drops a stale failure', async () => {
    const job = new Latest<number>()
    await job.run([1], () => Promise.reject(new Error('no')))
    expect(job.getSnapshot()).toMatchObject({ status: 'failed', deps: [1] })
    await job.run([2], () => {
      throw new Error('sync')
    })
    expect(job.getSnapshot()).toMatchObject({ status: 'failed', deps: [2] })
    const late = gate<number>()
    const stale = job.run([3], () => late.promise)
    job.reset()
    late.reject(new Error('late'))
    await stale
    expect(job.getSnapshot()).toEqual({ status: 'idle' })
  })

  it('compares dependency lists by value identity and length', () => {
    expect(sameDeps([1, 'a', NaN], [1, 'a', NaN])).toBe(true)
    expect(sameDeps([1], [1, undefined])).toBe(false)
    expect(sameDeps([{}], [{}])).toBe(false)
  })
})

describe('ModuleLoader: memoised, and a failure is state', () => {
  it('imports once however often it is asked, and announces each state', async () => {
    let imports = 0
    const loader = new ModuleLoader('the thing', async () => ({ n: ++imports }))
    const seen: string[] = []
    loader.subscribe(() => seen.push(loader.getSnapshot().status))
    expect(loader.getSnapshot()).toEqual({ status: 'idle' })
    const [a, b] = await Promise.all([loader.load(), loader.load()])
    expect(a).toBe(b)
    expect(a).toEqual({ status: 'ready', value: { n: 1 } })
    expect(await loader.get()).toEqual({ n: 1 })
    expect(imports).toBe(1)
    expect(seen).toEqual(['loading', 'ready'])
  })

  it('never rejects from load(); get() rejects with a LoadFailure naming the module; failures are listed once', async () => {
    const failures = new LoadFailures()
    const loader = new ModuleLoader('the timeline', () => Promise.reject(new TypeError('Failed to fetch')), failures)
    expect(await loader.load()).toMatchObject({ status: 'failed' })
    const error = await loader.get().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LoadFailure)
    expect((error as LoadFailure).what).toBe('the timeline')
    expect((error as LoadFailure).message).toBe('Could not load the timeline: Failed to fetch')
    await loader.load()
    expect(failures.getSnapshot()).toEqual(['the timeline'])
  })
})

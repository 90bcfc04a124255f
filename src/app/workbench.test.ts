import { describe, expect, it } from 'vitest'
import { fakeEnv, fakeModules } from '../test/session.ts'
import { addressFor } from './address.ts'
import { createSession } from './session.ts'
import { viewOfHash, Workbench, type WorkbenchEnv } from './workbench.ts'

/** A fake address whose hashchange fires when the test navigates. */
function env(initial = '') {
  let hash = initial
  const listeners = new Set<() => void>()
  const e: WorkbenchEnv & { navigate(h: string): void } = {
    hash: () => hash,
    onHashChange: (l) => {
      listeners.add(l)
      return () => void listeners.delete(l)
    },
    navigate: (h) => {
      hash = h
      for (const l of [...listeners]) l()
    },
  }
  return e
}

describe('viewOfHash', () => {
  it('opens Compare and Compose by their fragments, and Decode for everything else', () => {
    expect(viewOfHash('#compare')).toBe('compare')
    expect(viewOfHash('#compose')).toBe('compose')
    for (const hash of ['', '#', '#token=eyJ.eyJ.x', '#id_token=a', '#access_token=a&x=1', '#v1=abc', '#compare=1'])
      expect(viewOfHash(hash)).toBe('decode')
  })
})

describe('addressFor', () => {
  it('writes the open view into an address that names no token', () => {
    expect(addressFor('compare', '')).toBe('#compare')
    expect(addressFor('compose', '#compare')).toBe('#compose')
    expect(addressFor('decode', '#compose')).toBe('')
  })

  it('leaves an address alone when it already says so, or when it names a token or a permalink', () => {
    expect(addressFor('compare', '#compare')).toBeUndefined()
    expect(addressFor('decode', '')).toBeUndefined()
    expect(addressFor('decode', '#')).toBeUndefined()
    for (const hash of ['#token=abc', '#id_token=abc', '#v1=abc'])
      for (const view of ['decode', 'compare', 'compose'] as const) expect(addressFor(view, hash)).toBeUndefined()
  })
})

describe('Workbench', () => {
  it('starts in the view the address names', () => {
    expect(new Workbench(env('#compose')).getSnapshot().view).toBe('compose')
    expect(new Workbench(env('#token=abc')).getSnapshot().view).toBe('decode')
  })

  it('follows the address when it changes, and a #token= link opens Decode', () => {
    const e = env('')
    const w = new Workbench(e)
    e.navigate('#compare')
    expect(w.getSnapshot().view).toBe('compare')
    e.navigate('#token=eyJhbGciOiJub25lIn0.e30.')
    expect(w.getSnapshot().view).toBe('decode')
    w.stop()
    e.navigate('#compose')
    expect(w.getSnapshot().view).toBe('decode')
  })

  it('hands over what a view opens another with; the compare texts stay until changed', () => {
    const w = new Workbench(env())
    w.open('compare', { left: 'a' })
    w.open('compare', { right: 'b' })
    expect(w.getSnapshot()).toMatchObject({ view: 'compare', left: 'a', right: 'b' })
    const draft = { header: '{}', payload: '{}' }
    w.open('compose', { draft })
    expect(w.getSnapshot()).toMatchObject({ view: 'compose', left: 'a', right: 'b', draft })
    const key = { text: '{"keys":[]}' }
    w.open('decode', { key })
    expect(w.getSnapshot().key).toBe(key)
  })

  it('keeps its snapshot when the open view is opened again with nothing handed', () => {
    const w = new Workbench(env())
    let calls = 0
    w.subscribe(() => calls++)
    const before = w.getSnapshot()
    w.open('decode')
    expect(w.getSnapshot()).toBe(before)
    expect(calls).toBe(0)
    w.open('compare')
    expect(calls).toBe(1)
  })
})

describe('the session', () => {
  it('owns a workbench that reads the same address, and a #token= link still decodes at once', () => {
    const fake = fakeEnv('#compare')
    const session = createSession(fakeModules().modules, fake)
    expect(session.workbench.getSnapshot().view).toBe('compare')
    fake.setHash('#token=eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.')
    expect(session.workbench.getSnapshot().view).toBe('decode')
    expect(session.getSnapshot().view.status).toBe('shown')
    session.dispose()
    fake.setHash('#compose')
    expect(session.workbench.getSnapshot().view).toBe('decode')
  })
})

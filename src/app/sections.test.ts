import { describe, expect, it } from 'vitest'
import { OpenSections } from './sections.ts'
import { VerdictStore } from './verdict.ts'

describe('OpenSections', () => {
  it('gives the default until the user chooses, then the choice', () => {
    const s = new OpenSections()
    expect(s.isOpen('time')).toBe(false)
    expect(s.isOpen('findings', true)).toBe(true)
    s.setOpen('time', true)
    s.setOpen('findings', false)
    expect(s.isOpen('time')).toBe(true)
    expect(s.isOpen('findings', true)).toBe(false)
    expect(s.isOpen('kubernetes')).toBe(false)
  })

  it('tells its listeners of a change, and only of a change', () => {
    const s = new OpenSections()
    let calls = 0
    const off = s.subscribe(() => calls++)
    s.setOpen('time', true)
    s.setOpen('time', true)
    expect(calls).toBe(1)
    const before = s.getSnapshot()
    s.setOpen('time', true)
    expect(s.getSnapshot()).toBe(before)
    s.setOpen('time', false)
    expect(calls).toBe(2)
    off()
    s.setOpen('time', true)
    expect(calls).toBe(2)
  })

  it('keeps each section apart', () => {
    const s = new OpenSections()
    s.setOpen('a', true)
    s.setOpen('b', false)
    expect(s.getSnapshot()).toEqual({ a: true, b: false })
  })
})

describe('VerdictStore', () => {
  it('keeps the last verdict and ignores a repeat of it', () => {
    const v = new VerdictStore()
    expect(v.getSnapshot()).toBeNull()
    let calls = 0
    v.subscribe(() => calls++)
    v.publish({ token: 't', state: 'unverified', words: 'not verified' })
    v.publish({ token: 't', state: 'unverified', words: 'not verified' })
    expect(calls).toBe(1)
    v.publish({ token: 't', state: 'verified', words: 'verified with key 1' })
    expect(v.getSnapshot()).toEqual({ token: 't', state: 'verified', words: 'verified with key 1' })
    expect(calls).toBe(2)
  })
})

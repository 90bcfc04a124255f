import { describe, expect, it } from 'vitest'
import { isFilterShortcut, isTyping, pastedText } from './habits.ts'

const key = (k: string, target: { tagName: string; isContentEditable?: boolean }, mods = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target,
  ...mods,
})

describe('keyboard habits', () => {
  it('counts inputs, text areas, selects and editable elements as typing', () => {
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT']) expect(isTyping({ tagName })).toBe(true)
    expect(isTyping({ tagName: 'DIV', isContentEditable: true })).toBe(true)
    for (const tagName of ['BODY', 'BUTTON', 'SUMMARY', 'A']) expect(isTyping({ tagName })).toBe(false)
    expect(isTyping(null)).toBe(false)
  })

  it('takes / as the filter shortcut only outside inputs and without modifiers', () => {
    expect(isFilterShortcut(key('/', { tagName: 'BODY' }))).toBe(true)
    expect(isFilterShortcut(key('/', { tagName: 'BUTTON' }))).toBe(true)
    expect(isFilterShortcut(key('/', { tagName: 'TEXTAREA' }))).toBe(false)
    expect(isFilterShortcut(key('/', { tagName: 'INPUT' }))).toBe(false)
    expect(isFilterShortcut(key('/', { tagName: 'BODY' }, { ctrlKey: true }))).toBe(false)
    expect(isFilterShortcut(key('/', { tagName: 'BODY' }, { metaKey: true }))).toBe(false)
    expect(isFilterShortcut(key('?', { tagName: 'BODY' }))).toBe(false)
  })

  it('sends a paste outside any input to the token input, as pasted', () => {
    expect(pastedText({ tagName: 'BODY' }, ' eyJ.x.y\n')).toBe(' eyJ.x.y\n')
    expect(pastedText({ tagName: 'BUTTON' }, 'Bearer eyJ')).toBe('Bearer eyJ')
    expect(pastedText({ tagName: 'TEXTAREA' }, 'eyJ')).toBeNull()
    expect(pastedText({ tagName: 'INPUT' }, 'eyJ')).toBeNull()
    expect(pastedText({ tagName: 'BODY' }, '  ')).toBeNull()
    expect(pastedText({ tagName: 'BODY' }, undefined)).toBeNull()
  })
})

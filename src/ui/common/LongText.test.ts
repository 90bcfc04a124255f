import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { LongText } from './LongText.tsx'
import { CHUNK_CHARS, SHOWN_CHARS, shortLabel, textChunks } from './textCut.ts'

const render = (text: string) => renderToStaticMarkup(createElement(LongText, { text }))
const textOf = (html: string) =>
  html
    .replace(/<button[^>]*>.*?<\/button>/s, '')
    .replace(/<[^>]+>/g, '')
    .trimEnd()

describe('LongText', () => {
  it('renders a text of up to SHOWN_CHARS characters as it is', () => {
    const text = 'a'.repeat(SHOWN_CHARS)
    expect(render(text)).toBe(text)
  })

  it('lays out only the first SHOWN_CHARS of a longer text and keeps the rest in the DOM, hidden', () => {
    const text = `${'a'.repeat(SHOWN_CHARS)}${'b'.repeat(595_904)}`
    const html = render(text)
    expect(html.startsWith(`${'a'.repeat(SHOWN_CHARS)}<span hidden="">b`)).toBe(true)
    expect(html).toContain('show the other 595,904 characters')
    // Folded, not absent: the whole text is still there to read.
    expect(textOf(html)).toBe(text)
  })

  it('never cuts a surrogate pair in two', () => {
    const text = `${'a'.repeat(SHOWN_CHARS - 1)}😀${'b'.repeat(10)}`
    const html = render(text)
    expect(html.startsWith(`${'a'.repeat(SHOWN_CHARS - 1)}<span hidden="">😀`)).toBe(true)
    expect(textOf(html)).toBe(text)
  })
})

describe('shortLabel', () => {
  it('keeps a short text and names the length of a long one', () => {
    expect(shortLabel('exp')).toBe('exp')
    expect(shortLabel('k'.repeat(300_000))).toBe(`${'k'.repeat(64)}… (300,000 characters)`)
  })
})

describe('LongText shown whole', () => {
  it('keeps every character, in blocks of CHUNK_CHARS after the first SHOWN_CHARS', () => {
    const text = `${'a'.repeat(SHOWN_CHARS)}${'b'.repeat(CHUNK_CHARS * 2)}c`
    const chunks = textChunks(text, SHOWN_CHARS, CHUNK_CHARS)
    expect(chunks.map((c) => c.length)).toEqual([CHUNK_CHARS, CHUNK_CHARS, 1])
    expect('a'.repeat(SHOWN_CHARS) + chunks.join('')).toBe(text)
  })

  it('never splits a surrogate pair between two blocks', () => {
    const text = `${'a'.repeat(9)}😀${'b'.repeat(9)}`
    const chunks = textChunks(text, 0, 10)
    expect(chunks).toEqual([`${'a'.repeat(9)}`, `😀${'b'.repeat(8)}`, 'b'])
    expect(chunks.join('')).toBe(text)
  })
})

import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { claimRows, NO_EXPANSION, parseJson, ROW_LIMITS, windowRows, type RowItem } from '../../core/index.ts'
import { MoreRow } from './RowWindow.tsx'

type More = Extract<RowItem, { kind: 'more' }>

/** The "show more" lines of a payload's row window, before any expansion. */
function moreLines(text: string): More[] {
  const p = parseJson(text)
  const rows = claimRows({ text, value: p.value as never, impreciseNumbers: [], duplicates: [] })
  return windowRows(rows, NO_EXPANSION).filter((i): i is More => i.kind === 'more')
}

const sentence = (item: More) =>
  renderToStaticMarkup(createElement(MoreRow, { item, onMore: () => {} })).replace(/<[^>]+>/g, '')

const members = (n: number) => Array.from({ length: n }, (_, i) => `"m${i}":${i}`).join(',')

describe('MoreRow', () => {
  it('names the group whose members it stands for', () => {
    const [line] = moreLines(`{"g":{${members(ROW_LIMITS.step + 50)}}}`)
    expect(line && sentence(line)).toMatch(/^Showing \d+ of [\d,]+ members of g\. Show \d+ more$/)
  })

  it('names a very long group by a short label: its own row has the name in full', () => {
    const name = 'k'.repeat(300_000)
    const [line] = moreLines(`{"${name}":{${members(ROW_LIMITS.step + 50)}}}`)
    const text = line ? sentence(line) : ''
    expect(text).toContain(`members of ${'k'.repeat(64)}… (300,000 characters).`)
    expect(text.length).toBeLessThan(200)
  })
})

import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { ScalarList } from './ScalarList.tsx'

const render = (items: (string | number | boolean | null)[]) =>
  renderToStaticMarkup(createElement(ScalarList, { items }))
const count = (html: string, what: string) => html.split(what).length - 1

describe('ScalarList', () => {
  it('shows a short array in full, with no "show more"', () => {
    const html = render(['system:authenticated', 42, true, null])
    expect(count(html, '<li>')).toBe(4)
    expect(html).toContain('<code class="claim-value">system:authenticated</code>')
    expect(html).toContain('<code class="claim-value">null</code>')
    expect(html).not.toContain('claim-array-more')
  })

  it('renders only the first hundred values of a long array and says how many are left', () => {
    const groups = Array.from({ length: 13_824 }, (_, i) => `group-${i}`)
    const html = render(groups)
    expect(count(html, '<li>')).toBe(100)
    expect(html).toContain('group-99<')
    expect(html).not.toContain('group-100<')
    expect(html).toContain('data-hidden-count="13724"')
    expect(html).toContain('Showing 100 of 13,824 values.')
    expect(html).toContain('Show 1,000 more')
    // Never all at once: a click adds a bounded step.
    expect(html).not.toContain('Show all')
  })

  it('offers what is left when fewer than a step remain', () => {
    const html = render(Array.from({ length: 150 }, (_, i) => i))
    expect(count(html, '<li>')).toBe(100)
    expect(count(html, '</button>')).toBe(1)
    expect(html).toContain('Show 50 more')
  })

  it('renders claim values as text, never markup', () => {
    expect(render(['<img src=x onerror=alert(1)>'])).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })
})

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { VERDICT_REASONS } from './reasons.ts'

describe('the data-reason codes', () => {
  it('are documented in the README, each with its check and inputs, and nothing else is', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8')
    const section = readme.slice(readme.indexOf('### `data-reason` codes'))
    const rows = [...section.matchAll(/^\| `([A-Z_]+)` \| `([a-z_-]+)` \| (.*) \|$/gm)].map(
      ([, code, check, inputs]) => [code, check, inputs],
    )
    expect(rows).toEqual(
      Object.entries(VERDICT_REASONS).map(([code, info]) => [code, info.check, info.inputs.join('; ') || '—']),
    )
  })
})

import { describe, expect, it } from 'vitest'
import claimsRef from '../../test/reference/jwt-claims.json'
import algorithmsRef from '../../test/reference/jwt-algorithms.json'
import { KNOWLEDGE_DATA } from './data.generated.ts'
import { createKnowledge, withPackData } from './knowledge.ts'
import { PROVIDER_KNOWLEDGE_DATA } from './providers.generated.ts'
import { REGISTRY_PACK_DATA } from './registry.generated.ts'
import { COMMON_PACK_DATA } from './common.generated.ts'

// Registered meanings with the common and registry packs and every provider pack: everything the
// page can show.
const registered = withPackData(withPackData(KNOWLEDGE_DATA, COMMON_PACK_DATA), REGISTRY_PACK_DATA)
const kb = createKnowledge(withPackData(registered, PROVIDER_KNOWLEDGE_DATA))
const source = (s: string) => s.replace(/^provider:/, '')

/** The longest run of consecutive words two texts share, to catch copied reference wording. */
function longestSharedRun(a: string, b: string): number {
  const words = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9 ]/g, ' ')
      .split(/\s+/)
      .filter(Boolean)
  const x = words(a)
  const y = words(b)
  let best = 0
  for (let i = 0; i < x.length; i++)
    for (let j = 0; j < y.length; j++) {
      let k = 0
      while (x[i + k] !== undefined && x[i + k] === y[j + k]) k++
      best = Math.max(best, k)
    }
  return best
}

describe('the knowledge base covers every reference entry', () => {
  const cases = [
    ...claimsRef.map((e) => ({ ref: e, list: e.kind === 'claim' ? kb.claims : kb.headers })),
    ...algorithmsRef.map((e) => ({ ref: e, list: kb.algorithms })),
  ]
  it('has as many entries as the references', () => {
    expect(kb.claims.length + kb.headers.length).toBe(claimsRef.length)
    expect(kb.algorithms.length).toBe(algorithmsRef.length)
  })

  it.each(cases.map((c) => [`${'kind' in c.ref ? c.ref.kind : 'alg'} ${c.ref.source} ${c.ref.name}`, c] as const))(
    '%s',
    (_, { ref, list }) => {
      const e = list.find((x) => x.name === ref.name && x.source === source(ref.source))
      expect(e).toBeDefined()
      expect(e?.title).toBe(ref.title)
      expect(e?.url).toBe(ref.url)
      expect(e?.text.length).toBeGreaterThan(10)
      expect(e?.processing.length).toBeGreaterThan(10)
      // Our own words: never the reference paraphrase, nor a long stretch of it.
      expect(longestSharedRun(e?.text ?? '', ref.description)).toBeLessThan(8)
      const refProcessing = 'processing' in ref ? ref.processing : 'warning' in ref ? ref.warning : ''
      expect(longestSharedRun(e?.processing ?? '', refProcessing ?? '')).toBeLessThan(8)
    },
  )
})

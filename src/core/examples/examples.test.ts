import { describe, expect, it } from 'vitest'
import { analyze } from '../analysis/analyze.ts'
import { EXAMPLES, loadExampleToken } from './examples.ts'

const EXPECTED_KIND: Record<string, string> = {
  'seed-bound-pod': 'k8s-bound-pod',
  'seed-legacy': 'k8s-legacy',
  'seed-legacy-explicit': 'k8s-legacy',
  jwe: 'jwe',
  unsecured: 'jwt',
}

describe('examples menu', () => {
  it('every entry loads a token of the kind its label promises', async () => {
    expect(EXAMPLES.map((e) => e.id)).toEqual(Object.keys(EXPECTED_KIND))
    for (const ex of EXAMPLES) {
      const token = await loadExampleToken(ex.id)
      expect(token, ex.id).toBeTypeOf('string')
      expect(analyze(token as string).kind, ex.id).toBe(EXPECTED_KIND[ex.id])
    }
  })

  it('an unknown id loads nothing', async () => {
    expect(await loadExampleToken('nope')).toBeUndefined()
  })
})

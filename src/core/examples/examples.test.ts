import { describe, expect, it } from 'vitest'
import { analyze } from '../analysis/analyze.ts'
import { EXAMPLES } from './examples.ts'
import { EXAMPLE_TOKENS } from './exampleTokens.ts'

const EXPECTED_KIND: Record<string, string> = {
  'seed-bound-pod': 'k8s-bound-pod',
  'seed-legacy': 'k8s-legacy',
  'seed-legacy-explicit': 'k8s-legacy',
  jwe: 'jwe',
  unsecured: 'jwt',
}

describe('examples menu', () => {
  it('every entry has a token of the kind its label promises', () => {
    expect(EXAMPLES.map((e) => e.id)).toEqual(Object.keys(EXPECTED_KIND))
    expect(Object.keys(EXAMPLE_TOKENS)).toEqual(Object.keys(EXPECTED_KIND))
    for (const ex of EXAMPLES) {
      const token = EXAMPLE_TOKENS[ex.id]
      expect(token, ex.id).toBeTypeOf('string')
      expect(analyze(token as string).kind, ex.id).toBe(EXPECTED_KIND[ex.id])
    }
  })
})

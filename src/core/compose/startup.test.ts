import { describe, expect, it } from 'vitest'
import * as compare from '../compare/index.ts'
import * as core from '../index.ts'
import * as compose from './index.ts'

describe('the start-up API', () => {
  it('exports none of the Compose and Compare code, which the views load lazily', () => {
    const startup = new Set(Object.keys(core))
    expect(Object.keys(compose).filter((name) => startup.has(name))).toEqual([])
    expect(Object.keys(compare).filter((name) => startup.has(name))).toEqual([])
    expect(Object.keys(compose)).toContain('signDraft')
    expect(Object.keys(compare)).toContain('compareTokens')
  })
})

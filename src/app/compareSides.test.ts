import { describe, expect, it } from 'vitest'
import { fixture } from '../test/tokens.ts'
import { fakeModules, flush } from '../test/session.ts'
import { analyzeSide } from './compareSides.ts'

const seed = fixture('seed-bound-pod-v1.24').token
const legacy = fixture('seed-legacy-v1.20').token

describe('analyzeSide', () => {
  it('reads a bare token at once, without loading anything', () => {
    const { modules, calls } = fakeModules()
    const side = analyzeSide(seed, modules)
    expect(side.waiting).toBeUndefined()
    expect(side.analysis.kind).toBe('k8s-bound-pod')
    expect(calls).toEqual({})
  })

  it('names the extractor a paste needs, and finds the token once it has arrived', async () => {
    const { modules } = fakeModules()
    const paste = `curl -H 'Authorization: Bearer ${legacy}' https://example.test/`
    const before = analyzeSide(paste, modules)
    expect(before.waiting).toEqual({ module: 'extractor', failed: false })
    await modules.extractor.load()
    const after = analyzeSide(paste, modules)
    expect(after.waiting).toBeUndefined()
    expect(after.analysis.decoded.token).toBe(legacy)
    expect(after.analysis.extraction.source).toBe('authorization-header')
  })

  it('says so when the code a paste needs could not be loaded', async () => {
    const { modules } = fakeModules({ extractor: () => Promise.reject(new Error('gone')) })
    const paste = `Authorization: Bearer ${seed}`
    await modules.extractor.load()
    await flush()
    expect(analyzeSide(paste, modules).waiting).toEqual({ module: 'extractor', failed: true })
  })
})

import { describe, expect, it } from 'vitest'
import { createKnowledge } from '../knowledge/index.ts'
import { fixture, rawToken } from '../../test/tokens.ts'
import { analyze, baseSteps, finishSteps, runSteps, type Steps } from './analyze.ts'

/** Runs `steps` and counts the breaks between them. */
function counted<T>(steps: Steps<T>): { value: T; breaks: number } {
  let breaks = 0
  for (;;) {
    const r = steps.next()
    if (r.done) return { value: r.value, breaks }
    breaks++
  }
}

describe('analyze in steps (what the session runs one per task for a large text)', () => {
  const token = fixture('seed-bound-pod-v1.24').token
  const { checks } = createKnowledge()

  it('gives what analyze() gives, with breaks between extraction, decoding, classification and rows', () => {
    const base = counted(baseSteps(token))
    // After the extraction, the payload's base64url, its UTF-8, the rest of decoding, the classification.
    expect(base.breaks).toBe(5)
    const whole = counted(finishSteps(base.value, { checks }))
    expect(whole.breaks).toBe(1)
    expect(whole.value).toEqual(analyze(token, { checks }))
  })

  it('finishes the same base again when the checks arrive: same rows, new diagnostics', () => {
    // A bidi control in a claim: the knowledge base's checks warn of it.
    const spoofed = rawToken('{"alg":"RS256"}', '{"sub":"ad\u202enimda"}')
    const base = runSteps(baseSteps(spoofed))
    const before = runSteps(finishSteps(base))
    const after = runSteps(finishSteps(base, { checks }))
    expect(after.payloadRows).toBe(before.payloadRows)
    expect(after.decoded).toBe(before.decoded)
    expect(after.diagnostics.length).toBeGreaterThan(before.diagnostics.length)
    expect(after).toEqual(analyze(spoofed, { checks }))
  })
})

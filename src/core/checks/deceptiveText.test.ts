import { describe, expect, it } from 'vitest'
import { analyze as analyzeOnly } from '../analysis/analyze.ts'
import { deceptiveTextDiagnostics } from './deceptiveText.ts'
import { tokenChecks } from './tokenChecks.ts'
import { placedAt } from '../../test/placed.ts'

// With the lazily loaded checks, as the page runs once they have arrived.
const analyze = (token: string) => analyzeOnly(token, { checks: tokenChecks })

const b64 = (s: string) => Buffer.from(s).toString('base64url')
const token = (header: object, payload: string) => `${b64(JSON.stringify(header))}.${b64(payload)}.c2ln`

describe('deceptive text in claims and header parameters', () => {
  it('flags a bidi control in sub, on the sub row, and says the claim forms the identity', () => {
    const a = analyze(token({ alg: 'HS256' }, '{"sub":"admin\\u202egnp.exe","iss":"https://issuer.example"}'))
    const d = a.diagnostics.filter((x) => x.code.startsWith('DISPLAY_'))
    expect(d).toHaveLength(1)
    expect(d[0]).toMatchObject({
      code: 'DISPLAY_BIDI_CONTROL',
      severity: 'warning',
      pointer: '/sub',
      location: 'payload',
    })
    expect(d[0]?.message).toContain('U+202E (right-to-left override)')
    expect(d[0]?.message).toContain('This claim names who the token is for or from.')
    expect(placedAt(a.placement.payload, a.payloadRows, '/sub')).toContain(d[0])
  })

  it('flags member names, array elements, nested Kubernetes names and header parameters, one per class', () => {
    const payload = JSON.stringify({
      'gr\u200boups': ['a', 'b\u00a0c'],
      aud: ['api', 'v\u0430ult'],
      'kubernetes.io': { namespace: 'default', pod: { name: 'web\u0000' } },
    })
    const a = analyze(token({ alg: 'HS256', kid: 'k\u2066' }, payload))
    const got = a.diagnostics.filter((x) => x.code.startsWith('DISPLAY_')).map((x) => [x.location, x.pointer, x.code])
    expect(got).toEqual([
      ['header', '/kid', 'DISPLAY_BIDI_CONTROL'],
      ['payload', '/gr\u200boups', 'DISPLAY_INVISIBLE_CHARACTER'],
      ['payload', '/gr\u200boups/1', 'DISPLAY_CONFUSABLE_CHARACTER'],
      ['payload', '/aud/1', 'DISPLAY_CONFUSABLE_CHARACTER'],
      ['payload', '/kubernetes.io/pod/name', 'DISPLAY_CONTROL_CHARACTER'],
    ])
    // Every one is shown on a row, never lost in the general list.
    for (const d of a.diagnostics.filter((x) => x.code.startsWith('DISPLAY_')))
      expect(a.placement.general).not.toContain(d)
  })

  it('names the member with markers, so the message itself cannot be reordered', () => {
    const [d] = deceptiveTextDiagnostics({ 'a\u202eb': 1 }, 'payload')
    expect(d?.message.startsWith('The member name a⟨U+202E⟩b contains a bidirectional control')).toBe(true)
    expect(d?.message).not.toContain('\u202e')
  })

  it('stays quiet on ordinary text in any script', () => {
    const v = { name: 'Zoë Ελλάδα Україна 日本語 עברית', emoji: 'I ❤️ 👨‍👩‍👧', note: 'wait… ™' }
    expect(deceptiveTextDiagnostics(v, 'payload')).toEqual([])
  })
})

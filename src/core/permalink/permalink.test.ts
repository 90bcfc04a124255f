import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyze } from '../analysis/analyze.ts'
import { fixture, rawToken } from '../../test/tokens.ts'
import frozen from './fixtures.v1.json'
import {
  buildShareState,
  decodePermalink,
  encodePermalink,
  REDACTION_CATEGORIES,
  sharedTokenText,
  type Redaction,
  type RedactionCategory,
  type ShareState,
} from './index.ts'

const seed = fixture('seed-bound-pod-v1.24').token

async function roundTrip(state: ShareState) {
  return decodePermalink(await encodePermalink(state))
}

describe('permalink format', () => {
  it('round-trips any header, payload, redaction list and token (property)', async () => {
    const redaction = fc.record(
      {
        pointer: fc.string(),
        category: fc.constantFrom(...(Object.keys(REDACTION_CATEGORIES) as RedactionCategory[])),
        location: fc.constant('header' as const),
      },
      { requiredKeys: ['pointer', 'category'] },
    )
    const state = fc.record(
      {
        header: fc.string({ unit: 'grapheme' }),
        payload: fc.string({ unit: 'binary' }),
        redactions: fc.array(redaction, { maxLength: 4 }),
        kind: fc.string(),
        source: fc.string(),
      },
      { requiredKeys: ['header', 'payload', 'redactions'] },
    )
    await fc.assert(
      fc.asyncProperty(state, async (s) => {
        const back = await roundTrip(s)
        expect(back.diagnostics).toEqual([])
        expect(back.state).toEqual(s)
      }),
      { numRuns: 150 },
    )
  })

  it('round-trips a full token only when one is given, and then without header or payload copies', async () => {
    const back = await roundTrip({ header: '', payload: '', redactions: [], token: seed })
    expect(back.state?.token).toBe(seed)
  })

  it('uses only URL-fragment-safe characters and compresses when that is shorter', async () => {
    const built = buildShareState(analyze(seed))
    if (!built.ok) throw new Error('share refused')
    const link = await encodePermalink(built.state)
    expect(link).toMatch(/^v1=z\.[A-Za-z0-9_-]+$/)
    expect(link.length).toBeLessThan(seed.length)
    // Short, high-entropy data does not shrink under deflate, so it is sent as plain JSON.
    expect(await encodePermalink({ header: 'q9Zx', payload: 'Wv7K', redactions: [] })).toMatch(/^v1=j\./)
  })
})

describe('sharing a token', () => {
  it('leaves the signature out by default, and the rebuilt token has an empty signature', async () => {
    const built = buildShareState(analyze(seed))
    if (!built.ok) throw new Error('share refused')
    const signature = seed.split('.')[2] as string
    const link = await encodePermalink(built.state)
    expect(built.state.token).toBeUndefined()
    expect(JSON.stringify(built.state)).not.toContain(signature)
    const back = await decodePermalink(link)
    const rebuilt = sharedTokenText(back.state as ShareState)
    expect(rebuilt).toBe(`${seed.split('.')[0]}.${seed.split('.')[1]}.`)
  })

  it('shows the opened link exactly like the original: same kind, rows and values', async () => {
    for (const name of [
      'seed-bound-pod-v1.24',
      'seed-legacy-v1.20',
      'oidc-core-a2-id-token',
      'rfc7519-6.1-unsecured',
    ]) {
      const original = analyze(fixture(name).token)
      const built = buildShareState(original)
      if (!built.ok) throw new Error(`share refused for ${name}`)
      const back = await decodePermalink(await encodePermalink(built.state))
      const shared = analyze(sharedTokenText(back.state as ShareState), { signatureRemoved: true })
      expect(shared.kind, name).toBe(original.kind)
      expect(shared.payloadRows, name).toEqual(original.payloadRows)
      expect(shared.headerRows, name).toEqual(original.headerRows)
    }
  })

  it('replaces SIGNATURE_EMPTY by SIGNATURE_REMOVED_FOR_SHARING in the shared view only', () => {
    const stripped = `${seed.split('.').slice(0, 2).join('.')}.`
    expect(analyze(stripped).diagnostics.map((d) => d.code)).toContain('SIGNATURE_EMPTY')
    const codes = analyze(stripped, { signatureRemoved: true }).diagnostics.map((d) => d.code)
    expect(codes).toContain('SIGNATURE_REMOVED_FOR_SHARING')
    expect(codes).not.toContain('SIGNATURE_EMPTY')
  })

  it('includes the full token only when switched on', () => {
    const built = buildShareState(analyze(`Bearer ${seed}`), { includeToken: true })
    expect(built.ok && built.state.token).toBe(seed)
    expect(built.ok && built.state.source).toBe('bearer')
  })

  it('carries the redactions of a shared view into a link made from it', async () => {
    const first = buildShareState(analyze(seed), { redact: { uids: true } })
    if (!first.ok) throw new Error('share refused')
    const view = analyze(sharedTokenText(first.state), { signatureRemoved: true })
    const second = buildShareState(view, {
      redact: { jti: true, claims: ['/nbf'] },
      inheritedRedactions: first.state.redactions,
    })
    expect(second.ok && second.state.redactions.map((r) => r.pointer)).toEqual([
      '/kubernetes.io/pod/uid',
      '/kubernetes.io/serviceaccount/uid',
      '/nbf',
    ])
  })

  it('keeps each inherited redaction record once, however often the link listed it', () => {
    const view = analyze(rawToken('{"alg":"RS256","kid":"k"}', '{"sub":"x","uid":"u1","a":"[redacted]"}', 'c2ln'))
    const inherited = Array.from({ length: 3000 }, (_, i): Redaction => {
      if (i % 3 === 0) return { pointer: '/uid', category: 'uid' }
      if (i % 3 === 1) return { pointer: '/a', category: 'claim' }
      return { pointer: '/a', category: 'claim', location: 'header' }
    })
    const built = buildShareState(view, { inheritedRedactions: inherited })
    expect(built.ok && built.state.redactions).toEqual([
      { pointer: '/uid', category: 'uid' },
      { pointer: '/a', category: 'claim' },
      { pointer: '/a', category: 'claim', location: 'header' },
    ])
    // Refreshed by the sharer, a place is listed with its fresh record only.
    const again = buildShareState(view, { redact: { uids: true }, inheritedRedactions: inherited })
    expect(again.ok && again.state.redactions.filter((r) => r.pointer === '/uid')).toHaveLength(1)
  })

  it('with nothing chosen to hide, shares the texts as they are and the sharer’s redactions', () => {
    const payload = `{"sub":"x","uid":"u1",${'"a":0,'.repeat(1000)}"a":1}`
    const view = analyze(rawToken('{"alg":"RS256","kid":"k"}', payload, 'c2ln'))
    const inherited = [{ pointer: '/uid', category: 'uid' as const }]
    for (const redact of [{}, { uids: false, claims: [] }]) {
      const built = buildShareState(view, { redact, inheritedRedactions: inherited })
      expect(built.ok && built.state).toMatchObject({
        header: '{"alg":"RS256","kid":"k"}',
        payload,
        redactions: inherited,
      })
    }
    // The same switch on hides the value: the empty choice is not mistaken for one.
    const hidden = buildShareState(view, { redact: { uids: true } })
    expect(hidden.ok && hidden.state.payload).toContain('"uid":"[redacted uid]"')
  })

  it('refuses encrypted tokens with a reason', () => {
    const built = buildShareState(analyze(fixture('rfc7516-a1-jwe').token))
    expect(built.ok ? '' : built.diagnostic.code).toBe('SHARE_ENCRYPTED')
  })
})

describe('old links', () => {
  it('opens the frozen compressed v1 link of the seed pod token with its redactions', async () => {
    const { state, diagnostics } = await decodePermalink(`#${frozen.compressedBoundPod}`)
    expect(diagnostics).toEqual([])
    expect(state?.kind).toBe('jwt')
    expect(state?.redactions).toEqual([
      { pointer: '/kubernetes.io/pod/uid', category: 'uid' },
      { pointer: '/kubernetes.io/serviceaccount/uid', category: 'uid' },
    ])
    const view = analyze(sharedTokenText(state as ShareState), { signatureRemoved: true })
    const claim = (p: string) => view.payloadRows.find((r) => r.pointer === p)?.value
    expect(claim('/kubernetes.io/pod/uid')).toBe('[redacted uid]')
    expect(claim('/kubernetes.io/pod/name')).toBe('busybox')
    expect(claim('/exp')).toBe(1692445741)
  })

  it('opens the frozen uncompressed v1 link', async () => {
    const { state } = await decodePermalink(frozen.plainUnsecured)
    expect(state).toEqual({
      header: '{"alg":"none"}',
      payload: '{"sub":"frozen","exp":1700000000}',
      kind: 'jwt',
      source: 'raw',
      redactions: [],
    })
  })
})

describe('a link that expands to megabytes', () => {
  // 120,000 redactions: about 1.6 MB of JSON, read in steps (a crafted link can list 300,000).
  const redactions = Array.from({ length: 120_000 }, (_, i) =>
    i % 5 === 0
      ? { pointer: `/x${i}`, category: 'name' as const, location: 'header' as const }
      : { pointer: `/a${i % 3}`, category: 'uid' as const },
  )
  const state: ShareState = { header: '{"alg":"RS256"}', payload: '{"a0":"[redacted uid]"}', redactions }
  const wire = JSON.stringify({
    h: state.header,
    p: state.payload,
    r: redactions.map((r) => (r.location ? [r.pointer, r.category, 'h'] : [r.pointer, r.category])),
  })
  const plain = (text: string) => `v1=j.${Buffer.from(text).toString('base64url')}`
  const counted = () => {
    let pauses = 0
    return { pause: () => ((pauses += 1), Promise.resolve()), pauses: () => pauses }
  }

  it('is read in steps, with a pause between them, to the same state', async () => {
    const steps = counted()
    const back = await decodePermalink(await encodePermalink(state), { pause: steps.pause })
    expect(back.diagnostics).toEqual([])
    expect(back.state).toEqual(state)
    // The JSON in pieces of bounded work, then the redactions 25,000 at a time.
    expect(steps.pauses()).toBeGreaterThan(5)
    // A small link is read at once.
    const small = counted()
    await decodePermalink(await encodePermalink({ ...state, redactions: redactions.slice(0, 100) }), small)
    expect(small.pauses()).toBe(0)
  })

  it('still says cut short, damaged or malformed, in steps', async () => {
    const code = async (fragment: string) => (await decodePermalink(fragment)).diagnostics.map((d) => d.code)
    expect(await code(plain(wire.slice(0, -1)))).toEqual(['PERMALINK_TRUNCATED'])
    expect(await code(plain(wire.slice(0, wire.length / 2)))).toEqual(['PERMALINK_TRUNCATED'])
    expect(await code(plain(wire.replace('["/a1","uid"]', '["/a1" "uid"]')))).toEqual(['PERMALINK_CORRUPT'])
    expect(await code(plain(wire.replace('["/a1","uid"]', '["/a1","uid"],')))).toEqual(['PERMALINK_CORRUPT'])
    expect(await code(plain(`${wire} x`))).toEqual(['PERMALINK_CORRUPT'])
    expect(await code(plain(wire.replace('["/a1","uid"]', '["/a1","bogus"]')))).toEqual(['PERMALINK_INVALID'])
    expect(await code(plain(`[${wire}]`))).toEqual(['PERMALINK_INVALID'])
  })
})

describe('damaged links give a diagnostic, never an exception', () => {
  const code = async (fragment: string) => (await decodePermalink(fragment)).diagnostics.map((d) => d.code)

  it('names each failure', async () => {
    const link = frozen.compressedBoundPod
    expect(await code(link.slice(0, 60))).toEqual(['PERMALINK_TRUNCATED'])
    expect(await code('v1=z.')).toEqual(['PERMALINK_TRUNCATED'])
    expect(await code(frozen.plainUnsecured.slice(0, -6))).toEqual(['PERMALINK_TRUNCATED'])
    expect(await code(`${link.slice(0, 40)}!!${link.slice(42)}`)).toEqual(['PERMALINK_CORRUPT'])
    expect(await code('v1=x.abc')).toEqual(['PERMALINK_CORRUPT'])
    expect(await code('v2=z.abc')).toEqual(['PERMALINK_VERSION_UNSUPPORTED'])
    expect(await code('token=abc')).toEqual(['PERMALINK_NOT_A_LINK'])
    expect(await code(`v1=j.${Buffer.from('{"h":1}').toString('base64url')}`)).toEqual(['PERMALINK_INVALID'])
    expect(await code(`v1=j.${Buffer.from('{"h":"{}","p":"{}","r":[["/a","bogus"]]}').toString('base64url')}`)).toEqual(
      ['PERMALINK_INVALID'],
    )
  })

  it('never throws on arbitrary input after the version (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.constantFrom('v1=z.', 'v1=j.', 'v1=', ''), async (s, prefix) => {
        const r = await decodePermalink(prefix + s)
        expect(r.state !== undefined || r.diagnostics.length === 1).toBe(true)
      }),
      { numRuns: 200 },
    )
  })

  it('cuts the link anywhere and still reports, never crashes', async () => {
    const link = frozen.compressedBoundPod
    for (let i = 0; i < link.length; i += 7) {
      const r = await decodePermalink(link.slice(0, i))
      if (!r.state) expect(r.diagnostics[0]?.code).toMatch(/^PERMALINK_/)
    }
  })
})

export { rawToken }

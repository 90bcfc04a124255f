import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { JsonObject, JsonValue } from '../encoding/json.ts'
import { boundClaims, legacyClaims, NOW } from '../../test/k8sTokens.ts'
import { rawToken } from '../../test/tokens.ts'
import { compareTokens, rowPointer, type Change, type Comparison } from './index.ts'

const dnsLabel = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,10}[a-z0-9])?$/)
const ref = fc.record({ name: dnsLabel, uid: fc.uuid() })

/** Kubernetes service account tokens of every kind, with varied names, audiences and lifetimes. */
const kubernetesPayload = fc.oneof(
  fc
    .record({
      ns: dnsLabel,
      sa: dnsLabel,
      pod: fc.option(ref, { nil: undefined }),
      node: fc.option(ref, { nil: undefined }),
      aud: fc.array(fc.constantFrom('https://kubernetes.default.svc.cluster.local', 'vault', 'sts.amazonaws.com'), {
        minLength: 1,
        maxLength: 3,
      }),
      lifetime: fc.integer({ min: 600, max: 31536000 }),
      jti: fc.option(fc.uuid(), { nil: undefined }),
    })
    .map((o) => boundClaims(o) as JsonObject),
  fc.record({ ns: dnsLabel, sa: dnsLabel }).map((o) => legacyClaims(o) as JsonObject),
)

/** Other tokens with an issuer, a subject, audiences, scopes and an expiry. */
const issuerPayload = fc
  .record({
    iss: fc.constantFrom('https://a.example', 'https://b.example'),
    sub: fc.constantFrom('alice', 'bob'),
    aud: fc.oneof(fc.constant('x'), fc.array(fc.constantFrom('x', 'y', 'z'), { maxLength: 3 })),
    scope: fc.constantFrom('read', 'read write', 'write  read', ''),
    exp: fc.integer({ min: NOW - 1000, max: NOW + 1000 }),
  })
  .map((o) => o as JsonObject)

/** Any JSON object as a payload, with some Kubernetes and set claims mixed in. */
const anyPayload = fc.oneof(
  fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }) as fc.Arbitrary<JsonObject>,
  kubernetesPayload,
  issuerPayload,
)
const anyHeader = fc.record({
  alg: fc.constantFrom('RS256', 'ES256', 'none'),
  kid: fc.option(fc.constantFrom('', 'k1', 'k2'), { nil: undefined }),
})

const token = (header: object, payload: JsonValue) => rawToken(JSON.stringify(header), JSON.stringify(payload))

const MIRROR: Record<Change, Change> = { added: 'removed', removed: 'added', changed: 'changed', same: 'same' }
const rowMap = (c: Comparison) => new Map(c.rows.map((r) => [`${r.location} ${rowPointer(r)}`, r]))

describe('compareTokens, for any pair', () => {
  it('finds a Kubernetes token the same as itself, with a same-identity note and nothing else', () => {
    fc.assert(
      fc.property(kubernetesPayload, anyHeader, fc.integer({ min: 0, max: 120 }), (payload, header, leeway) => {
        const t = token(header, payload)
        const c = compareTokens(t, t, { now: NOW, leeway })
        expect(c.rows.length).toBeGreaterThan(0)
        expect(c.rows.filter((r) => r.change !== 'same')).toEqual([])
        expect(c.notes.map((n) => n.id)).toEqual(['same-identity'])
      }),
    )
  })

  it('finds every token the same as itself', () => {
    fc.assert(
      fc.property(anyHeader, anyPayload, (header, payload) => {
        const t = token(header, payload)
        const c = compareTokens(t, t, { now: NOW })
        expect(c.rows.every((r) => r.change === 'same')).toBe(true)
        expect(c.notes.every((n) => n.id === 'same-identity')).toBe(true)
      }),
    )
  })

  it('mirrors added and removed, gained and lost, when the sides swap', () => {
    fc.assert(
      fc.property(anyHeader, anyPayload, anyHeader, anyPayload, (h1, p1, h2, p2) => {
        const a = token(h1, p1)
        const b = token(h2, p2)
        const ab = compareTokens(a, b, { now: NOW })
        const ba = compareTokens(b, a, { now: NOW })
        const there = rowMap(ba)
        expect([...rowMap(ab).keys()].sort()).toEqual([...there.keys()].sort())
        for (const [key, r] of rowMap(ab)) {
          const m = there.get(key)!
          expect(m.change).toBe(MIRROR[r.change])
          expect([m.left, m.right]).toEqual([r.right, r.left])
          if (r.set)
            expect([m.set?.gained, m.set?.lost, m.set?.kept.length]).toEqual([
              r.set.lost,
              r.set.gained,
              r.set.kept.length,
            ])
        }
        expect(ab.notes.map((n) => n.id)).toEqual(ba.notes.map((n) => n.id))
      }),
    )
  })

  it('says what each difference means in one sentence', () => {
    // Quoted token values are the token's, not the note's: they are left out of the count.
    const sentences = (text: string) => text.replace(/"[^"]*"/g, '""').split(/(?<=[.!?])\s+(?=[A-Z])/)
    const readable = fc.oneof(kubernetesPayload, issuerPayload)
    fc.assert(
      fc.property(anyHeader, kubernetesPayload, anyHeader, readable, (h1, p1, h2, p2) => {
        for (const n of compareTokens(token(h1, p1), token(h2, p2), { now: NOW }).notes) {
          expect(n.sentence).toMatch(/^[A-Z].*\.$/s)
          expect(sentences(n.sentence)).toHaveLength(1)
        }
      }),
    )
  })

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const c = compareTokens(a, b, { now: NOW })
        expect(Array.isArray(c.notes)).toBe(true)
      }),
    )
  })
})

import { describe, expect, it } from 'vitest'
import { analyze } from '../analysis/analyze.ts'
import { extractToken } from '../extract/index.ts'
import { boundClaims, KIND_ISSUER, legacyClaims, NOW, sign } from '../../test/k8sTokens.ts'
import { fixture, rawToken } from '../../test/tokens.ts'
import { compareTokens, rowPointer, type CompareNote, type Comparison, type DiffRow, type NoteId } from './index.ts'

const LEGACY = fixture('seed-legacy-v1.20').token
const BOUND = fixture('seed-bound-pod-v1.24').token

const noteIds = (c: Comparison) => c.notes.map((n) => n.id)
function note<I extends NoteId>(c: Comparison, id: I): Extract<CompareNote, { id: I }> {
  const n = c.notes.find((x) => x.id === id)
  if (!n) throw new Error(`no ${id} note; notes: ${noteIds(c).join(', ')}`)
  return n as Extract<CompareNote, { id: I }>
}
function row(c: Comparison, location: DiffRow['location'], pointer: string): DiffRow {
  const r = c.rows.find((x) => x.location === location && rowPointer(x) === pointer)
  if (!r) throw new Error(`no ${location} row ${pointer}`)
  return r
}
const header = (h: Record<string, unknown>) => JSON.stringify({ alg: 'RS256', ...h })

describe('compareTokens: the legacy and the bound seed tokens', () => {
  // 2025-12-29: the legacy token never expires, the bound one expired in August 2023.
  const c = compareTokens(LEGACY, BOUND, { now: NOW })

  it('lists the notes a reader needs, in the stable order', () => {
    expect(noteIds(c)).toEqual([
      'kind-changed',
      'same-identity',
      'issuer-changed',
      'audience-changed',
      'key-changed',
      'binding-changed',
      'lifetime-changed',
      'validity-differs',
    ])
    expect(c.diagnostics).toEqual([])
  })

  it('says legacy → bound pod, and what that means', () => {
    const n = note(c, 'kind-changed')
    expect([n.from, n.to]).toEqual(['k8s-legacy', 'k8s-bound-pod'])
    expect(n.sentence).toBe(
      'The left is a legacy Secret-based service account token, the right a bound service account token tied to a pod: it expires and is refused once the object it is bound to is gone, so the client must re-read it as it is rotated instead of keeping one copy forever.',
    )
  })

  it('gains the API server audience where the legacy token had none', () => {
    const n = note(c, 'audience-changed')
    expect(n.gained).toEqual(['https://kubernetes.default.svc.cluster.local'])
    expect(n.lost).toEqual([])
    const aud = row(c, 'payload', '/aud')
    expect(aud.change).toBe('added')
    expect(aud.set).toEqual({
      gained: ['https://kubernetes.default.svc.cluster.local'],
      lost: [],
      kept: [],
      shapeChanged: false,
    })
  })

  it('goes from never expiring to one auto-extended year', () => {
    const n = note(c, 'lifetime-changed')
    expect(n.from).toEqual({ expires: false, extended: false })
    expect(n.to).toEqual({ expires: true, extended: true, seconds: 31536000, warnAfterSeconds: 3607 })
    expect(n.sentence).toBe(
      'The left token never expires, the right one lives 1 year (auto-extended; stale after 1 h 0 min 7 s): a client that switches must renew the token before it expires.',
    )
  })

  it('keeps the username the API server derives', () => {
    const n = note(c, 'same-identity')
    expect(n.identity).toMatchObject({ kind: 'kubernetes', username: 'system:serviceaccount:default:default' })
  })

  it('sees another signing key, and the Secret binding replaced by a pod', () => {
    expect(note(c, 'key-changed').to).toEqual({ alg: 'RS256', kid: 'wMU4GOsuqPnFjPar7NaZZTEmNlc2I_W75faEDbLB7dI' })
    expect(note(c, 'binding-changed').changes).toEqual([
      {
        object: 'serviceaccount',
        change: 'recreated',
        from: { name: 'default', uid: '71904c2e-569b-4a0b-9716-b3430f430f23' },
        to: { name: 'default', uid: '8208ff56-0a67-47bb-8175-a198423dacf8' },
      },
      { object: 'pod', change: 'added', to: { name: 'busybox', uid: 'd822ba5f-4290-4bca-94ce-f3bc0dca2e36' } },
      { object: 'secret', change: 'removed', from: { name: 'default-token-57llx' } },
    ])
  })

  it('tells that only the legacy token is accepted now', () => {
    const n = note(c, 'validity-differs')
    expect([n.from, n.to, n.leeway]).toEqual(['no-expiry', 'expired', 0])
  })

  it('diffs the claims by JSON Pointer, nested members included', () => {
    const byChange = (change: string) =>
      c.rows.filter((r) => r.location === 'payload' && r.change === change).map(rowPointer)
    expect(byChange('removed')).toEqual([
      '/kubernetes.io~1serviceaccount~1namespace',
      '/kubernetes.io~1serviceaccount~1secret.name',
      '/kubernetes.io~1serviceaccount~1service-account.name',
      '/kubernetes.io~1serviceaccount~1service-account.uid',
    ])
    expect(byChange('added')).toContain('/kubernetes.io/pod/name')
    expect(byChange('same')).toEqual(['/sub'])
    expect(byChange('changed')).toEqual(['/iss'])
    expect(row(c, 'header', '/alg').change).toBe('same')
    expect(row(c, 'header', '/kid').change).toBe('changed')
    const pod = row(c, 'payload', '/kubernetes.io/pod')
    expect([pod.isGroup, pod.depth]).toEqual([true, 1])
  })

  it('shows NumericDates as the number and as the instant', () => {
    expect(row(c, 'payload', '/exp').right).toEqual({
      value: 1692445741,
      date: { seconds: 1692445741, iso: '2023-08-19T11:49:01Z' },
    })
    expect(row(c, 'payload', '/kubernetes.io/warnafter').right?.date?.iso).toBe('2022-08-19T12:49:08Z')
  })
})

describe('compareTokens: pairs signed for the test', () => {
  const pod = { name: 'web-0', uid: 'aaaaaaaa-0000-0000-0000-000000000001' }

  it('sees a recreated pod: same name, new uid', async () => {
    const a = await sign(boundClaims({ pod }))
    const b = await sign(boundClaims({ pod: { ...pod, uid: 'aaaaaaaa-0000-0000-0000-000000000002' } }))
    const c = compareTokens(a, b, { now: NOW })
    expect(noteIds(c)).toEqual(['same-identity', 'binding-changed'])
    const n = note(c, 'binding-changed')
    expect(n.changes).toEqual([
      { object: 'pod', change: 'recreated', from: pod, to: { ...pod, uid: 'aaaaaaaa-0000-0000-0000-000000000002' } },
    ])
    expect(n.severity).toBe('warning')
    expect(n.sentence).toBe(
      'Pod "web-0" has a new uid, so it was recreated (or this is another cluster): the API server accepts each token only while the objects it names exist with the same uid, so a token of the old object is refused even though the name is the same.',
    )
    expect(row(c, 'payload', '/kubernetes.io/pod/uid').change).toBe('changed')
    expect(row(c, 'payload', '/kubernetes.io/pod/name').change).toBe('same')
    expect(row(c, 'payload', '/kubernetes.io/pod').change).toBe('changed')
  })

  it('sees another pod and another node', async () => {
    const node = { name: 'node-a', uid: 'bbbbbbbb-0000-0000-0000-000000000001' }
    const a = await sign(boundClaims({ pod, node }))
    const b = await sign(boundClaims({ pod: { name: 'web-1', uid: 'x' }, node: { name: 'node-b', uid: 'y' } }))
    const changes = note(compareTokens(a, b, { now: NOW }), 'binding-changed').changes
    expect(changes.map((c) => [c.object, c.change])).toEqual([
      ['pod', 'replaced'],
      ['node', 'replaced'],
    ])
  })

  it('names the usernames when the service account differs', async () => {
    const c = compareTokens(await sign(boundClaims({ sa: 'builder' })), await sign(boundClaims({ sa: 'deployer' })), {
      now: NOW,
    })
    const n = note(c, 'identity-changed')
    expect(n.sentence).toBe(
      'The API server would see system:serviceaccount:default:deployer instead of system:serviceaccount:default:builder: a client that switches gets the right account’s RBAC permissions, not the left one’s.',
    )
    expect(noteIds(c)).not.toContain('same-identity')
  })

  it('reads aud as a set: a string and a one-element array are the same audience', async () => {
    const a = await sign({ ...boundClaims(), aud: KIND_ISSUER })
    const b = await sign(boundClaims())
    const c = compareTokens(a, b, { now: NOW })
    expect(noteIds(c)).toEqual(['same-identity'])
    expect(row(c, 'payload', '/aud')).toMatchObject({
      change: 'same',
      set: { gained: [], lost: [], kept: [KIND_ISSUER], shapeChanged: true },
    })
  })

  it('says which audiences are lost and gained', async () => {
    const a = await sign(boundClaims({ aud: ['vault', KIND_ISSUER] }))
    const b = await sign(boundClaims({ aud: [KIND_ISSUER, 'sts.amazonaws.com'] }))
    const n = note(compareTokens(a, b, { now: NOW }), 'audience-changed')
    expect([n.lost, n.gained]).toEqual([['vault'], ['sts.amazonaws.com']])
    expect(n.sentence).toBe(
      'The right token is meant for "sts.amazonaws.com" instead of "vault": a verifier that expects "vault" rejects it.',
    )
  })

  it('reads a scope string as a set of space-separated scopes', () => {
    const c = compareTokens(
      rawToken(header({}), '{"sub":"a","scope":"read write admin"}'),
      rawToken(header({}), '{"sub":"a","scope":["write","read","deploy"]}'),
      { now: NOW },
    )
    expect(row(c, 'payload', '/scope').set).toEqual({
      gained: ['deploy'],
      lost: ['admin'],
      kept: ['read', 'write'],
      shapeChanged: true,
    })
    expect(row(c, 'payload', '/scope').change).toBe('changed')
  })

  it('diffs nested group lists as sets, and other arrays as values', () => {
    const c = compareTokens(
      rawToken(header({}), '{"realm_access":{"roles":["a","b"]},"x5":["a","b"]}'),
      rawToken(header({}), '{"realm_access":{"roles":["b","a"]},"x5":["b","a"]}'),
      { now: NOW },
    )
    expect(row(c, 'payload', '/realm_access/roles').change).toBe('same')
    expect(row(c, 'payload', '/realm_access').change).toBe('same')
    expect(row(c, 'payload', '/x5').change).toBe('changed')
  })

  it('tells a rotation (another kid) and another algorithm', async () => {
    const a = await sign(boundClaims(), { kid: 'old' })
    const b = await sign(boundClaims(), { kid: 'new' }, 'ES384')
    const n = note(compareTokens(a, b, { now: NOW }), 'key-changed')
    expect([n.from, n.to]).toEqual([
      { alg: 'ES256', kid: 'old' },
      { alg: 'ES384', kid: 'new' },
    ])
    expect(n.sentence).toBe(
      'The right token is signed with another key (kid "old" → "new"): a key rotation or another signer, so a verifier needs that key’s public half (for a cluster, in its current /openid/v1/jwks); and uses ES384 instead of ES256, which a verifier must allow and hold a key of that type for.',
    )
  })

  it('counts an empty kid as none, as the API server does', () => {
    const c = compareTokens(rawToken(header({ kid: '' }), '{"sub":"a"}'), rawToken(header({}), '{"sub":"a"}'), {
      now: NOW,
    })
    expect(noteIds(c)).not.toContain('key-changed')
    expect(row(c, 'header', '/kid').change).toBe('removed')
  })

  it('tells a shorter lifetime, with the shift of exp', async () => {
    const c = compareTokens(await sign(boundClaims({ lifetime: 7200 })), await sign(boundClaims()), { now: NOW })
    expect(note(c, 'lifetime-changed').sentence).toBe(
      'The left token lives 2 h, the right one lives 1 h: a client that switches must refresh the token sooner.',
    )
    expect(row(c, 'payload', '/exp').shift).toEqual({ seconds: -3600, words: '1 h' })
  })

  it('compares validity at the given now, with the leeway', async () => {
    const a = await sign(boundClaims({ lifetime: 600 }))
    const b = await sign(boundClaims({ lifetime: 3600 }))
    expect(noteIds(compareTokens(a, b, { now: NOW + 300 }))).not.toContain('validity-differs')
    const later = compareTokens(a, b, { now: NOW + 630 })
    expect(note(later, 'validity-differs')).toMatchObject({ from: 'expired', to: 'valid', severity: 'info' })
    // Within Kubernetes' 60 s leeway the short token is still accepted.
    expect(noteIds(compareTokens(a, b, { now: NOW + 630, leeway: 60 }))).not.toContain('validity-differs')
  })

  it('tells another provider only when both sides name one', async () => {
    const eks = 'https://oidc.eks.eu-west-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF'
    const gke = 'https://container.googleapis.com/v1/projects/p/locations/europe-west1/clusters/c'
    const c = compareTokens(await sign(boundClaims({ iss: eks })), await sign(boundClaims({ iss: gke })), { now: NOW })
    expect(note(c, 'provider-changed')).toMatchObject({
      from: { id: 'eks', recognised: true },
      to: { id: 'gke', label: 'Google Kubernetes Engine' },
    })
    // The legacy issuer names no provider: going from it to kubeadm is not a provider change.
    expect(noteIds(compareTokens(LEGACY, BOUND, { now: NOW }))).not.toContain('provider-changed')
  })

  it('reads a Kubernetes token and a plain JWT as different identities and kinds', async () => {
    const c = compareTokens(BOUND, fixture('oidc-core-a2-id-token').token, { now: NOW })
    expect(note(c, 'kind-changed').to).toBe('jwt')
    expect(note(c, 'identity-changed').to).toEqual({
      kind: 'subject',
      sub: '248289761001',
      iss: 'https://server.example.com',
    })
  })

  it('takes sub together with iss as the identity of other tokens', () => {
    const a = rawToken(header({}), '{"iss":"https://a.example","sub":"alice"}')
    const b = rawToken(header({}), '{"iss":"https://b.example","sub":"alice"}')
    expect(noteIds(compareTokens(a, a, { now: NOW }))).toEqual(['same-identity'])
    expect(noteIds(compareTokens(a, b, { now: NOW }))).toEqual(['identity-changed', 'issuer-changed'])
  })

  it('compares large integers by their digits, not as rounded numbers', () => {
    const c = compareTokens(
      rawToken(header({}), '{"id":12345678901234567890}'),
      rawToken(header({}), '{"id":12345678901234567891}'),
      { now: NOW },
    )
    const id = row(c, 'payload', '/id')
    expect(id.change).toBe('changed')
    expect([id.left?.raw, id.right?.raw]).toEqual(['12345678901234567890', '12345678901234567891'])
  })

  it('escapes member names in pointers', () => {
    const c = compareTokens(rawToken(header({}), '{"a/b":1,"m~n":2}'), rawToken(header({}), '{"a/b":2}'), {
      now: NOW,
    })
    expect(c.rows.filter((r) => r.location === 'payload').map((r) => [rowPointer(r), r.change])).toEqual([
      ['/a~1b', 'changed'],
      ['/m~0n', 'removed'],
    ])
  })

  it('compares a legacy token and its explicit-Secret sibling as two accounts', () => {
    const c = compareTokens(LEGACY, fixture('seed-legacy-explicit-secret-v1.24').token, { now: NOW })
    expect(noteIds(c)).toEqual(['identity-changed', 'key-changed', 'binding-changed'])
    expect(legacyClaims().iss).toBe('kubernetes/serviceaccount')
  })
})

describe('compareTokens: sides that cannot be fully read', () => {
  it('waits for an empty side, with nothing compared', () => {
    const c = compareTokens('', BOUND, { now: NOW })
    expect(c.rows).toEqual([])
    expect(c.notes).toEqual([])
    expect(c.diagnostics).toEqual([
      { code: 'COMPARE_SIDE_EMPTY', severity: 'info', message: 'Paste a token on the left to compare it.' },
    ])
  })

  it('compares only the headers against a JWE', () => {
    const c = compareTokens(BOUND, fixture('rfc7516-a1-jwe').token, { now: NOW })
    expect(c.rows.every((r) => r.location === 'header')).toBe(true)
    expect(row(c, 'header', '/enc').change).toBe('added')
    expect(noteIds(c)).toEqual(['kind-changed', 'key-changed'])
    expect(c.diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'COMPARE_SIDE_UNREADABLE',
        'The right side has no JSON claims to read (it is encrypted): only the headers are compared.',
      ],
    ])
  })

  it('says so when a side is not a token at all', () => {
    const c = compareTokens('hello', BOUND, { now: NOW })
    expect(c.left.status).toBe('unreadable')
    expect(c.rows).toEqual([])
    expect(c.diagnostics[0]?.code).toBe('COMPARE_SIDE_UNREADABLE')
    expect(noteIds(c)).toEqual(['kind-changed'])
  })

  it('reads text in which no token is found as unreadable, not as empty', () => {
    const c = compareTokens(LEGACY, 'not a token at all', { now: NOW, analyze: { extract: extractToken } })
    expect(c.right.status).toBe('unreadable')
    expect(c.diagnostics.map((d) => d.code)).toEqual(['COMPARE_SIDE_UNREADABLE'])
    expect(c.right.analysis.diagnostics.map((d) => d.code)).toContain('NO_TOKEN_FOUND')
  })

  it('takes what the main input takes: text for the extractor, or an analysis', () => {
    const fromAnalysis = compareTokens(analyze(LEGACY), analyze(BOUND), { now: NOW })
    const bearer = compareTokens(`Bearer ${LEGACY}`, BOUND, { now: NOW })
    // A whole header line needs the full extractor, which the page loads lazily and passes on.
    const header = `Authorization: Bearer ${LEGACY}`
    const withExtractor = compareTokens(header, BOUND, { now: NOW, analyze: { extract: extractToken } })
    for (const c of [bearer, withExtractor]) {
      expect(c.notes).toEqual(fromAnalysis.notes)
      expect(c.rows).toEqual(fromAnalysis.rows)
    }
    expect(withExtractor.left.analysis.extraction.source).toBe('authorization-header')
    expect(compareTokens(header, BOUND, { now: NOW }).left.analysis.extraction.pending).toBe('extractor')
  })
})

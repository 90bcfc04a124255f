import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allFixtures } from '../../test/tokens.ts'
import { DPOP_PROOF_FIG13, EKS_VALID_URL, eksToken, WHOAMI_TABLE } from '../../test/upstreamFixtures.ts'
import { parseYamlDocuments } from '../../test/yaml.ts'
import { extractSimple, extractToken } from './index.ts'

const tokens = allFixtures.map((f) => f.token)
// Pieces of the formats extraction understands, so that random text often looks almost right.
const fragments = fc.constantFrom(
  'Bearer ',
  'Authorization: ',
  'curl -H "',
  '"',
  "'",
  '\n',
  '  ',
  'kind: Secret\n',
  'kind: List\nitems:\n- ',
  'kind: Config\n',
  'users:\n- name: a\n  user:\n    token: ',
  'data:\n  token: ',
  'stringData: {token: ',
  '{"access_token": "',
  '{"kind":"TokenRequest","status":{"token":"',
  '?id_token=',
  '#access_token=',
  '%',
  '---\n',
  ': ',
  '- ',
  '}',
  ']',
  '[',
  '{',
  ...tokens.slice(0, 4),
  Buffer.from(tokens[0] as string).toString('base64'),
  // The Kubernetes pastes and bearer tokens of issue 16.
  'sha256~',
  'A'.repeat(43),
  'abcdef.0123456789abcdef',
  eksToken(EKS_VALID_URL('20261201T120000Z')),
  'k8s-aws-v1.',
  '{"kind":"SelfSubjectReview","status":{"userInfo":{"username":"',
  'kind: TokenReview\nspec:\n  token: ',
  '{"csi.storage.k8s.io/serviceAccount.tokens":"',
  '{"":{"token":"',
  '","expirationTimestamp":"2026-01-01T00:00:00Z"}}',
  'kind: CredentialProviderRequest\nserviceAccountToken: ',
  WHOAMI_TABLE,
  '&assertion=',
  'id_token_hint=',
  'TOKEN=',
  'DPoP: ',
  'GET / HTTP/1.1\nHost: a\n',
  DPOP_PROOF_FIG13,
)
const pasteLike = fc
  .array(fc.oneof(fragments, fc.string({ maxLength: 12 })), { maxLength: 12 })
  .map((parts) => parts.join(''))

function checkInvariants(input: string, pick: number, withYaml: boolean) {
  const e = extractToken(input, withYaml ? { parseYaml: parseYamlDocuments, pick } : { pick })
  expect(typeof e.token).toBe('string')
  expect(e.selected).toBeGreaterThanOrEqual(0)
  if (e.candidates.length > 0) expect(e.candidates[e.selected]?.token).toBe(e.token)
  // A span always points at the very token text inside the input.
  if (e.span) expect(input.slice(e.span.start, e.span.end)).toBe(e.token)
  // The full extractor never asks for itself, and asks for YAML only when it has no parser.
  if (withYaml) expect(e.pending).toBeUndefined()
  else expect([undefined, 'yaml']).toContain(e.pending)
  // Whatever the start-up extractor settles on, the full one settles on the same.
  const simple = extractSimple(input)
  if (!simple.pending) expect(e).toEqual(simple)
}

describe('extraction never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.integer({ min: -2, max: 5 }),
        fc.boolean(),
        (s, pick, y) => checkInvariants(s, pick, y),
      ),
      { numRuns: 1000 },
    )
  }, 30_000)

  it('on pastes built from the formats it understands', () => {
    fc.assert(
      fc.property(pasteLike, fc.integer({ min: -2, max: 5 }), fc.boolean(), (s, pick, y) =>
        checkInvariants(s, pick, y),
      ),
      { numRuns: 1000 },
    )
  }, 30_000)
})

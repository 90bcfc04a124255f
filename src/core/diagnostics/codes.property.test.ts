import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyze, type AnalyzeOptions } from '../analysis/analyze.ts'
import { shapeChecks } from '../checks/shapes.ts'
import { tokenChecks } from '../checks/tokenChecks.ts'
import { extractToken } from '../extract/extractToken.ts'
import { readKubernetesClaims } from '../k8s/claims.ts'
import { kubernetesRisks } from '../k8s/risks.ts'
import { NOW } from '../../test/k8sTokens.ts'
import { allFixtures as fixtures } from '../../test/tokens.ts'
import { parseYamlDocuments } from '../../test/yaml.ts'
import { REGISTRY } from './registry.ts'
import type { Diagnostic } from './diagnostic.ts'

// Whatever the input, every diagnostic the pipeline emits carries its registry severity (and a
// registered code): the property that one constructor is meant to guarantee.
const FULL: AnalyzeOptions = { extract: extractToken, parseYaml: parseYamlDocuments, checks: tokenChecks, shapeChecks }
const allFixtures = fixtures.map((f) => f.token)
// Before, during and long after the test tokens' lifetimes.
const NOW_FIXTURES = [0, NOW, NOW + 7200, NOW + 400 * 86400]
const b64u = (v: unknown) => Buffer.from(JSON.stringify(v) ?? 'null').toString('base64url')

function expectRegistered(diagnostics: readonly Diagnostic[]) {
  for (const d of diagnostics) {
    expect(Object.hasOwn(REGISTRY, d.code), d.code).toBe(true)
    expect(d.severity, d.code).toBe(REGISTRY[d.code].severity)
  }
}

// Values that trip the header, claim, time and Kubernetes checks often enough to matter.
const value = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    'none',
    'HS256',
    'RS256',
    'RSA1_5',
    'at+jwt',
    'JWT',
    '',
    ' x ',
    'a,b',
    'https://Example.com',
    'system:serviceaccount:a:b',
    'kubernetes/serviceaccount',
    -1,
    1e15,
    1_700_000_000_000,
    12_345,
  ),
)
const headerArb = fc.dictionary(
  fc.constantFrom('alg', 'typ', 'cty', 'kid', 'crit', 'b64', 'zip', 'p2c', 'jwk', 'jku', 'x5u', 'x5c', 'enc'),
  value,
)
const k8sArb = fc.record(
  {
    namespace: value,
    serviceaccount: fc.record({ name: value, uid: value }, { requiredKeys: [] }),
    pod: fc.record({ name: value, uid: value }, { requiredKeys: [] }),
    secret: fc.record({ name: value, uid: value }, { requiredKeys: [] }),
    node: fc.record({ name: value, uid: value }, { requiredKeys: [] }),
    warnafter: value,
    widget: fc.record({ name: value }),
  },
  { requiredKeys: [] },
)
const payloadArb = fc.record(
  {
    iss: value,
    sub: value,
    aud: value,
    exp: value,
    nbf: value,
    iat: value,
    scope: value,
    cnf: value,
    act: value,
    at_hash: value,
    email_verified: value,
    'kubernetes.io': k8sArb,
    'kubernetes.io/serviceaccount/namespace': value,
    'kubernetes.io/serviceaccount/service-account.name': value,
  },
  { requiredKeys: [] },
)

describe('every emitted diagnostic has its registry severity', () => {
  it('for tokens built from fuzzed headers and claims, with the checks and the banner', () => {
    fc.assert(
      fc.property(headerArb, payloadArb, fc.constantFrom('', 'c2ln', 'A'.repeat(43)), (h, p, sig) => {
        const a = analyze(`${b64u(h)}.${b64u(p)}.${sig}`, FULL)
        expectRegistered(a.diagnostics)
        const payload = a.decoded.payload.kind === 'claims' ? a.decoded.payload.json.value : null
        const claims = payload && readKubernetesClaims(payload)
        if (payload && claims) {
          for (const now of NOW_FIXTURES) {
            const facts = { claims, payload, header: a.decoded.header?.value, diagnostics: a.diagnostics }
            expectRegistered(kubernetesRisks(facts, now, 60))
          }
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('for arbitrary pastes and edited fixture tokens, through the full extractor', () => {
    const paste = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc
        .tuple(fc.constantFrom(...allFixtures), fc.nat(), fc.string({ maxLength: 3 }))
        .map(([t, at, ins]) => t.slice(0, at % t.length) + ins + t.slice(at % t.length)),
      fc.constantFrom(...allFixtures).map((t) => `kind: Secret\ndata:\n  token: ${t}\n`),
      fc.constantFrom(...allFixtures).map((t) => JSON.stringify({ access_token: t, id_token: 'opaque value' })),
    )
    fc.assert(
      fc.property(paste, (text) => expectRegistered(analyze(text, FULL).diagnostics)),
      { numRuns: 1000 },
    )
  })
})

import { describe, expect, it } from 'vitest'
import type { ClaimInfo } from '../analysis/claimInfo.ts'
import {
  COMMON_PACK_CLAIMS,
  COMMON_PACK_HEADERS,
  KNOWLEDGE_DATA,
  REGISTERED_ALGORITHMS,
  REGISTRY_PACK_CLAIMS,
} from './data.generated.ts'
import { createKnowledge, pointerTokens, withPackData, type ExplainContext } from './knowledge.ts'
import { PROVIDER_KNOWLEDGE_DATA } from './providers.generated.ts'
import { REGISTRY_PACK_DATA } from './registry.generated.ts'
import { COMMON_PACK_DATA } from './common.generated.ts'

// Registered meanings with the common pack and every provider pack, as the page has them for a
// token from that provider that carries a name of the common pack.
const commonData = withPackData(KNOWLEDGE_DATA, COMMON_PACK_DATA)
const kb = createKnowledge(withPackData(commonData, PROVIDER_KNOWLEDGE_DATA))
const none: ExplainContext = { providers: [] }
const entra: ExplainContext = { providers: ['entra'] }
const titles = (infos: ClaimInfo[]) => infos.map((i) => `${i.origin}:${i.title}`)

describe('claim lookup', () => {
  it('explains a registered claim with title, own words, spec link, value type and processing', () => {
    const [exp, ...rest] = kb.explainClaim('/exp', none)
    expect(rest).toEqual([])
    expect(exp).toMatchObject({
      title: 'Expiration Time',
      origin: 'registered',
      valueType: 'NumericDate',
      spec: { label: 'RFC 7519 §4.1.4', url: 'https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4' },
    })
    expect(exp?.description).toMatch(/no longer be accepted/)
    expect(exp?.processing).toMatch(/at or past exp/)
  })

  it('labels an unknown name as a private claim', () => {
    expect(titles(kb.explainClaim('/favourite_colour', none))).toEqual(['private:Unregistered name'])
  })

  it('labels URL and URN names as collision-resistant', () => {
    expect(titles(kb.explainClaim('/https:~1~1example.com~1roles', none))).toEqual([
      "collision-resistant:Public name in its owner's namespace",
    ])
    expect(kb.explainClaim('/urn:example:claim', none)[0]?.origin).toBe('collision-resistant')
    expect(kb.explainClaim('/kubernetes.io~1serviceaccount~1namespace', none)[0]?.origin).toBe('collision-resistant')
    expect(kb.explainClaim('/kubernetes.io', none)[0]?.origin).toBe('collision-resistant')
    expect(kb.explainClaim('/given_name', none)[0]?.origin).toBe('registered')
    // cognito:groups has a colon but is no URI.
    expect(kb.explainClaim('/cognito:groups', none)[0]?.origin).toBe('private')
  })

  it('adds the provider meaning only when the issuer is that provider', () => {
    expect(titles(kb.explainClaim('/tid', none))).toEqual(['private:Unregistered name'])
    const tid = kb.explainClaim('/tid', entra)
    expect(tid).toHaveLength(1)
    expect(tid[0]).toMatchObject({ title: 'Tenant ID', origin: 'provider', provider: 'Microsoft Entra ID' })
    expect(titles(kb.explainClaim('/roles', entra))).toEqual(['registered:Roles', 'provider:App roles (Entra)'])
    expect(titles(kb.explainClaim('/roles', { providers: ['keycloak'] }))).toEqual(['registered:Roles'])
    expect(titles(kb.explainClaim('/acr', { providers: ['keycloak'] }))).toEqual([
      'registered:Authentication context class',
      'provider:Authentication level (Keycloak)',
    ])
  })

  it('matches provider name families by pattern', () => {
    expect(kb.explainClaim('/xms_pdl', entra)[0]?.title).toBe('Microsoft extension claims')
    expect(kb.explainClaim('/custom:tier', { providers: ['aws-cognito'] })[0]?.title).toBe('Custom attribute (Cognito)')
    expect(kb.explainClaim('/repo_property_team', { providers: ['github-actions'] })[0]?.title).toBe(
      'Repository custom property',
    )
    expect(titles(kb.explainClaim('/https:~1~1example.com~1roles', { providers: ['auth0'] }))).toEqual([
      "collision-resistant:Public name in its owner's namespace",
      'provider:Namespaced custom claim (Auth0)',
    ])
  })

  it('always explains the OpenID s_hash and the SD-JWT VC vct', () => {
    expect(kb.explainClaim('/s_hash', none)[0]?.origin).toBe('oidc')
    expect(kb.explainClaim('/vct', none)[0]).toMatchObject({
      origin: 'provider',
      provider: 'IETF draft (unregistered)',
    })
  })

  it('explains confirmation methods inside cnf, and only there', () => {
    expect(kb.explainClaim('/cnf/jkt', none)[0]?.title).toBe('DPoP key thumbprint')
    expect(kb.explainClaim('/cnf/x5t#S256', none)[0]?.title).toBe('Certificate-bound token thumbprint')
    expect(kb.explainClaim('/jkt', none)[0]?.origin).toBe('private')
  })

  it('explains act and may_act members as describing the actor', () => {
    const sub = kb.explainClaim('/act/sub', none)
    expect(sub[0]?.title).toBe('Subject (of the actor)')
    expect(sub[0]?.description).toMatch(/^Describes the actor, not the token's subject/)
    expect(kb.explainClaim('/act/act', none)[0]?.title).toBe('Earlier actor')
    expect(kb.explainClaim('/may_act/sub', none)[0]?.title).toBe('Subject (of a party allowed to act)')
  })

  it('leaves unknown nested members to their group, and lets extra lookups explain them by pointer', () => {
    expect(kb.explainClaim('/kubernetes.io/pod/name', none)).toEqual([])
    const pod: ClaimInfo = { title: 'Pod name', description: 'The pod the token is bound to.', origin: 'kubernetes' }
    const withK8s = createKnowledge(withPackData(commonData, PROVIDER_KNOWLEDGE_DATA), [
      (p) => (p === '/kubernetes.io/pod/name' ? pod : undefined),
    ])
    expect(withK8s.explainClaim('/kubernetes.io/pod/name', none)).toEqual([pod])
    // A top-level name an extra lookup knows gets that meaning instead of the generic one.
    const legacy = createKnowledge(withPackData(commonData, PROVIDER_KNOWLEDGE_DATA), [
      (p) => (p === '/kubernetes.io~1serviceaccount~1namespace' ? pod : undefined),
    ])
    expect(titles(legacy.explainClaim('/kubernetes.io~1serviceaccount~1namespace', none))).toEqual([
      'kubernetes:Pod name',
    ])
    expect(titles(legacy.explainClaim('/aud', none))).toEqual(['registered:Audience'])
  })
})

describe('header lookup', () => {
  it('explains alg with the algorithm its value names', () => {
    const infos = kb.explainHeader('/alg', { providers: [], header: { alg: 'ES256' } })
    expect(titles(infos)).toEqual(['registered:Algorithm', 'registered:ES256: ECDSA P-256 with SHA-256'])
    expect(infos[1]?.spec?.url).toBe('https://www.rfc-editor.org/rfc/rfc7518#section-3.4')
  })

  it('explains enc and zip values of a JWE', () => {
    const header = { alg: 'RSA-OAEP', enc: 'A256GCM', zip: 'DEF' }
    // A JWE header asks for the registry pack, which holds the encryption algorithms.
    expect(kb.needsRegistryPack([], header)).toBe(true)
    const jwe = kb.withPack(REGISTRY_PACK_DATA)
    expect(titles(jwe.explainHeader('/enc', { providers: [], header }))).toEqual([
      'registered:Encryption algorithm',
      'registered:A256GCM: AES-256-GCM',
    ])
    expect(titles(jwe.explainHeader('/zip', { providers: [], header }))[1]).toBe('registered:DEF: DEFLATE compression')
  })

  it('labels unknown header parameters as private, and adds provider header meanings by issuer', () => {
    expect(titles(kb.explainHeader('/foo', none))).toEqual(['private:Unregistered name'])
    expect(titles(kb.explainHeader('/nonce', none))).toEqual(['registered:Nonce (ACME)'])
    expect(titles(kb.explainHeader('/nonce', entra))).toEqual([
      'registered:Nonce (ACME)',
      'provider:Graph token nonce (header)',
    ])
    expect(titles(kb.explainHeader('/signer', { providers: ['aws-alb'] }))).toEqual(['provider:Signer ARN (AWS ALB)'])
  })
})

it('unescapes JSON Pointer tokens', () => {
  expect(pointerTokens('/kubernetes.io~1serviceaccount~1namespace')).toEqual(['kubernetes.io/serviceaccount/namespace'])
  expect(pointerTokens('/a~0b/c')).toEqual(['a~b', 'c'])
})

/** A claim row at `path`, as claimRows builds it, for the packs' needs. */
const row = (path: string[]) => ({
  pointer: '/' + path.join('/'),
  name: path[path.length - 1]!,
  path,
  depth: path.length - 1,
  value: 'x',
  isGroup: false,
  index: 0,
  parent: -1,
})

describe('the registry pack', () => {
  const main = createKnowledge()

  it('is asked for by a token with a claim only the pack explains, top-level or inside act', () => {
    expect(main.needsRegistryPack([row(['iss']), row(['sip_callid'])])).toBe(true)
    expect(main.needsRegistryPack([row(['act']), row(['act', 'ueid'])])).toBe(true)
  })

  it('is not asked for by a token with common claims, or with a pack name nested elsewhere', () => {
    expect(main.needsRegistryPack([row(['iss']), row(['sub']), row(['kubernetes.io'])])).toBe(false)
    expect(main.needsRegistryPack([row(['address']), row(['address', 'location'])])).toBe(false)
  })

  it('reads a packed claim as private without the pack, and as registered with it', () => {
    expect(titles(main.explainClaim('/sip_callid', none))).toEqual(['private:Unregistered name'])
    const full = main.withPack(REGISTRY_PACK_DATA)
    expect(full.needsRegistryPack([row(['sip_callid'])])).toBe(false)
    expect(titles(full.explainClaim('/sip_callid', none))).toEqual([
      `registered:${REGISTRY_PACK_DATA.claims.find((r) => r[0] === 'sip_callid')![1]}`,
    ])
    // The common meanings are unchanged by the pack.
    expect(full.explainClaim('/exp', none)).toEqual(main.explainClaim('/exp', none))
  })

  it('is asked for by a header naming a JWE or other packed algorithm, not by a JWS one', () => {
    expect(main.needsRegistryPack([], { alg: 'RS256' })).toBe(false)
    expect(main.needsRegistryPack([], { alg: 'dir', enc: 'A256GCM' })).toBe(true)
    expect(main.needsRegistryPack([], { alg: 'RSA-OAEP' })).toBe(true)
    const full = main.withPack(REGISTRY_PACK_DATA)
    expect(full.explainHeader('/enc', { providers: [], header: { alg: 'dir', enc: 'A256GCM' } })).toEqual(
      expect.arrayContaining([expect.objectContaining({ title: expect.stringMatching(/^A256GCM: /) })]),
    )
  })

  it('keeps the list of every registered algorithm whole, for the unregistered-alg check', () => {
    const names = [...KNOWLEDGE_DATA.algorithms, ...REGISTRY_PACK_DATA.algorithms].map((r) => r[0])
    expect([...REGISTERED_ALGORITHMS].sort()).toEqual(names.sort())
    expect(REGISTERED_ALGORITHMS).toContain('RSA-OAEP-256')
  })

  it('holds no claim the main data has, and no confirmation method', () => {
    const mainNames = new Set(KNOWLEDGE_DATA.claims.map((r) => r[0]))
    expect(REGISTRY_PACK_DATA.claims.length).toBeGreaterThan(50)
    for (const r of REGISTRY_PACK_DATA.claims) {
      expect(mainNames.has(r[0])).toBe(false)
      expect(r[8]).toBe('')
    }
    expect(REGISTRY_PACK_DATA.claims.map((r) => r[0])).toEqual([...REGISTRY_PACK_CLAIMS])
  })
})

describe('the common pack', () => {
  const main = createKnowledge()
  const k8sRows = ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'kubernetes.io'].map((n) => row([n]))
  const k8sHeader = { alg: 'RS256', kid: 'k', typ: 'JWT' }

  it('is not asked for by a Kubernetes token: its claims and header are in the main data', () => {
    expect(main.packsNeeded(k8sRows, k8sHeader)).toEqual([])
    expect(main.withPacksFor(k8sRows, k8sHeader, {})).toBe(main)
    expect(titles(main.explainClaim('/exp', none))).toEqual(['registered:Expiration Time'])
    expect(titles(main.explainHeader('/kid', none))).toEqual(['registered:Key ID'])
  })

  it('is asked for by an OpenID claim, cnf, act or a header parameter it explains', () => {
    expect(main.packsNeeded([row(['iss']), row(['email'])], k8sHeader)).toEqual(['commonPack'])
    expect(main.packsNeeded([row(['cnf']), row(['cnf', 'jkt'])])).toEqual(['commonPack'])
    expect(main.packsNeeded([row(['act']), row(['act', 'sub'])])).toEqual(['commonPack'])
    expect(main.packsNeeded([], { alg: 'RS256', x5c: [] })).toEqual(['commonPack'])
    expect(main.packsNeeded([], { alg: 'dir', enc: 'A256GCM' })).toEqual(['commonPack', 'registryPack'])
  })

  it('is not asked for by a name it explains nested elsewhere, or once it is added', () => {
    expect(main.packsNeeded([row(['kubernetes.io']), row(['kubernetes.io', 'email'])])).toEqual([])
    const full = main.withPack(COMMON_PACK_DATA)
    expect(full.packsNeeded([row(['email'])], { alg: 'RS256', x5c: [] })).toEqual([])
    // With a provider pack only, the common pack is still needed.
    const entraOnly = main.withPack(PROVIDER_KNOWLEDGE_DATA)
    expect(entraOnly.packsNeeded([row(['roles'])])).toEqual(['commonPack'])
  })

  it('reads a common claim as private without the pack, and as registered with it', () => {
    expect(titles(main.explainClaim('/email', none))).toEqual(['private:Unregistered name'])
    const full = main.withPack(COMMON_PACK_DATA)
    expect(titles(full.explainClaim('/email', none))).toEqual(['registered:E-mail address'])
    expect(full.explainClaim('/exp', none)).toEqual(main.explainClaim('/exp', none))
  })

  it('is added by withPacksFor only when every needed pack is there', () => {
    const rows = [row(['email']), row(['sip_callid'])]
    expect(main.withPacksFor(rows, null, {})).toBeUndefined()
    expect(main.withPacksFor(rows, null, { commonPack: COMMON_PACK_DATA })).toBeUndefined()
    expect(main.withPacksFor(rows, null, { commonPack: COMMON_PACK_DATA, registryPack: null })).toBeUndefined()
    const both = main.withPacksFor(rows, null, { commonPack: COMMON_PACK_DATA, registryPack: REGISTRY_PACK_DATA })
    expect(titles(both!.explainClaim('/email', none))).toEqual(['registered:E-mail address'])
    expect(both!.explainClaim('/sip_callid', none)[0]?.origin).toBe('registered')
    // The same knowledge base each time for the same packs, so views keep what they built on it.
    expect(main.withPacksFor(rows, null, { commonPack: COMMON_PACK_DATA, registryPack: REGISTRY_PACK_DATA })).toBe(both)
  })

  it('holds every registered name but those of RFC 7519 §4.1, alg, kid and typ, and the algorithms', () => {
    expect(KNOWLEDGE_DATA.claims.map((r) => r[0])).toEqual(['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti'])
    expect(KNOWLEDGE_DATA.headers.map((r) => r[0])).toEqual(['alg', 'kid', 'typ'])
    expect(COMMON_PACK_DATA.algorithms).toEqual([])
    const mainNames = new Set(KNOWLEDGE_DATA.claims.map((r) => r[0]))
    for (const r of COMMON_PACK_DATA.claims) expect(mainNames.has(r[0])).toBe(false)
    expect(COMMON_PACK_CLAIMS).toContain('email')
    expect(COMMON_PACK_CLAIMS).not.toContain('jkt')
    // Each listed name is one the common pack explains: a registry-only claim loads only its pack.
    const commonNames = new Set(COMMON_PACK_DATA.claims.map((r) => r[0]))
    expect(COMMON_PACK_CLAIMS.filter((n) => !commonNames.has(n))).toEqual([])
    expect(COMMON_PACK_CLAIMS).not.toContain('sip_callid')
    expect(COMMON_PACK_HEADERS).toContain('x5c')
  })
})

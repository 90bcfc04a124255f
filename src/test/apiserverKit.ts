// Helpers for the API server tests: keys made on the fly, tokens signed over literal claims JSON
// (so ported upstream claims keep their exact text), and settings built like upstream's test options.
import { CompactSign, exportJWK, exportSPKI, generateKeyPair } from 'jose'
import type { ClusterSettings, JwtAuthenticator } from '../core/apiserver/types.ts'
import { recognizeKeyMaterial } from '../core/verify/keyMaterial.ts'
import { kubernetesKeyId } from '../core/verify/kid.ts'
import { jwkCandidate } from '../core/verify/keys.ts'

export type TestAlg = 'RS256' | 'RS384' | 'PS256' | 'ES256' | 'ES384' | 'ES512' | 'EdDSA' | 'HS256'

export interface TestKey {
  alg: TestAlg
  privateKey: CryptoKey
  publicJwk: Record<string, unknown>
  spkiPem: string
  /** The Kubernetes key id (SHA-256 of the SPKI). */
  k8sKid: string
}

const cache = new Map<string, Promise<TestKey>>()

/** A key pair for `alg`; the same `name` gives the same key within a test run. */
export function testKey(alg: Exclude<TestAlg, 'HS256'>, name = 'default'): Promise<TestKey> {
  const id = `${alg}:${name}`
  let k = cache.get(id)
  if (!k) {
    k = (async () => {
      const pair = await generateKeyPair(alg === 'PS256' ? 'PS256' : alg, { extractable: true })
      const publicJwk = (await exportJWK(pair.publicKey)) as Record<string, unknown>
      const spkiPem = await exportSPKI(pair.publicKey)
      const k8sKid = (await kubernetesKeyId(jwkCandidate(publicJwk, 1, 'test'))) ?? ''
      return { alg, privateKey: pair.privateKey, publicJwk, spkiPem, k8sKid }
    })()
    cache.set(id, k)
  }
  return k
}

/** Signs literal claims JSON with `key`, with the given header members besides alg. */
export async function signRaw(claimsJson: string, key: TestKey, header: Record<string, unknown> = {}): Promise<string> {
  return new CompactSign(new TextEncoder().encode(claimsJson))
    .setProtectedHeader({ alg: key.alg, ...header })
    .sign(key.privateKey)
}

/** A JWK Set text for the key box, each key with the given kid (none when undefined). */
export function jwksText(keys: { key: TestKey; kid?: string; alg?: string }[]): string {
  return JSON.stringify({
    keys: keys.map(({ key, kid, alg }) => ({
      ...key.publicJwk,
      ...(kid !== undefined ? { kid } : {}),
      ...(alg ? { alg } : {}),
      use: 'sig',
    })),
  })
}

export const keyMaterial = (text: string, tokenAlg?: string) =>
  recognizeKeyMaterial(text, { encoding: 'utf8', tokenAlg })

/** Upstream's test instants (oidc_test.go): now, an hour later, an hour earlier. */
export const NOW_2009 = Date.parse('2009-11-10T23:00:00Z')
export const VALID_2009 = Date.parse('2009-11-11T00:00:00Z') / 1000
export const EXPIRED_2009 = Date.parse('2009-11-10T22:00:00Z') / 1000

export interface JwtSpec {
  url?: string
  discoveryURL?: string
  audiences?: string[]
  audienceMatchPolicy?: string
  egressSelectorType?: string
  username?: { claim?: string; prefix?: string; expression?: string }
  groups?: { claim?: string; prefix?: string; expression?: string }
  uid?: { claim?: string; expression?: string }
  extra?: { key: string; valueExpression: string }[]
  claimRules?: { claim?: string; requiredValue?: string; expression?: string; message?: string }[]
  userRules?: { expression: string; message?: string }[]
}

/** Builds the internal JWTAuthenticator the way upstream's tests write apiserver.JWTAuthenticator literals. */
export function jwtAuthenticator(s: JwtSpec): JwtAuthenticator {
  return {
    issuer: {
      url: s.url ?? 'https://auth.example.com',
      discoveryURL: s.discoveryURL ?? '',
      certificateAuthority: '',
      audiences: s.audiences ?? ['my-client'],
      audienceMatchPolicy: s.audienceMatchPolicy ?? '',
      egressSelectorType: s.egressSelectorType ?? '',
    },
    claimValidationRules: (s.claimRules ?? []).map((r) => ({
      claim: r.claim ?? '',
      requiredValue: r.requiredValue ?? '',
      expression: r.expression ?? '',
      message: r.message ?? '',
    })),
    claimMappings: {
      username: {
        claim: s.username?.claim ?? '',
        prefix: s.username?.prefix,
        expression: s.username?.expression ?? '',
      },
      groups: { claim: s.groups?.claim ?? '', prefix: s.groups?.prefix, expression: s.groups?.expression ?? '' },
      uid: { claim: s.uid?.claim ?? '', expression: s.uid?.expression ?? '' },
      extra: s.extra ?? [],
    },
    userValidationRules: (s.userRules ?? []).map((r) => ({ expression: r.expression, message: r.message ?? '' })),
  }
}

/** Settings holding just these JWT authenticators (no service account issuers given). */
export function jwtSettings(jwt: JwtAuthenticator[], signingAlgs: string[]): ClusterSettings {
  return {
    source: 'authentication-configuration',
    found: [],
    serviceAccount: { issuers: [], keyFiles: [], lookup: true },
    jwt,
    jwtSource: 'authentication-configuration',
    signingAlgs,
    celExpressionCount: 0,
    errors: [],
    diagnostics: [],
  }
}

/** Settings for the service account authenticators only. */
export function saSettings(issuers: string[], apiAudiences?: string[], lookup = true): ClusterSettings {
  return {
    ...jwtSettings([], []),
    source: 'flags',
    jwtSource: 'none',
    serviceAccount: { issuers, apiAudiences, keyFiles: [], lookup },
  }
}

// The registry test (zod's and jose's way): the list of codes comes from the registry itself, and
// every code must be produced by a witness driven through the real entry points, with the
// registry's severity. A code added to codes.ts without a witness here fails by itself.
import { readFileSync } from 'node:fs'
import { deflateRawSync } from 'node:zlib'
import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import { analyze, type AnalyzeOptions } from '../analysis/analyze.ts'
import { shapeChecks } from '../checks/shapes.ts'
import { tokenChecks } from '../checks/tokenChecks.ts'
import { decodeToken, MAX_TOKEN_LENGTH } from '../decode/decodeToken.ts'
import { extractToken } from '../extract/extractToken.ts'
import { MAX_INPUT_LENGTH } from '../extract/simple.ts'
import { MAX_YAML_LINES } from '../extract/extractToken.ts'
import { readKubernetesClaims } from '../k8s/claims.ts'
import { kubernetesRisks } from '../k8s/risks.ts'
import { buildShareState, decodePermalink, readFragment, sharedViewDiagnostics } from '../permalink/index.ts'
import { parseClusterSettings } from '../apiserver/settings.ts'
import { iatInFuture } from '../time/checks.ts'
import { recognizeKeyMaterial, type HmacEncoding } from '../verify/keyMaterial.ts'
import { verifySignature } from '../verify/verify.ts'
import { boundClaims, legacyClaims, NOW, webhookClaims } from '../../test/k8sTokens.ts'
import { b64u, fixture, rawToken } from '../../test/tokens.ts'
import { parseYamlDocuments } from '../../test/yaml.ts'
import {
  DPOP_ACCESS_TOKEN,
  DPOP_PROOF_FIG13,
  DPOP_PROOF_FIG3,
  eksToken,
  WHOAMI_JSON,
  WIT_SVID_APPENDIX_A,
} from '../../test/upstreamFixtures.ts'
import { compareTokens } from '../compare/index.ts'
import {
  checkDraft,
  checkJsonText,
  draftFromToken,
  generateSigningKey,
  importSigningKey,
  signDraft,
  type SigningAlg,
} from '../compose/index.ts'
import { CERT_PUBLIC_KEY_PEM } from '../../test/generated-keys.ts'
import type { DiagnosticCode } from './codes.ts'
import { REGISTRY, REGISTRY_PIECES } from './registry.ts'
import { internalError, type Diagnostic } from './diagnostic.ts'

type Witness = () => Diagnostic[] | Promise<Diagnostic[]>
type Json = Record<string, unknown>

/** The page's pipeline with everything loaded: the full extractor, YAML and the knowledge checks. */
const FULL: AnalyzeOptions = { extract: extractToken, parseYaml: parseYamlDocuments, checks: tokenChecks, shapeChecks }
const run = (input: string, options: AnalyzeOptions = {}) => analyze(input, { ...FULL, ...options }).diagnostics
/** A token from JSON values (the signature is 32 bytes, right for HS256). */
const tok = (header: Json, payload: Json | string, sig = b64u('s'.repeat(32))) =>
  rawToken(JSON.stringify(header), typeof payload === 'string' ? payload : JSON.stringify(payload), sig)
const claims = (payload: Json, header: Json = { alg: 'HS256' }) => run(tok(header, payload))
const header = (h: Json) => run(tok(h, {}))
const segments = (h: string, p = 'e30', s = b64u('s'.repeat(32))) => run(`${h}.${p}.${s}`)
const secret = (o: Json) => run(JSON.stringify({ apiVersion: 'v1', kind: 'Secret', ...o }))
const keys = (text: string, tokenAlg = 'RS256', encoding: HmacEncoding = 'utf8') =>
  recognizeKeyMaterial(text, { encoding, tokenAlg }).diagnostics
const verify = async (token: string, keyText: string) => {
  const decoded = decodeToken(token)
  const alg = decoded.header?.value.alg
  const material = recognizeKeyMaterial(keyText, { encoding: 'utf8', tokenAlg: typeof alg === 'string' ? alg : '' })
  return (await verifySignature(decoded, material)).diagnostics
}
const settings = (text: string) =>
  parseClusterSettings(text, { parseYaml: parseYamlDocuments }).settings?.diagnostics ?? []
const permalink = async (fragment: string) => (await decodePermalink(fragment)).diagnostics
const share = (token: string) => {
  const built = buildShareState(analyze(token, FULL))
  return built.ok ? [] : [built.diagnostic]
}
/** The risk banner of a Kubernetes token, from its analysis, as the page computes it. */
const risks = (payload: Json, h: Json = { alg: 'RS256', kid: 'A'.repeat(43) }, now = NOW) => {
  const a = analyze(tok(h, payload, b64u('s'.repeat(256))), FULL)
  const decoded = a.decoded.payload.kind === 'claims' ? a.decoded.payload.json.value : {}
  const k8s = readKubernetesClaims(decoded)
  if (!k8s) throw new Error('not a Kubernetes token')
  return kubernetesRisks(
    { claims: k8s, payload: decoded, header: a.decoded.header?.value, diagnostics: a.diagnostics },
    now,
  )
}
const bound = (o: Parameters<typeof boundClaims>[0] = {}) => boundClaims(o) as Json
const webhook = (o: Parameters<typeof webhookClaims>[0] = {}) => webhookClaims(o) as Json
const ES256 = { alg: 'ES256', kid: 'A'.repeat(43) }
const RS256 = { alg: 'RS256', kid: 'github-key' }
const github = (sub: string): Json => ({
  iss: 'https://token.actions.githubusercontent.com',
  sub,
  aud: 'sts.amazonaws.com',
  repository_owner_id: '123456',
  repository_id: '456789',
})
const legacy = (o: Parameters<typeof legacyClaims>[0] = {}) => legacyClaims(o) as Json
const k8sWith = (nested: Json) => ({
  iss: 'https://kubernetes.default.svc',
  sub: 'system:serviceaccount:a:b',
  'kubernetes.io': nested,
})
const publicJwk = (name: string) => JSON.stringify((fixture(name) as { publicKey: { jwk: object } }).publicKey.jwk)
const INNER = fixture('rfc7515-a3-es256').token
const copyOf = (token: string) => draftFromToken(decodeToken(token)).diagnostics
const signingKey = async (text: string, alg: SigningAlg) => (await importSigningKey(text, alg)).diagnostics
const secretOf = (token: string, o: Json = {}) => ({
  type: 'kubernetes.io/service-account-token',
  data: { token: Buffer.from(token).toString('base64') },
  ...o,
})

const WITNESSES = {
  // Finding the token in the paste
  PASTE_TOO_LARGE: () => run('a'.repeat(MAX_INPUT_LENGTH + 1)),
  NO_TOKEN_FOUND: () => run('nothing to see here, is there?'),
  YAML_INVALID: () => run('a: [1, 2\nb: c'),
  YAML_TOO_LONG: () => run(`items:\n${'- a: b\n'.repeat(MAX_YAML_LINES)}`),
  WHITESPACE_REMOVED: () => {
    const t = fixture('rfc7515-a1-hs256').token
    return analyze(`${t.slice(0, 30)}\n${t.slice(30)}`).diagnostics
  },
  BASE64_NOT_JWT: () => run(Buffer.from('just some words, not a token at all').toString('base64')),
  FIELD_NOT_JWT: () => run('{"access_token": "an opaque value"}'),
  SECRET_NOT_SA_TOKEN_TYPE: () => secret(secretOf(fixture('rfc7515-a1-hs256').token, { type: 'Opaque' })),
  SECRET_DATA_NOT_BASE64: () => secret({ data: { token: 'not base64, not a token' } }),
  SECRET_DATA_TOKEN_UNENCODED: () => secret({ data: { token: fixture('rfc7515-a1-hs256').token } }),
  SECRET_CLAIM_MISMATCH: () =>
    secret(secretOf(fixture('seed-legacy-v1.20').token, { metadata: { name: 'x', namespace: 'elsewhere' } })),
  SECRET_CLAIMS_MATCH: () =>
    secret(secretOf(fixture('seed-legacy-v1.20').token, { metadata: { namespace: 'default' } })),
  REVIEW_WITHOUT_TOKEN: () => run(WHOAMI_JSON),
  CSI_AUDIENCE_MISMATCH: () =>
    run(
      JSON.stringify({
        vault: { token: fixture('seed-bound-pod-v1.24').token, expirationTimestamp: '2023-08-19T11:49:01Z' },
      }),
    ),
  BEARER_NOT_JWT: () => run('abcdef.0123456789abcdef'),
  EKS_TOKEN_INVALID: () => run(eksToken('https://sts.amazonaws.com/?action=GetCallerIdentity')),
  BEARER_OPAQUE: () => run('31ada4fd-adec-460c-809a-9e56ceb75269'),
  DPOP_BINDING_MISMATCH: () =>
    run(`POST /protectedresource HTTP/1.1\nHost: resource.example.org\nDPoP: ${DPOP_PROOF_FIG13}\n`),
  DPOP_BINDING_MATCHES: () =>
    run(
      `GET /protectedresource HTTP/1.1\nHost: resource.example.org\nAuthorization: DPoP ${DPOP_ACCESS_TOKEN}\nDPoP: ${DPOP_PROOF_FIG13}\n`,
      { pick: 1 },
    ),
  KUBECONFIG_USER_WITHOUT_TOKEN: () =>
    run(
      JSON.stringify({
        kind: 'Config',
        users: [
          { name: 'a', user: { token: fixture('rfc7515-a1-hs256').token } },
          { name: 'b', user: { exec: { command: 'aws' } } },
        ],
      }),
    ),
  TOKEN_REQUEST_EXPIRY_DIFFERS: () =>
    run(
      JSON.stringify({
        kind: 'TokenRequest',
        spec: { expirationSeconds: 3607 },
        status: { token: fixture('seed-bound-pod-v1.24').token, expirationTimestamp: '2022-08-19T12:29:08Z' },
      }),
    ),
  FRAGMENT_BAD_ESCAPE: () => {
    const r = readFragment('#token=%E0%A4%A')
    return r.type === 'error' ? [r.diagnostic] : []
  },

  // Decoding the compact token
  TOKEN_EMPTY: () => analyze('').diagnostics,
  TOKEN_TOO_LARGE: () => decodeToken('a'.repeat(MAX_TOKEN_LENGTH + 1)).diagnostics,
  JSON_SERIALIZATION: () => run('{"payload":"e30","signature":"c2ln"}'),
  SEGMENT_COUNT: () => run('abc.def.ghi.jkl'),
  SEGMENT_EMPTY: () => segments(''),
  B64_PADDING: () => segments(`${b64u('{"alg":"HS256"}')}=`),
  B64_INVALID_CHAR: () => segments('eyJh*GciOiJIUzI1NiJ9'),
  B64_STANDARD_ALPHABET: () => segments(Buffer.from('{"alg":"HS256","x":"???"}').toString('base64').replace(/=+$/, '')),
  B64_BAD_LENGTH: () => segments('eyJhb'),
  UTF8_INVALID: () => segments(Buffer.from([0x7b, 0xff, 0x7d]).toString('base64url')),
  UTF8_BOM: () => segments(b64u('\ufeff{"alg":"HS256"}')),
  JSON_SYNTAX: () => segments(b64u('{"alg":')),
  HEADER_NOT_OBJECT: () => segments(b64u('["HS256"]')),
  PAYLOAD_NOT_OBJECT: () => run(tok({ alg: 'HS256' }, '[1, 2]')),
  JSON_DUPLICATE_MEMBER: () => run(tok({ alg: 'HS256' }, '{"sub":"a","sub":"b"}')),
  JSON_NUMBER_PRECISION: () => run(tok({ alg: 'HS256' }, '{"id":12345678901234567890}')),
  JSON_NUMBER_OUT_OF_RANGE: () => run(tok({ alg: 'HS256' }, '{"n":1e400,"u":1e-400}')),
  JWE_HEADER_NO_ENC: () => run(`${b64u('{"alg":"RSA-OAEP"}')}.a.b.c.d`),
  JWE_ENCRYPTED: () => run(fixture('rfc7516-a1-jwe').token),
  JWE_SEGMENT_COUNT: () => header({ alg: 'dir', enc: 'A128GCM' }),
  HEADER_ALG_MISSING: () => header({ typ: 'JWT' }),
  HEADER_ALG_NOT_STRING: () => header({ alg: 256 }),
  UNSECURED_JWT: () => run(fixture('rfc7519-6.1-unsecured').token),
  UNENCODED_PAYLOAD: () => run(`${b64u('{"alg":"HS256","b64":false,"crit":["b64"]}')}.hello.${b64u('s'.repeat(32))}`),
  DETACHED_PAYLOAD: () => run(tok({ alg: 'HS256' }, '')),
  NESTED_JWT: () => run(tok({ alg: 'HS256', cty: 'JWT' }, INNER)),
  NESTED_JWT_WITHOUT_CTY: () => run(tok({ alg: 'HS256' }, INNER)),
  PAYLOAD_NOT_JSON: () => run(tok({ alg: 'HS256' }, 'hello world')),
  PAYLOAD_OTHER_CONTENT: () => run(tok({ alg: 'HS256', cty: 'text/plain' }, 'hello world')),
  ALG_NONE_WITH_SIGNATURE: () => run(tok({ alg: 'none' }, {})),
  SIGNATURE_EMPTY: () => run(tok({ alg: 'HS256' }, {}, '')),
  SIGNATURE_REMOVED_FOR_SHARING: () => run(tok({ alg: 'HS256' }, {}, ''), { signatureRemoved: true }),
  SIGNATURE_LENGTH: () => run(tok({ alg: 'HS256' }, {}, 'c2ln')),
  SD_JWT: () => run(`${fixture('rfc7515-a1-hs256').token}~${b64u('["salt","name","value"]')}~`),
  SD_JWT_DISCLOSURE_INVALID: () => run(`${fixture('rfc7515-a1-hs256').token}~${b64u('["salt"]')}~`),

  // Header checks
  ALG_NONE: () => run(fixture('rfc7519-6.1-unsecured').token),
  ALG_KEY_CONFUSION: () => claims({ iss: 'kubernetes/serviceaccount' }),
  ALG_RSA1_5: () => run(`${b64u('{"alg":"RSA1_5","enc":"A128GCM"}')}.YQ.YQ.YQ.YQ`),
  HEADER_JWK: () => header({ alg: 'HS256', jwk: { kty: 'oct' } }),
  HEADER_JKU: () => header({ alg: 'HS256', jku: 'https://example.com/jwks' }),
  HEADER_X5U: () => header({ alg: 'HS256', x5u: 'https://example.com/cert' }),
  HEADER_X5C: () => header({ alg: 'HS256', x5c: ['MIIB'] }),
  CRIT_INVALID: () => header({ alg: 'HS256', crit: [] }),
  CRIT_EXTENSIONS: () => header({ alg: 'HS256', crit: ['urn:example'], 'urn:example': true }),
  HEADER_B64_FALSE: () => run(`${b64u('{"alg":"HS256","b64":false,"crit":["b64"]}')}.hi.${b64u('s'.repeat(32))}`),
  B64_NOT_CRITICAL: () => run(`${b64u('{"alg":"HS256","b64":false}')}.hi.${b64u('s'.repeat(32))}`),
  HEADER_ZIP: () => run(`${b64u('{"alg":"dir","enc":"A128GCM","zip":"DEF"}')}.YQ.YQ.YQ.YQ`),
  HEADER_ZIP_JWS: () => header({ alg: 'HS256', zip: 'DEF' }),
  PBES2_P2C_INVALID: () => header({ alg: 'HS256', p2c: -1 }),
  PBES2_P2C_LARGE: () => header({ alg: 'HS256', p2c: 10_000_000 }),
  TYP_KIND: () => header({ alg: 'HS256', typ: 'at+jwt' }),
  HEADER_PARAM_TYPE: () => header({ alg: 'HS256', kid: 123 }),
  ALG_CASE_MISMATCH: () => header({ alg: 'hs256' }),
  ALG_UNREGISTERED: () => header({ alg: 'urn:example:private-alg' }),

  // Claim checks
  AUD_INVALID_TYPE: () => claims({ aud: 42 }),
  CLAIM_NOT_STRING: () => claims({ iss: 42 }),
  CLAIM_WHITESPACE: () => claims({ sub: ' alice' }),
  CASE_SENSITIVE_MATCH: () => claims({ iss: 'https://Login.Example.com' }),
  SCOPE_NOT_STRING: () => claims({ scope: ['read', 'write'] }),
  SCOPE_SEPARATOR: () => claims({ scope: 'read,write' }),
  CLAIM_NOT_OBJECT: () => claims({ cnf: 'key' }),
  ACT_PRIOR_ACTOR: () => claims({ act: { sub: 'b', act: { sub: 'a' } } }),
  OIDC_HASH_NOT_STRING: () => claims({ at_hash: 1 }),
  OIDC_HASH_LENGTH: () => claims({ at_hash: 'abc' }, { alg: 'RS256' }),
  VERIFIED_NOT_BOOLEAN: () => claims({ email_verified: 'false' }),

  // Text that misleads its reader
  DISPLAY_BIDI_CONTROL: () => claims({ sub: 'admin\u202etxt.exe' }),
  DISPLAY_CONTROL_CHARACTER: () => claims({ sub: 'alice\u0000' }),
  DISPLAY_INVISIBLE_CHARACTER: () => claims({ 'gr\u200boups': ['admin'] }),
  DISPLAY_CONFUSABLE_CHARACTER: () => header({ alg: 'HS256', kid: 'p\u0430ypal' }),

  // Time claims
  TIME_NOT_A_NUMBER: () => claims({ exp: '1700000000' }),
  TIME_IN_MILLISECONDS: () => claims({ exp: 1_700_000_000_000 }),
  TIME_BEYOND_9999: () => claims({ exp: 1e15 }),
  TIME_NEGATIVE: () => claims({ exp: -5 }),
  TIME_IAT_AFTER_EXP: () => claims({ iat: 200, exp: 100 }),
  TIME_NBF_NOT_BEFORE_EXP: () => claims({ nbf: 200, exp: 100 }),
  TIME_NBF_BEFORE_IAT: () => claims({ nbf: 100, iat: 200, exp: 300 }),
  TIME_IAT_IN_FUTURE: () => [iatInFuture({ iat: NOW + 3600 }, NOW)].filter((d) => d !== undefined),

  // Kubernetes service account tokens
  K8S_LEGACY_CLAIM_MISSING: () => claims(legacy({ secret: null })),
  K8S_NAMESPACE_MISSING: () => claims(k8sWith({ serviceaccount: { name: 'b', uid: 'u' } })),
  K8S_SERVICEACCOUNT_INCOMPLETE: () => claims(k8sWith({ namespace: 'a', serviceaccount: { name: 'b' } })),
  K8S_BOUND_CONFLICT: () => claims(bound({ pod: { name: 'p', uid: 'u' }, secret: { name: 's', uid: 'v' } })),
  K8S_BOUND_REF_INCOMPLETE: () => claims(bound({ pod: { name: 'p' } })),
  K8S_UNKNOWN_BOUND_OBJECT: () => claims(bound({ extra: { widget: { name: 'w', uid: 'x' } } })),
  K8S_NAME_INVALID: () => claims(bound({ pod: { name: '--all', uid: 'u' } })),
  K8S_SUB_MISSING: () => claims(bound({ sub: null })),
  K8S_SUB_UNPARSABLE: () => claims(bound({ sub: 'user:alice' })),
  K8S_SUB_MISMATCH: () => claims(bound({ ns: 'prod', sub: 'system:serviceaccount:dev:builder' })),
  K8S_LEGACY_SUB_MISSING: () => {
    const c = legacy()
    delete c.sub
    return claims(c)
  },
  K8S_LEGACY_SUB_UNPARSABLE: () => claims(legacy({ sub: 'user:alice' })),
  K8S_LEGACY_SUB_MISMATCH: () => claims(legacy({ sub: 'system:serviceaccount:default:admin' })),
  K8S_MIXED_SHAPE: () => claims({ ...legacy(), ...bound() }),
  K8S_LEGACY_WITH_EXPIRY: () => claims({ ...legacy(), exp: NOW + 3600 }),
  K8S_ALG_UNEXPECTED: () => claims(bound()),
  K8S_NEVER_EXPIRES: () => risks(legacy()),
  K8S_EXPIRED: () => risks(bound(), undefined, NOW + 10 * 365 * 86400),
  K8S_STALE: () => risks(bound({ lifetime: 31536000, warnafter: 3607 }), undefined, NOW + 7200),
  K8S_NOT_YET_VALID: () => risks({ ...bound(), nbf: NOW + 3600 }),
  K8S_FOREIGN_AUDIENCE: () => risks(bound({ aud: ['vault'] })),
  K8S_TYP_PRESENT: () => risks(legacy(), { alg: 'RS256', typ: 'JWT' }),
  K8S_KID_EMPTY: () => risks(bound(), { alg: 'RS256', kid: '' }),
  K8S_KID_MISSING: () => risks(bound(), { alg: 'RS256' }),
  K8S_KID_UNUSUAL: () => risks(bound(), { alg: 'RS256', kid: 'key-1' }),
  K8S_EXTERNAL_SIGNER: () => claims(bound(), { alg: 'ES256', kid: 'signer-key-7', typ: 'JWT' }),
  K8S_WEBHOOK_KEP_SPELLING: () => claims(webhook({ spelling: 'kep' }), ES256),
  K8S_WEBHOOK_LIFETIME: () => claims(webhook({ lifetime: 3600 }), ES256),
  K8S_WEBHOOK_AUDIENCE: () => claims(webhook({ aud: ['https://kubernetes.default.svc.cluster.local'] }), ES256),
  K8S_WEBHOOK_ATTESTATION: () =>
    claims(webhook({ attestations: { admissionReviewAPIGroups: ['apps', 'batch'] } }), ES256),
  K8S_ATTESTATION_WITHOUT_WEBHOOK: () =>
    claims(bound({ extra: { attestations: { admissionReviewAPIGroups: ['apps'] } } }), ES256),

  // Tokens that sit next to Kubernetes ones
  DPOP_PROOF: () => run(DPOP_PROOF_FIG3),
  DPOP_PROOF_INVALID: () =>
    claims({ htm: 'GET', htu: 'https://rs.example/x', iat: NOW }, { alg: 'HS256', typ: 'dpop+jwt' }),
  WIT_SVID: () => run(WIT_SVID_APPENDIX_A),
  SPIFFE_SVID_RULE: () => claims({ sub: 'spiffe://example.org/web', exp: NOW + 300 }, { alg: 'ES256', kid: 'k' }),
  GITHUB_SUB_IMMUTABLE: () => claims(github('repo:octo-org@123456/octo-repo@456789:ref:refs/heads/main'), RS256),
  GITHUB_SUB_ID_MISMATCH: () =>
    claims({ ...github('repo:octo-org@123456/octo-repo@456789:ref:refs/heads/main'), repository_id: '999' }, RS256),

  // Key material and signature verification
  PRIVATE_KEY_REFUSED: () => keys('-----BEGIN PRIVATE KEY-----\nMC4CAQA=\n-----END PRIVATE KEY-----'),
  PEM_INCOMPLETE: () => keys('-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQ'),
  PEM_BAD_BASE64: () => keys('-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----'),
  PEM_BAD_DER: () => keys('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----'),
  PEM_LABEL_UNSUPPORTED: () => keys('-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----'),
  KEY_JSON_INVALID: () => keys('{"kty":'),
  KEY_JSON_NOT_KEY: () => keys('{"hello":"world"}'),
  KEY_UNRECOGNISED: () => keys('just a word'),
  HMAC_SECRET_ENCODING: () => keys('!!!', 'HS256', 'base64'),
  HMAC_SECRET_SHORT: () => verify(fixture('rfc7515-a1-hs256').token, 'short'),
  JWKS_EMPTY: () => keys('{"keys":[]}'),
  JWKS_ENTRY_NOT_OBJECT: () => keys(`{"keys":[1, ${publicJwk('rfc7515-a2-rs256')}]}`),
  DISCOVERY_HAS_NO_KEYS: () => keys('{"issuer":"https://example.com","jwks_uri":"https://example.com/jwks"}'),
  ALG_NONE_NEVER_VERIFIED: () => verify(fixture('rfc7519-6.1-unsecured').token, publicJwk('rfc7515-a2-rs256')),

  // Cluster settings
  SETTINGS_UNRECOGNISED: () => settings('just some words'),
  SETTINGS_JSON_INVALID: () => settings('{"apiVersion": '),
  SETTINGS_YAML_INVALID: () => settings('kind: [AuthenticationConfiguration'),

  // Comparing two tokens
  COMPARE_SIDE_EMPTY: () => compareTokens('', INNER, { now: NOW }).diagnostics,
  COMPARE_SIDE_UNREADABLE: () => compareTokens(INNER, fixture('rfc7516-a1-jwe').token, { now: NOW }).diagnostics,

  // Composing test tokens
  COMPOSE_JSON_INVALID: () => checkJsonText('{"sub": }', 'payload').diagnostics,
  COMPOSE_HEADER_B64: () => checkDraft({ header: '{"alg":"HS256","b64":false}', payload: '{}' }).diagnostics,
  COMPOSE_COPY_UNSIGNED: () => copyOf(fixture('seed-bound-pod-v1.24').token),
  COMPOSE_COPY_NO_CLAIMS: () => copyOf(fixture('rfc7516-a1-jwe').token),
  COMPOSE_KEY_EMPTY: () => signingKey(' ', 'ES256'),
  COMPOSE_KEY_PUBLIC: () => signingKey(CERT_PUBLIC_KEY_PEM, 'ES256'),
  COMPOSE_KEY_UNSUPPORTED: () => signingKey('{"keys": []}', 'RS256'),
  COMPOSE_KEY_ALG_MISMATCH: () => signingKey('{"kty":"oct","k":"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0"}', 'ES256'),
  COMPOSE_KEY_INVALID: () => signingKey('{"kty":"EC","crv":"P-256","x":"AAAA","y":"AAAA","d":"AAAA"}', 'ES256'),
  COMPOSE_KEY_RSA_SHORT: () =>
    signingKey(
      generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
      'RS256',
    ),
  COMPOSE_WEBCRYPTO_FAILED: async () => {
    // A browser without Ed25519 in WebCrypto (Chromium before 137, Safari before 17).
    const spy = vi
      .spyOn(globalThis.crypto.subtle, 'generateKey')
      .mockRejectedValueOnce(new DOMException('Unrecognized name.', 'NotSupportedError'))
    try {
      const generated = await generateSigningKey('EdDSA')
      // And a key that may only verify, as a caller could hand over by mistake.
      const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])
      const key = { alg: 'ES256', origin: 'generated', description: 'a public key', signer: pair.publicKey } as const
      const signed = await signDraft({ header: '{"alg":"ES256"}', payload: '{}' }, key)
      return [...generated.diagnostics, ...signed.diagnostics]
    } finally {
      spy.mockRestore()
    }
  },

  // Shared links
  PERMALINK_NOT_A_LINK: () => permalink('token=abc'),
  PERMALINK_VERSION_UNSUPPORTED: () => permalink('v2=z.abc'),
  PERMALINK_CORRUPT: () => permalink('v1=x.abc'),
  PERMALINK_TRUNCATED: () => permalink('v1=z.'),
  PERMALINK_UNSUPPORTED_BROWSER: async () => {
    const saved = globalThis.DecompressionStream
    // A browser without DecompressionStream (before Safari 16.4, say).
    Object.defineProperty(globalThis, 'DecompressionStream', { value: undefined, configurable: true, writable: true })
    try {
      return await permalink(`v1=z.${deflateRawSync('{}').toString('base64url')}`)
    } finally {
      globalThis.DecompressionStream = saved
    }
  },
  PERMALINK_TOO_LARGE: () =>
    permalink(`v1=z.${deflateRawSync(Buffer.alloc(5 * 1024 * 1024, 32)).toString('base64url')}`),
  PERMALINK_INVALID: () => permalink(`v1=j.${b64u('{"h":1}')}`),
  SHARE_NOTHING_TO_SHARE: () => share('abc.def.ghi'),
  SHARE_ENCRYPTED: () => share(fixture('rfc7516-a1-jwe').token),
  SHARE_PAYLOAD_UNSUPPORTED: () => share(tok({ alg: 'HS256', cty: 'JWT' }, INNER)),
  SHARE_REDACTION_FAILED: () => {
    // A paste never gets here (header and claims were parsed already): the guard that keeps a link
    // from promising what it cannot hide is driven with an analysis whose header text was cut.
    const a = analyze(tok({ alg: 'HS256' }, { uid: 'u' }), FULL)
    const cut = { ...a, decoded: { ...a.decoded, header: { ...a.decoded.header!, text: '{"alg":' } } }
    const built = buildShareState(cut, { redact: { uids: true } })
    return built.ok ? [] : [built.diagnostic]
  },
  SHARED_VALUE_REDACTED: () => {
    const t = tok({ alg: 'HS256' }, { sub: '[redacted name]' }, '')
    return sharedViewDiagnostics(
      { header: '{"alg":"HS256"}', payload: '{}', redactions: [{ pointer: '/sub', category: 'name' }] },
      analyze(t, FULL),
    )
  },
  SHARED_KIND_DIFFERS: () =>
    sharedViewDiagnostics({ header: '', payload: '', redactions: [], kind: 'k8s-legacy' }, analyze(INNER, FULL)),

  // The page itself: what the error boundary shows
  DIAGNOSTICS_CAPPED: () => run(tok({ alg: 'HS256' }, `{${Array.from({ length: 22 }, () => '"a":1').join(',')}}`)),
  INTERNAL_ERROR: () => [internalError(new Error('boom'))],
} satisfies Partial<Record<DiagnosticCode, Witness>>

const witnesses: Partial<Record<string, Witness>> = WITNESSES

describe('the diagnostics registry', () => {
  const codes = Object.keys(REGISTRY) as DiagnosticCode[]

  it.each(codes)('%s has a witness that produces it with the registry severity', async (code) => {
    const witness = witnesses[code]
    expect(witness, `add a witness for ${code} to codes.test.ts`).toBeTypeOf('function')
    const produced = await witness!()
    const mine = produced.filter((d) => d.code === code)
    expect(mine.length, `${code} not produced; got ${produced.map((d) => d.code).join(', ')}`).toBeGreaterThan(0)
    for (const d of produced) expect(d.severity, d.code).toBe(REGISTRY[d.code].severity)
  })

  it('has no witness for a code that is not in the registry', () => {
    expect(Object.keys(WITNESSES).filter((c) => !(c in REGISTRY))).toEqual([])
  })

  it('stores each code in one piece of the registry only', () => {
    const all = Object.values(REGISTRY_PIECES).flatMap((piece) => Object.keys(piece))
    expect(all.filter((code, i) => all.indexOf(code) !== i)).toEqual([])
    expect(all).toHaveLength(codes.length)
  })

  it('titles every code with a one-line TSDoc comment, and uses codes in UPPER_SNAKE', () => {
    const source = Object.keys(REGISTRY_PIECES)
      .map((path) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8'))
      .join('\n')
    const titled = new Map([...source.matchAll(/\/\*\* (.+?) \*\/\n\s+([A-Z0-9_]+): \{/g)].map((m) => [m[2], m[1]]))
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/)
      expect(titled.get(code), `${code} needs a /** title */ above its entry`).toMatch(/^\S.{4,}\.$/)
    }
  })

  it('gives each banner id to one code only', () => {
    const ids = Object.values(REGISTRY).flatMap((c) => ('banner' in c ? [c.banner] : []))
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toHaveLength(10)
  })
})

import { generateKeyPair, SignJWT, type JWTPayload } from 'jose'

/** A fixed "now" for the signed test tokens: 2025-12-29T09:20:00Z. */
export const NOW = 1_767_000_000
export const KIND_ISSUER = 'https://kubernetes.default.svc.cluster.local'

type Alg = 'RS256' | 'ES256' | 'ES384' | 'HS256'
const keys = new Map<string, Promise<CryptoKey | Uint8Array>>()

function keyFor(alg: Alg): Promise<CryptoKey | Uint8Array> {
  let k = keys.get(alg)
  if (!k) {
    k =
      alg === 'HS256'
        ? Promise.resolve(new TextEncoder().encode('a-test-secret-of-thirty-two-bytes!'))
        : generateKeyPair(alg).then((p) => p.privateKey)
    keys.set(alg, k)
  }
  return k
}

/** Signs a payload with a test key, as a cluster with a P-256 key would (ES256 and a 43-character kid by default; RSA key generation is slow). */
export async function sign(
  payload: JWTPayload,
  header: Record<string, unknown> = {},
  alg: Alg = 'ES256',
): Promise<string> {
  return new SignJWT(payload)
    .setProtectedHeader({ alg, kid: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', ...header })
    .sign(await keyFor(alg))
}

interface Ref {
  name: string
  uid?: string
}

export interface BoundOptions {
  ns?: string
  sa?: string
  pod?: Ref
  secret?: Ref
  node?: Ref
  iss?: string
  aud?: string[]
  lifetime?: number
  warnafter?: number
  jti?: string
  sub?: string | null
  extra?: Record<string, unknown>
}

/** The claims the API server writes into a bound (TokenRequest) token, claims.go `Claims()`. */
export function boundClaims(o: BoundOptions = {}): JWTPayload {
  const ns = o.ns ?? 'default'
  const sa = o.sa ?? 'builder'
  const iss = o.iss ?? KIND_ISSUER
  const k8s: Record<string, unknown> = {
    namespace: ns,
    serviceaccount: { name: sa, uid: '11111111-2222-3333-4444-555555555555' },
  }
  if (o.pod) k8s.pod = o.pod
  if (o.secret) k8s.secret = o.secret
  if (o.node) k8s.node = o.node
  if (o.warnafter !== undefined) k8s.warnafter = NOW + o.warnafter
  Object.assign(k8s, o.extra ?? {})
  const claims: JWTPayload = {
    aud: o.aud ?? [iss],
    exp: NOW + (o.lifetime ?? 3600),
    iat: NOW,
    nbf: NOW,
    iss,
    'kubernetes.io': k8s,
  }
  if (o.sub !== null) claims.sub = o.sub ?? `system:serviceaccount:${ns}:${sa}`
  if (o.jti) claims.jti = o.jti
  return claims
}

/** The claims of a legacy Secret-based token, legacy.go `LegacyClaims()`. */
export function legacyClaims(o: { ns?: string; sa?: string; secret?: string | null; sub?: string } = {}): JWTPayload {
  const ns = o.ns ?? 'default'
  const sa = o.sa ?? 'builder'
  const claims: JWTPayload = {
    iss: 'kubernetes/serviceaccount',
    'kubernetes.io/serviceaccount/namespace': ns,
    'kubernetes.io/serviceaccount/service-account.name': sa,
    'kubernetes.io/serviceaccount/service-account.uid': '11111111-2222-3333-4444-555555555555',
    sub: o.sub ?? `system:serviceaccount:${ns}:${sa}`,
  }
  if (o.secret !== null) claims['kubernetes.io/serviceaccount/secret.name'] = o.secret ?? `${sa}-token-abcde`
  return claims
}

export interface WebhookOptions {
  kind?: 'validating' | 'mutating'
  /** `merged`: the names k/k PR #140113 writes; `kep`: the KEP-6060 text's camelCase. */
  spelling?: 'merged' | 'kep'
  lifetime?: number
  aud?: string[]
  /** The attestations object; null leaves it out. */
  attestations?: Record<string, unknown> | null
  /** More members of the kubernetes.io object. */
  extra?: Record<string, unknown>
}

/** The URL audience of a service webhook, as token.go validateWebhookAudience builds it. */
export const WEBHOOK_AUDIENCE = 'https://policy-webhook.policy.svc:443/validate'

/**
 * The claims of a token bound to a webhook configuration, in the shape the k/k integration test
 * TestServiceAccountTokenAttestations checks (test/integration/auth/svcaccttoken_test.go):
 * `{"namespace","serviceaccount",<binding>:{name,uid},"attestations":{"admissionReviewAPIGroups":["apps"]}}`.
 */
export function webhookClaims(o: WebhookOptions = {}): JWTPayload {
  const kind = o.kind ?? 'validating'
  const member = o.spelling === 'kep' ? `${kind}WebhookConfiguration` : `${kind}webhookconfiguration`
  const attestations = o.attestations === null ? undefined : (o.attestations ?? { admissionReviewAPIGroups: ['apps'] })
  const k8s: Record<string, unknown> = {
    namespace: 'policy',
    serviceaccount: { name: 'policy-webhook', uid: '22222222-3333-4444-5555-666666666666' },
    [member]: { name: 'policy-config', uid: '33333333-4444-5555-6666-777777777777' },
    ...o.extra,
  }
  if (attestations) k8s[o.spelling === 'kep' ? 'attestationClaims' : 'attestations'] = attestations
  return {
    aud: o.aud ?? [WEBHOOK_AUDIENCE],
    exp: NOW + (o.lifetime ?? 600),
    iat: NOW,
    nbf: NOW,
    iss: KIND_ISSUER,
    jti: '0f1e2d3c-4b5a-4968-8776-655443322110',
    sub: 'system:serviceaccount:policy:policy-webhook',
    'kubernetes.io': k8s,
  }
}

import type { JsonObject } from '../encoding/json.ts'
import type { KubernetesClaims } from './claims.ts'
import { KUBERNETES_ALGS } from './header.ts'

/** Which signer the header's shape points to. */
export type SignerKind = 'in-process' | 'external' | 'unknown'

export interface SignerShape {
  kind: SignerKind
  /** One sentence: what the header shows and what that means. */
  explanation: string
  /** True when kid is 43 base64url characters, the length of the SHA-256 key id the API server derives. */
  kidLooksDerived: boolean
}

const KID_SHA256 = /^[A-Za-z0-9_-]{43}$/

/**
 * Reads the signer from the header's shape. The API server's own signer writes `{alg, kid}` and
 * no `typ` (go-jose with no options, k/k pkg/serviceaccount/jwt.go); an external signer
 * (ExternalServiceAccountTokenSigner, KEP-740) must return exactly `alg`, `kid` and `typ: "JWT"`,
 * a kid of 1 to 1024 bytes and RS256 or ES256/384/512, or the API server refuses its header
 * (k/k pkg/serviceaccount/externaljwt/plugin/plugin.go `validateJWTHeader`). The external kid is
 * the signer's choice, so its format is only supporting evidence. Legacy tokens are never read
 * as externally signed: the controller manager signs them with its own key.
 */
export function signerShape(header: JsonObject | undefined, claims: Pick<KubernetesClaims, 'shape'>): SignerShape {
  const h = header ?? {}
  const keys = Object.keys(h).sort()
  const kid = h.kid
  const kidLooksDerived = typeof kid === 'string' && KID_SHA256.test(kid)
  const algOk = typeof h.alg === 'string' && (KUBERNETES_ALGS as readonly string[]).includes(h.alg)
  if (
    claims.shape === 'bound' &&
    keys.join() === 'alg,kid,typ' &&
    h.typ === 'JWT' &&
    typeof kid === 'string' &&
    kid.length > 0 &&
    new TextEncoder().encode(kid).length <= 1024 &&
    algOk
  ) {
    return {
      kind: 'external',
      kidLooksDerived,
      explanation: `Exactly alg, kid and typ "JWT": the header an external signer (ExternalServiceAccountTokenSigner, Kubernetes 1.32 alpha, on by default since 1.34) must return. Its kid ${kidLooksDerived ? 'has the length of a derived key id, but an external signer chooses its own ids' : 'is the signer’s own key id, not one the API server derives'}; look it up in the cluster’s /openid/v1/jwks.`,
    }
  }
  if (h.typ === undefined && keys.every((k) => k === 'alg' || k === 'kid') && algOk) {
    return {
      kind: 'in-process',
      kidLooksDerived,
      explanation:
        kid === undefined || kid === ''
          ? 'alg alone (or an empty kid) and no typ: the API server’s own signer as it wrote tokens before Kubernetes 1.16.'
          : `alg and kid, no typ: the API server’s own signer (--service-account-key-file)${kidLooksDerived ? ', whose kid is the SHA-256 of its public key' : ', though this kid is not the SHA-256 key id it derives (managed clusters may use their own)'}.`,
    }
  }
  return {
    kind: 'unknown',
    kidLooksDerived,
    explanation:
      claims.shape === 'legacy'
        ? 'A legacy token: signed by the controller manager’s --service-account-private-key-file.'
        : 'Neither the API server’s own header (alg and kid) nor an external signer’s (exactly alg, kid and typ "JWT").',
  }
}

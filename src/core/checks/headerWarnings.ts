import type { DecodedToken } from '../decode/decodeToken.ts'
import { onRow, type Diagnostic } from '../diagnostics/diagnostic.ts'
import { rfc, type SpecRef } from '../diagnostics/specRefs.ts'
import type { ProviderId } from '../knowledge/types.ts'
import { REGISTERED_ALGORITHMS } from '../knowledge/data.generated.ts'
import { headerParamTypes } from '../decode/headerParams.ts'
import { diagnostic, type CheckCode } from './codes.ts'
import { rareHeaderDiagnostics } from './headerRare.ts'

const at = (name: string, code: CheckCode, message: string, ref?: SpecRef) =>
  diagnostic(code, message, onRow('header', name, ref))

// Issuers that sign with public keys only, so an HS* token claiming to come from them is forged
// with their public key as the HMAC secret, or broken.
const ASYMMETRIC_ONLY: ReadonlySet<ProviderId> = new Set([
  'entra',
  'google',
  'aws-cognito',
  'github-actions',
  'gitlab-ci',
  'spiffe',
  'aws-alb',
])

// Every algorithm name in the IANA JOSE registry (and the WebCrypto-only names beside it).
const REGISTERED_ALGS = REGISTERED_ALGORITHMS

// The references live here, with the lazily loaded checks, not in the start-up registry.
const ALG_REF = rfc(7515, '4.1.1')

function checkAlgName(alg: string, out: Diagnostic[]) {
  if (alg.toLowerCase() === 'none' || REGISTERED_ALGS.includes(alg)) return
  const lower = alg.toLowerCase()
  const registered = REGISTERED_ALGS.find((a) => a.toLowerCase() === lower)
  out.push(
    registered
      ? at(
          'alg',
          'ALG_CASE_MISMATCH',
          `alg "${alg}" is not a registered algorithm: algorithm names are case-sensitive, and the registered name is "${registered}". A verifier that compares exactly refuses this token whatever key it has; one that ignores case could be led to an algorithm the issuer never used.`,
          ALG_REF,
        )
      : at(
          'alg',
          'ALG_UNREGISTERED',
          `alg "${alg}" is not in the IANA JOSE algorithms registry. Only a verifier that was told about this private algorithm can check the token; others refuse it.`,
          ALG_REF,
        ),
  )
}

/**
 * The header and algorithm warnings every token is checked for: the parameters' types, an
 * unregistered or miscased alg, alg none, HS* from an issuer that signs with public keys. The
 * others (keys and key URLs chosen by the token itself, crit, b64, zip, PBES2 p2c, RSA1_5, what typ
 * says) are ./headerRare.ts, with the checks of rarer shapes, for a header that has one.
 */
export function commonHeaderDiagnostics(decoded: DecodedToken, providers: readonly ProviderId[]): Diagnostic[] {
  const h = decoded.header?.value
  if (!h) return []
  const out: Diagnostic[] = headerParamTypes(h)
  const alg = h.alg
  if (typeof alg === 'string') {
    checkAlgName(alg, out)
    if (alg.toLowerCase() === 'none') {
      const variant = alg === 'none' ? '' : ` Spelling it "${alg}" is a known way past filters that only block "none".`
      out.push(
        at(
          'alg',
          'ALG_NONE',
          `alg "${alg}" means no signature. Verifiers must refuse it unless they deliberately accept unsecured tokens.${variant}`,
        ),
      )
    }
    const claims = decoded.payload.kind === 'claims' ? decoded.payload.json.value : {}
    // Kubernetes signs service account tokens with RSA or ECDSA keys only.
    const kubernetes = claims.iss === 'kubernetes/serviceaccount' || 'kubernetes.io' in claims
    if (/^HS\d+$/.test(alg) && (kubernetes || providers.some((p) => ASYMMETRIC_ONLY.has(p)))) {
      out.push(
        at(
          'alg',
          'ALG_KEY_CONFUSION',
          `alg ${alg} is a shared-secret HMAC, but this issuer${typeof claims.iss === 'string' ? ` (${claims.iss})` : ''} signs with public keys. That is the mark of key confusion: the issuer's public key used as the HMAC secret. Verifiers must pin the algorithm of each key.`,
        ),
      )
    }
  }
  return out
}

/**
 * Header and algorithm warnings: alg none, HS* from an issuer that signs with public keys, keys
 * and key URLs chosen by the token itself, crit, b64, zip, PBES2 p2c, RSA1_5, and what typ says.
 */
export function headerDiagnostics(decoded: DecodedToken, providers: readonly ProviderId[]): Diagnostic[] {
  return [...commonHeaderDiagnostics(decoded, providers), ...rareHeaderDiagnostics(decoded)]
}

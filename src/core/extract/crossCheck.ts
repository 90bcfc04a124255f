import { decodeToken } from '../decode/decodeToken.ts'
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { escapePointerToken } from '../encoding/json.ts'
import { asStr, at } from './objects.ts'
import { toIsoUtc } from '../time/iso.ts'
import type { SecretContext, TokenRequestContext } from './types.ts'
import { diagnostic } from './codes.ts'

const LEGACY = 'kubernetes.io/serviceaccount/'

interface Pair {
  what: string
  secretValue: string | undefined
  claim: string
  pointer: string
  claimValue: string | undefined
}

function claimsOf(token: string): Record<string, unknown> | null {
  const decoded = decodeToken(token)
  return decoded.payload.kind === 'claims' ? decoded.payload.json.value : null
}

/**
 * Compares a Secret's name, namespace and service-account annotations with the claims of the
 * token it holds. The API server looks the Secret and service account up by the claims, so a
 * token copied into the wrong Secret authenticates as someone else than the annotations say.
 */
export function crossCheckSecret(secret: SecretContext, token: string): Diagnostic[] {
  const claims = claimsOf(token)
  if (!claims) return []
  const legacy = (k: string): string | undefined => asStr(claims[LEGACY + k])
  const bound = at(claims, 'kubernetes.io') !== undefined
  const pairs: Pair[] = bound
    ? [
        {
          what: 'annotation kubernetes.io/service-account.name',
          secretValue: secret.serviceAccountName,
          claim: 'kubernetes.io.serviceaccount.name',
          pointer: '/kubernetes.io/serviceaccount/name',
          claimValue: asStr(at(claims, 'kubernetes.io', 'serviceaccount', 'name')),
        },
        {
          what: 'annotation kubernetes.io/service-account.uid',
          secretValue: secret.serviceAccountUid,
          claim: 'kubernetes.io.serviceaccount.uid',
          pointer: '/kubernetes.io/serviceaccount/uid',
          claimValue: asStr(at(claims, 'kubernetes.io', 'serviceaccount', 'uid')),
        },
        {
          what: 'namespace',
          secretValue: secret.namespace,
          claim: 'kubernetes.io.namespace',
          pointer: '/kubernetes.io/namespace',
          claimValue: asStr(at(claims, 'kubernetes.io', 'namespace')),
        },
      ]
    : [
        {
          what: 'annotation kubernetes.io/service-account.name',
          secretValue: secret.serviceAccountName,
          claim: `${LEGACY}service-account.name`,
          pointer: `/${escapePointerToken(`${LEGACY}service-account.name`)}`,
          claimValue: legacy('service-account.name'),
        },
        {
          what: 'annotation kubernetes.io/service-account.uid',
          secretValue: secret.serviceAccountUid,
          claim: `${LEGACY}service-account.uid`,
          pointer: `/${escapePointerToken(`${LEGACY}service-account.uid`)}`,
          claimValue: legacy('service-account.uid'),
        },
        {
          what: 'name',
          secretValue: secret.name,
          claim: `${LEGACY}secret.name`,
          pointer: `/${escapePointerToken(`${LEGACY}secret.name`)}`,
          claimValue: legacy('secret.name'),
        },
        {
          what: 'namespace',
          secretValue: secret.namespace,
          claim: `${LEGACY}namespace`,
          pointer: `/${escapePointerToken(`${LEGACY}namespace`)}`,
          claimValue: legacy('namespace'),
        },
      ]
  const compared = pairs.filter((p) => p.secretValue !== undefined && p.claimValue !== undefined)
  const mismatches = compared.filter((p) => p.secretValue !== p.claimValue)
  const out: Diagnostic[] = mismatches.map((p) =>
    diagnostic(
      'SECRET_CLAIM_MISMATCH',
      `The Secret's ${p.what} is "${p.secretValue}", but the token's ${p.claim} claim is "${p.claimValue}". The API server goes by the claims, not by the Secret: most likely the token was copied from another Secret, or the Secret was edited.`,
      { part: 'payload', pointer: p.pointer, location: 'payload' },
    ),
  )
  if (compared.length > 0 && mismatches.length === 0) {
    out.push(
      diagnostic(
        'SECRET_CLAIMS_MATCH',
        `The Secret's ${compared.map((p) => p.what).join(', ')} match the token's claims (compared as text; the signature is not checked).`,
        { part: 'input' },
      ),
    )
  }
  return out
}

/** The instant as ISO 8601, or the number itself when no date can name it (exp 1e13, say). */
function isoSeconds(epoch: number): string {
  return toIsoUtc(epoch) ?? String(epoch)
}

/**
 * Compares a TokenRequest's status.expirationTimestamp with the JWT's exp. They differ for
 * auto-extended tokens: a pod-bound request for exactly 3607 s gets a JWT valid for a year (with
 * --service-account-extend-token-expiration, on by default) while the status still reports the
 * requested 3607 s, which is what the kubelet uses to decide when to rotate the token.
 */
export function crossCheckTokenRequest(request: TokenRequestContext, token: string): Diagnostic[] {
  const claims = claimsOf(token)
  const exp = claims?.['exp']
  const stamp = request.expirationTimestamp
  if (typeof exp !== 'number' || !Number.isFinite(exp) || stamp === undefined) return []
  const statusMs = Date.parse(stamp)
  if (Number.isNaN(statusMs)) return []
  const delta = Math.round(exp - statusMs / 1000)
  if (Math.abs(delta) <= 1) return []
  return [
    diagnostic(
      'TOKEN_REQUEST_EXPIRY_DIFFERS',
      `The TokenRequest's status.expirationTimestamp (${stamp}) and the JWT's exp (${isoSeconds(exp)}) differ by ${delta.toLocaleString('en')} s. The API server extends pod-bound tokens requested for exactly 3607 s to a year (--service-account-extend-token-expiration, on by default) but reports the requested lifetime in the status; the kubelet rotates the token by the status time, so it is replaced long before the JWT's exp.`,
      { part: 'payload', pointer: '/exp', location: 'payload' },
    ),
  ]
}

import type { DecodedToken } from '../decode/decodeToken.ts'

/** The `data-kind` test hook values. */
export type TokenKind =
  | 'k8s-legacy'
  | 'k8s-bound-pod'
  | 'k8s-bound-secret'
  | 'k8s-bound-node'
  | 'k8s-bound-validatingwebhook'
  | 'k8s-bound-mutatingwebhook'
  | 'k8s-bound-other'
  | 'k8s-token-request'
  | 'jwt'
  | 'jwe'
  | 'invalid'

/** Classifies a decoded token by structure: JWE, JWT (JWS or unsecured), or invalid. */
export function structuralKind(decoded: DecodedToken): TokenKind {
  if (decoded.form === 'jwe' && decoded.header) return 'jwe'
  if (!decoded.wellFormed || decoded.header === null) return 'invalid'
  return 'jwt'
}

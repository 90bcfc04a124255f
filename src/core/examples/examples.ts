/**
 * The examples menu. The three seed tokens come from the article this project grew from
 * ("Service Account Tokens in Kubernetes v1.24"); the JWE and the unsecured JWT from their RFCs.
 * The menu's labels are in the start-up bundle; the tokens themselves (a few KB of base64 that
 * does not compress) are in ./exampleTokens.ts, which the page loads when one is picked
 * (src/app/modules.ts).
 */
export interface Example {
  id: string
  label: string
}

export const EXAMPLES: readonly Example[] = [
  { id: 'seed-bound-pod', label: 'Kubernetes pod-bound token (v1.24, kind)' },
  { id: 'seed-legacy', label: 'Kubernetes legacy Secret token (v1.20)' },
  { id: 'seed-legacy-explicit', label: 'Kubernetes legacy token from a hand-made Secret (v1.24)' },
  { id: 'jwe', label: 'Encrypted token (JWE, RFC 7516)' },
  { id: 'unsecured', label: 'Unsecured JWT, alg none (RFC 7519)' },
]

/**
 * The examples menu. The three seed tokens come from the article this project grew from
 * ("Service Account Tokens in Kubernetes v1.24"); the JWE and the unsecured JWT from their RFCs.
 * The menu's labels are in the start-up bundle; the tokens themselves (a few KB of base64 that
 * does not compress) load when one is picked.
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

/** The token of an example, loaded on demand; undefined for an unknown id. */
export async function loadExampleToken(id: string): Promise<string | undefined> {
  const { EXAMPLE_TOKENS } = await import('./exampleTokens.ts')
  return EXAMPLE_TOKENS[id]
}

import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { diagnostic } from './codes.ts'
import type { JsonObject } from '../encoding/json.ts'

/** The only algorithms the API server signs with (jwt.go): RS256 for RSA keys, ES* by curve. */
export const KUBERNETES_ALGS = ['RS256', 'ES256', 'ES384', 'ES512'] as const

/** Header findings that only make sense for a Kubernetes service account token. */
export function headerDiagnostics(header: JsonObject): Diagnostic[] {
  const alg = header.alg
  if (typeof alg !== 'string' || (KUBERNETES_ALGS as readonly string[]).includes(alg)) return []
  return [
    diagnostic(
      'K8S_ALG_UNEXPECTED',
      `alg ${alg}: the API server signs only with RS256 or ES256/384/512, so this token did not come from it unchanged.`,
      {
        pointer: '/alg',
        location: 'header',
        part: 'header',
      },
    ),
  ]
}

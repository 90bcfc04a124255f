// The kubelet's request to a credential provider plugin (kubelet pkg/apis/credentialprovider/v1
// types.go at 63b32497): with KEP-4412 it carries a pod-bound token for the image being pulled.
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { diagnostic } from './codes.ts'
import { asStr, at, stringMap } from './objects.ts'
import { looksLikeJwt } from './text.ts'
import type { Candidate, CredentialProviderContext } from './types.ts'

export function isCredentialProviderRequest(doc: unknown): boolean {
  return at(doc, 'kind') === 'CredentialProviderRequest'
}

/** The `serviceAccountToken` of a CredentialProviderRequest, with the image and annotations. */
export function credentialProviderCandidate(doc: unknown): { candidate?: Candidate; diagnostics: Diagnostic[] } {
  const image = asStr(at(doc, 'image'))
  const apiVersion = asStr(at(doc, 'apiVersion'))
  const context: CredentialProviderContext = {
    kind: 'credential-provider',
    ...(apiVersion !== undefined ? { apiVersion } : {}),
    ...(image !== undefined ? { image } : {}),
    annotations: stringMap(at(doc, 'serviceAccountAnnotations')),
  }
  const token = asStr(at(doc, 'serviceAccountToken'))?.trim()
  if (!token || !looksLikeJwt(token)) {
    return {
      diagnostics: [
        diagnostic(
          'NO_TOKEN_FOUND',
          token
            ? 'This CredentialProviderRequest’s serviceAccountToken is not a JWT.'
            : 'This CredentialProviderRequest has no serviceAccountToken: the kubelet sends one only when the provider’s tokenAttributes name a serviceAccountTokenAudience (KEP-4412).',
          { part: 'input' },
        ),
      ],
    }
  }
  return {
    diagnostics: [],
    candidate: {
      token,
      source: 'credential-provider',
      label: `CredentialProviderRequest${image ? ` for ${image}` : ''}`,
      explanation: `Found in the serviceAccountToken of a kubelet CredentialProviderRequest${image ? ` for the image ${image}` : ''}: the pod’s token for pulling that image.`,
      repaired: false,
      diagnostics: [],
      context,
    },
  }
}

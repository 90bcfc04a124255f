import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { crossCheckTokenRequest } from './crossCheck.ts'
import { asArr, asStr, at } from './objects.ts'
import type { Candidate, TokenRequestContext } from './types.ts'
import { diagnostic } from './codes.ts'

export function isTokenRequest(doc: unknown): boolean {
  return at(doc, 'kind') === 'TokenRequest'
}

/** The token in a TokenRequest's status, with its requested lifetime and binding. */
export function tokenRequestCandidate(doc: unknown): { candidate?: Candidate; diagnostics: Diagnostic[] } {
  const name = asStr(at(doc, 'metadata', 'name'))
  const namespace = asStr(at(doc, 'metadata', 'namespace'))
  const token = asStr(at(doc, 'status', 'token'))?.trim()
  if (!token) {
    return {
      diagnostics: [
        diagnostic(
          'NO_TOKEN_FOUND',
          "This TokenRequest has no status.token: only the API server's response carries one, not the request that was sent.",
          { part: 'input' },
        ),
      ],
    }
  }
  const seconds = at(doc, 'spec', 'expirationSeconds')
  const stamp = asStr(at(doc, 'status', 'expirationTimestamp'))
  const boundKind = asStr(at(doc, 'spec', 'boundObjectRef', 'kind'))
  const boundName = asStr(at(doc, 'spec', 'boundObjectRef', 'name'))
  const audiences = asArr(at(doc, 'spec', 'audiences')).filter((a): a is string => typeof a === 'string')
  const context: TokenRequestContext = {
    kind: 'token-request',
    ...(name !== undefined ? { name } : {}),
    ...(namespace !== undefined ? { namespace } : {}),
    ...(stamp !== undefined ? { expirationTimestamp: stamp } : {}),
    ...(typeof seconds === 'number' ? { expirationSeconds: seconds } : {}),
    ...(audiences.length > 0 ? { audiences } : {}),
    ...(boundKind !== undefined || boundName !== undefined
      ? {
          boundObject: {
            ...(boundKind !== undefined ? { kind: boundKind } : {}),
            ...(boundName !== undefined ? { name: boundName } : {}),
          },
        }
      : {}),
  }
  const who = name ? ` for service account ${namespace ? `${namespace}/` : ''}${name}` : ''
  return {
    diagnostics: [],
    candidate: {
      token,
      source: 'token-request',
      label: `TokenRequest${who}`,
      explanation: `Found in the status.token of a TokenRequest${who}.`,
      repaired: false,
      diagnostics: crossCheckTokenRequest(context, token),
      context,
    },
  }
}

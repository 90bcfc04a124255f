import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { decodeBase64Jwt } from './base64.ts'
import { crossCheckSecret } from './crossCheck.ts'
import { asObj, asStr, at, stringMap } from './objects.ts'
import { looksLikeJwt } from './text.ts'
import type { Candidate, SecretContext } from './types.ts'
import { diagnostic } from './codes.ts'

const SA_TOKEN_TYPE = 'kubernetes.io/service-account-token'

/** True when a parsed document is a Kubernetes Secret. */
export function isSecret(doc: unknown): boolean {
  return at(doc, 'kind') === 'Secret'
}

/**
 * The token of a Secret: `data.token` (base64) or `stringData.token`. Returns the candidate, or
 * diagnostics explaining why there is none. The Secret's annotations are cross-checked against
 * the token's claims.
 */
export function secretCandidate(doc: unknown): { candidate?: Candidate; diagnostics: Diagnostic[] } {
  const name = asStr(at(doc, 'metadata', 'name'))
  const namespace = asStr(at(doc, 'metadata', 'namespace'))
  const type = asStr(at(doc, 'type'))
  const annotations = stringMap(at(doc, 'metadata', 'annotations'))
  const id = `${namespace ? `${namespace}/` : ''}${name ?? '(unnamed)'}`
  const data = asObj(at(doc, 'data'))
  const stringData = asObj(at(doc, 'stringData'))
  const diagnostics: Diagnostic[] = []
  const context: Omit<SecretContext, 'field'> = {
    kind: 'secret',
    ...(name !== undefined ? { name } : {}),
    ...(namespace !== undefined ? { namespace } : {}),
    ...(type !== undefined ? { type } : {}),
    annotations,
    ...(annotations['kubernetes.io/service-account.name'] !== undefined
      ? { serviceAccountName: annotations['kubernetes.io/service-account.name'] }
      : {}),
    ...(annotations['kubernetes.io/service-account.uid'] !== undefined
      ? { serviceAccountUid: annotations['kubernetes.io/service-account.uid'] }
      : {}),
    hasCaCrt: typeof data?.['ca.crt'] === 'string' || typeof stringData?.['ca.crt'] === 'string',
  }
  if (type !== SA_TOKEN_TYPE) {
    diagnostics.push(
      diagnostic(
        'SECRET_NOT_SA_TOKEN_TYPE',
        `Secret ${id} has type ${type ?? '(none)'}, not ${SA_TOKEN_TYPE}: Kubernetes neither fills nor cleans up its token, and nothing ties it to a service account.`,
        { part: 'input' },
      ),
    )
  }
  let token: string | undefined
  let field: SecretContext['field'] = 'data.token'
  let how = 'base64-decoded'
  const dataToken = asStr(data?.['token'])
  const plainToken = asStr(stringData?.['token'])
  if (dataToken !== undefined) {
    const res = decodeBase64Jwt(dataToken, `data.token of Secret ${id}`)
    if (res?.ok) token = res.token
    else if (res) diagnostics.push(res.diagnostic)
    else if (looksLikeJwt(dataToken.trim())) {
      // Someone put the token itself where its base64 belongs; say so and use it.
      token = dataToken.trim()
      how = 'not base64-encoded as data values must be'
      diagnostics.push(
        diagnostic(
          'SECRET_DATA_TOKEN_UNENCODED',
          `data.token of Secret ${id} holds a JWT as is; Secret data values are base64, so the API server would reject or garble it. Use stringData for plain values.`,
          { part: 'input' },
        ),
      )
    } else {
      diagnostics.push(
        diagnostic(
          'SECRET_DATA_NOT_BASE64',
          `data.token of Secret ${id} is not valid base64, which every Secret data value must be.`,
          { part: 'input' },
        ),
      )
    }
  } else if (plainToken !== undefined) {
    field = 'stringData.token'
    how = 'as plain text'
    token = plainToken.trim()
  }
  if (token === undefined) {
    // Without a token, the type is beside the point (a List holds many Opaque Secrets).
    const kept = diagnostics.filter((d) => d.code !== 'SECRET_NOT_SA_TOKEN_TYPE')
    if (dataToken === undefined && plainToken === undefined) {
      const note =
        type === SA_TOKEN_TYPE
          ? ' The token controller fills it in shortly after the Secret is created; a Secret fetched before that, or one whose service account is missing, has none.'
          : ''
      kept.push(
        diagnostic(
          'NO_TOKEN_FOUND',
          `Secret ${id} (type ${type ?? 'none'}) has no data.token or stringData.token.${note}`,
          { part: 'input' },
        ),
      )
    }
    return { diagnostics: kept }
  }
  const full: SecretContext = { ...context, field }
  diagnostics.push(...crossCheckSecret(full, token))
  return {
    diagnostics: [],
    candidate: {
      token,
      source: 'secret',
      label: `Secret ${id}`,
      explanation: `Found in Secret ${id}, ${field}, ${how}.`,
      repaired: false,
      diagnostics,
      context: full,
    },
  }
}

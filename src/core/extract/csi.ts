// CSI drivers receive their pods' tokens as `csi.storage.k8s.io/serviceAccount.tokens`: a JSON
// map from each audience to a TokenRequestStatus {token, expirationTimestamp} (api storage/v1
// types.go at 10b39a39; k/k pkg/volume/csi/csi_mounter.go podServiceAccountTokenAttrs), in the
// NodePublishVolume volume_context, or in its secrets with serviceAccountTokenInSecrets (KEP-5538).
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { diagnostic } from './codes.ts'
import { decodeToken } from '../decode/decodeToken.ts'
import { crossCheckTokenRequest } from './crossCheck.ts'
import { asObj, asStr, type Obj } from './objects.ts'
import { looksLikeJwt } from './text.ts'
import type { Candidate, CsiContext } from './types.ts'

export const CSI_TOKENS_KEY = 'csi.storage.k8s.io/serviceAccount.tokens'

// A TokenRequestStatus has exactly these two members, both always set.
const isStatus = (v: unknown) => {
  const o = asObj(v)
  return (
    o !== undefined &&
    typeof o.token === 'string' &&
    typeof o.expirationTimestamp === 'string' &&
    Object.keys(o).length === 2
  )
}

/**
 * The audience map of a document: under the CSI key (as an object, or as the JSON string the
 * kubelet writes), or the document itself when every member is a `{token, expirationTimestamp}`.
 */
export function csiTokenMap(doc: unknown): Obj | undefined {
  const o = asObj(doc)
  if (!o) return undefined
  if (Object.hasOwn(o, CSI_TOKENS_KEY)) {
    const v = o[CSI_TOKENS_KEY]
    if (typeof v === 'string') {
      try {
        return asObj(JSON.parse(v))
      } catch {
        return undefined
      }
    }
    return asObj(v)
  }
  const values = Object.values(o)
  return values.length > 0 && values.every(isStatus) ? o : undefined
}

function audienceCheck(audience: string, token: string): Diagnostic[] {
  if (audience === '') return []
  const decoded = decodeToken(token)
  if (decoded.payload.kind !== 'claims') return []
  const aud = decoded.payload.json.value.aud
  const list = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : []
  if (list.includes(audience)) return []
  return [
    diagnostic(
      'CSI_AUDIENCE_MISMATCH',
      `The map names this token's audience "${audience}", but its aud is ${list.length ? list.map((a) => JSON.stringify(a)).join(', ') : 'absent'}: the kubelet requests each entry's token with its key as the audience, so the map was edited or assembled by hand.`,
      { part: 'input' },
    ),
  ]
}

/** One candidate per audience of a CSI token map, with its expiry cross-checked against exp. */
export function csiCandidates(map: Obj): { candidates: Candidate[]; diagnostics: Diagnostic[] } {
  const audiences = Object.keys(map)
  const candidates: Candidate[] = []
  const opaque: string[] = []
  for (const audience of audiences) {
    const token = asStr(asObj(map[audience])?.token)?.trim()
    const stamp = asStr(asObj(map[audience])?.expirationTimestamp)
    if (!token || !looksLikeJwt(token)) {
      opaque.push(audience === '' ? '(the empty audience)' : `"${audience}"`)
      continue
    }
    const context: CsiContext = {
      kind: 'csi',
      audience,
      audiences,
      ...(stamp !== undefined ? { expirationTimestamp: stamp } : {}),
    }
    const who = audience === '' ? 'the API server’s audiences (empty key)' : `audience "${audience}"`
    candidates.push({
      token,
      source: 'csi-tokens',
      label: who,
      explanation: `Found in the CSI service account tokens (${CSI_TOKENS_KEY}), the entry for ${who}.`,
      repaired: false,
      diagnostics: [
        ...audienceCheck(audience, token),
        ...(stamp !== undefined
          ? crossCheckTokenRequest({ kind: 'token-request', expirationTimestamp: stamp }, token)
          : []),
      ],
      context,
    })
  }
  const diagnostics = opaque.length
    ? [
        diagnostic(
          'FIELD_NOT_JWT',
          `The CSI token for ${opaque.join(', ')} is not a JWT, so there is nothing to decode in it (test fixtures often hold placeholders).`,
          { part: 'input' },
        ),
      ]
    : []
  return { candidates, diagnostics }
}

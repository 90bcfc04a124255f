import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { fieldCandidates } from './fields.ts'
import { isKubeconfig, kubeconfigCandidates } from './kubeconfig.ts'
import { asArr, at } from './objects.ts'
import { isSecret, secretCandidate } from './secret.ts'
import { isTokenRequest, tokenRequestCandidate } from './tokenRequest.ts'
import type { Candidate } from './types.ts'

export interface Found {
  candidates: Candidate[]
  diagnostics: Diagnostic[]
}

function isList(doc: unknown): boolean {
  const kind = at(doc, 'kind')
  return typeof kind === 'string' && kind.endsWith('List') && Array.isArray(at(doc, 'items'))
}

/** What one Kubernetes object holds, or null when it is not a kind we know to hold tokens. */
function kubernetesObject(doc: unknown): Found | null {
  if (isSecret(doc)) {
    const r = secretCandidate(doc)
    return { candidates: r.candidate ? [r.candidate] : [], diagnostics: r.diagnostics }
  }
  if (isTokenRequest(doc)) {
    const r = tokenRequestCandidate(doc)
    return { candidates: r.candidate ? [r.candidate] : [], diagnostics: r.diagnostics }
  }
  if (isKubeconfig(doc)) return kubeconfigCandidates(doc)
  return null
}

/**
 * Tokens in parsed JSON or YAML documents: Secrets, TokenRequests and kubeconfigs (alone, in a
 * `List`, or one per YAML document), then well-known token fields in anything else.
 */
export function documentCandidates(docs: unknown[], format: 'JSON' | 'YAML'): Found {
  const objects = docs.flatMap((d) => (isList(d) ? asArr(at(d, 'items')) : [d]))
  const found: Found = { candidates: [], diagnostics: [] }
  let known = 0
  for (const obj of objects) {
    const r = kubernetesObject(obj)
    if (r) {
      known++
      found.candidates.push(...r.candidates)
      found.diagnostics.push(...r.diagnostics)
    }
  }
  // A List where some Secrets have tokens: the ones without are not worth an error each.
  if (found.candidates.length > 0) {
    found.diagnostics = found.diagnostics.filter((d) => d.code !== 'NO_TOKEN_FOUND')
    return found
  }
  if (known > 0) return found
  const fields = fieldCandidates(docs.length === 1 ? docs[0] : docs, format)
  return { candidates: fields.candidates, diagnostics: fields.diagnostics }
}

import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { diagnostic } from './codes.ts'
import { credentialProviderCandidate, isCredentialProviderRequest } from './credentialProvider.ts'
import { csiCandidates, csiTokenMap } from './csi.ts'
import { fieldCandidates } from './fields.ts'
import { isKubeconfig, kubeconfigCandidates } from './kubeconfig.ts'
import { asArr, at } from './objects.ts'
import { isReview, readReview } from './review.ts'
import { isSecret, secretCandidate } from './secret.ts'
import { shortToken } from './places.ts'
import { looksLikeJwt } from './text.ts'
import { isTokenRequest, tokenRequestCandidate } from './tokenRequest.ts'
import type { Candidate, ReviewContext } from './types.ts'

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
  if (isCredentialProviderRequest(doc)) {
    const r = credentialProviderCandidate(doc)
    return { candidates: r.candidate ? [r.candidate] : [], diagnostics: r.diagnostics }
  }
  const csi = csiTokenMap(doc)
  if (csi) return csiCandidates(csi)
  return null
}

/**
 * A TokenReview or SelfSubjectReview: the reviewed token of a TokenReview, else the tokens pasted
 * with it (as further documents), each carrying the review so that the page can compare the user
 * it reports with the identity the token implies. With no token at all, one candidate without a
 * token that shows the review.
 */
export function reviewCandidates(context: ReviewContext, token: string | undefined, others: Candidate[]): Found {
  const source = context.review === 'TokenReview' ? 'token-review' : 'self-subject-review'
  const what =
    context.review === 'TokenReview'
      ? 'a TokenReview'
      : context.format === 'table'
        ? 'the output of kubectl auth whoami'
        : 'a SelfSubjectReview (kubectl auth whoami)'
  if (token) {
    return {
      candidates: [
        {
          token,
          source,
          label: 'TokenReview spec.token',
          explanation: `Found in the spec.token of ${what}; its status is compared with what the token implies.`,
          repaired: false,
          diagnostics: [],
          context,
        },
      ],
      diagnostics: [],
    }
  }
  if (others.length > 0) {
    return {
      candidates: others.map((c) => ({
        ...c,
        source,
        explanation: `${c.explanation} It was pasted with ${what}, whose user is compared with what the token implies.`,
        context,
      })),
      diagnostics: [],
    }
  }
  const user = context.user?.username
  return {
    candidates: [
      {
        token: '',
        source,
        label: context.review,
        explanation: `${what[0]?.toUpperCase()}${what.slice(1)}${user ? ` reporting the user ${user}` : ''}; it holds no token.`,
        repaired: false,
        diagnostics: [
          diagnostic(
            'REVIEW_WITHOUT_TOKEN',
            `${context.review === 'SelfSubjectReview' ? 'A SelfSubjectReview reports who the caller of kubectl auth whoami is, and carries no token.' : 'This TokenReview has no spec.token.'} Paste the token after it (as another YAML document after ---, or on a line of its own) to compare the user with the identity the token implies.`,
            { part: 'input' },
          ),
        ],
        context,
      },
    ],
    diagnostics: [],
  }
}

/** Documents that are a JWT and nothing else, as YAML parses a token on a line of its own. */
function bareTokens(objects: unknown[]): Candidate[] {
  return objects
    .filter((o): o is string => typeof o === 'string' && looksLikeJwt(o.trim()))
    .map((t) => ({
      token: t.trim(),
      source: 'raw',
      label: shortToken(t.trim()),
      explanation: 'Found as a document of its own.',
      repaired: false,
      diagnostics: [],
    }))
}

/**
 * Tokens in parsed JSON or YAML documents: Secrets, TokenRequests, kubeconfigs, kubelet
 * CredentialProviderRequests and CSI token maps (alone, in a `List`, or one per YAML document),
 * TokenReviews and SelfSubjectReviews with the tokens pasted next to them, then well-known token
 * fields in anything else.
 */
export function documentCandidates(docs: unknown[], format: 'JSON' | 'YAML'): Found {
  const objects = docs.flatMap((d) => (isList(d) ? asArr(at(d, 'items')) : [d]))
  const found: Found = { candidates: [], diagnostics: [] }
  const review = objects.find(isReview)
  let known = 0
  for (const obj of objects) {
    if (obj === review) continue
    const r = kubernetesObject(obj)
    if (r) {
      known++
      found.candidates.push(...r.candidates)
      found.diagnostics.push(...r.diagnostics)
    }
  }
  if (review !== undefined) {
    const { context, token } = readReview(review)
    const others = [...found.candidates, ...bareTokens(objects)]
    const r = reviewCandidates(context, token, others)
    return { candidates: r.candidates, diagnostics: found.diagnostics.filter((d) => d.code !== 'NO_TOKEN_FOUND') }
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

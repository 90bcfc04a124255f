import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { bearerCandidate } from './bearer.ts'
import { asArr, asStr, at } from './objects.ts'
import { looksLikeJwt } from './text.ts'
import type { Candidate, KubeconfigContext } from './types.ts'
import { diagnostic } from './codes.ts'

/** True when a parsed document is a kubeconfig: `kind: Config`, or users and clusters lists. */
export function isKubeconfig(doc: unknown): boolean {
  return (
    at(doc, 'kind') === 'Config' ||
    (Array.isArray(at(doc, 'users')) && (Array.isArray(at(doc, 'clusters')) || Array.isArray(at(doc, 'contexts'))))
  )
}

/** How a user without a token authenticates, for the note that says why it is not offered. */
function otherAuth(user: unknown): string {
  if (at(user, 'tokenFile') !== undefined)
    return `reads its token from the file ${asStr(at(user, 'tokenFile')) ?? ''}, which this page cannot open`
  if (at(user, 'exec') !== undefined)
    return `gets its token from the exec plugin ${asStr(at(user, 'exec', 'command')) ?? ''} at run time`
  if (at(user, 'auth-provider') !== undefined) return 'uses an auth provider'
  if (at(user, 'client-certificate-data') !== undefined || at(user, 'client-certificate') !== undefined)
    return 'uses a client certificate'
  if (at(user, 'username') !== undefined) return 'uses a username and password'
  return 'has no token'
}

/**
 * One candidate per `users[].user.token`, the current context's user first. Users that
 * authenticate some other way are named in an info diagnostic.
 */
export function kubeconfigCandidates(doc: unknown): { candidates: Candidate[]; diagnostics: Diagnostic[] } {
  const current = asStr(at(doc, 'current-context'))
  const contexts = asArr(at(doc, 'contexts')).map((c) => ({
    name: asStr(at(c, 'name')) ?? '',
    user: asStr(at(c, 'context', 'user')),
    cluster: asStr(at(c, 'context', 'cluster')),
    namespace: asStr(at(c, 'context', 'namespace')),
  }))
  const currentUser = contexts.find((c) => c.name === current)?.user
  // The contexts of each user, gathered once: filtering all contexts for each user was quadratic.
  const contextsOf = new Map<string, typeof contexts>()
  for (const c of contexts) {
    if (c.user === undefined) continue
    const list = contextsOf.get(c.user)
    if (list) list.push(c)
    else contextsOf.set(c.user, [c])
  }
  const candidates: Candidate[] = []
  const without: string[] = []
  for (const entry of asArr(at(doc, 'users'))) {
    const user = asStr(at(entry, 'name')) ?? '(unnamed)'
    const token = asStr(at(entry, 'user', 'token'))?.trim()
    if (!token) {
      without.push(`"${user}" ${otherAuth(at(entry, 'user'))}`)
      continue
    }
    if (token === 'REDACTED') {
      without.push(`"${user}" has its token redacted, as kubectl config view does without --raw`)
      continue
    }
    const used = contextsOf.get(user) ?? []
    if (!looksLikeJwt(token)) {
      const bearer = bearerCandidate(token, 'kubeconfig', `kubeconfig user "${user}"`)
      if (bearer)
        candidates.push({
          ...bearer,
          label: `user "${user}": ${bearer.context?.kind === 'bearer' ? bearer.context.title : ''}`,
        })
      else without.push(`"${user}" has a token that is not a JWT (a static token, say)`)
      continue
    }
    const context: KubeconfigContext = {
      kind: 'kubeconfig',
      user,
      contexts: used.map((c) => ({
        name: c.name,
        ...(c.cluster !== undefined ? { cluster: c.cluster } : {}),
        ...(c.namespace !== undefined ? { namespace: c.namespace } : {}),
      })),
      ...(current !== undefined ? { currentContext: current } : {}),
      isCurrentUser: user === currentUser,
    }
    const usage =
      used.length === 0
        ? 'used by no context'
        : `used by ${used.map((c) => `context "${c.name}"${c.name === current ? ' (current)' : ''} on cluster "${c.cluster ?? '?'}"`).join(', ')}`
    candidates.push({
      token,
      source: 'kubeconfig',
      label: `user "${user}"${context.isCurrentUser ? ' (current context)' : ''}`,
      explanation: `Found in kubeconfig user "${user}", ${usage}.`,
      repaired: false,
      diagnostics: [],
      context,
    })
  }
  // Stable sort: the current context's user first, the others in file order.
  candidates.sort((a, b) => Number(isCurrent(b)) - Number(isCurrent(a)))
  const diagnostics: Diagnostic[] = []
  if (without.length > 0) {
    diagnostics.push(
      diagnostic(
        'KUBECONFIG_USER_WITHOUT_TOKEN',
        `Not offered, as they hold no JWT in the file: user ${without.join('; user ')}.`,
        { part: 'input' },
      ),
    )
  }
  if (candidates.length === 0) {
    diagnostics.push(diagnostic('NO_TOKEN_FOUND', 'This kubeconfig has no user with a token field.', { part: 'input' }))
  }
  return { candidates, diagnostics }
}

function isCurrent(c: Candidate): boolean {
  return c.context?.kind === 'kubeconfig' && c.context.isCurrentUser
}

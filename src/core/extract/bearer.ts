// Bearer tokens that are not JWTs: named and explained instead of being decoded as broken JWTs.
import type { Diagnostic, Span } from '../diagnostics/diagnostic.ts'
import { diagnostic } from './codes.ts'
import { encodeBase64url } from '../encoding/base64.ts'
import { sha256 } from '../encoding/sha256.ts'
import { readEksToken } from './eks.ts'
import type { BearerContext, Candidate, ExtractionSource } from './types.ts'

/** OpenShift OAuth access tokens: `sha256~` and 43 base64url characters (oauth-server pkg/server/crypto). */
const OPENSHIFT = /^sha256~([A-Za-z0-9_-]{43})$/
/** cluster-bootstrap token/api/types.go `BootstrapTokenPattern`. */
const BOOTSTRAP = /^([a-z0-9]{6})\.([a-z0-9]{16})$/
/** aws-iam-authenticator's prefix, with any version, so that a wrong version is named too. */
const EKS = /^k8s-aws-v\d+\./

/** True when the text is a bearer token this page names rather than decodes. */
export function isKnownBearer(text: string): boolean {
  return OPENSHIFT.test(text) || BOOTSTRAP.test(text) || EKS.test(text)
}

function openshift(secret: string): BearerContext {
  // oauth-server registrystorage: the OAuthAccessToken object is named after the hash of the
  // secret part, so the name can be shown without the token.
  const object = `sha256~${encodeBase64url(sha256(new TextEncoder().encode(secret)))}`
  return {
    kind: 'bearer',
    bearer: 'openshift-oauth',
    title: 'OpenShift OAuth access token',
    summary:
      'Not a JWT: sha256~ followed by 32 random bytes in base64url, issued by the OpenShift OAuth server (oc login, the web console). The API server looks it up as an OAuthAccessToken object; the user it names gets the group system:authenticated:oauth and the token’s scopes as the user extra scopes.authorization.openshift.io. An object name has the same shape, so a pasted name cannot be told apart from a token.',
    facts: [
      { label: 'Its OAuthAccessToken object', value: object },
      { label: 'Refresh tokens', value: 'carry no sha256~ prefix' },
    ],
    command: `oc get oauthaccesstoken ${object}`,
  }
}

function bootstrap(id: string): BearerContext {
  return {
    kind: 'bearer',
    bearer: 'bootstrap',
    title: 'Kubernetes bootstrap token',
    summary:
      'Not a JWT: a token id and a secret joined by a dot, which kubeadm join and kubelet TLS bootstrapping use. The API server finds the Secret named after the id in kube-system, compares the secret part and checks the expiration and the usage-bootstrap-authentication flag.',
    facts: [
      { label: 'Token id', value: id },
      { label: 'Secret', value: `kube-system/bootstrap-token-${id} (type bootstrap.kubernetes.io/token)` },
      { label: 'User', value: `system:bootstrap:${id}` },
      { label: 'Groups', value: 'system:bootstrappers, plus the Secret’s auth-extra-groups' },
      { label: 'The secret part', value: 'the 16 characters after the dot: the credential itself' },
    ],
    command: `kubectl -n kube-system get secret bootstrap-token-${id} -o jsonpath='{.data.expiration}' | base64 -d`,
  }
}

/** What a recognised bearer token is, with diagnostics (the EKS authenticator's refusals). */
export function readBearer(text: string): { context: BearerContext; diagnostics: Diagnostic[] } | undefined {
  let m = OPENSHIFT.exec(text)
  if (m) return { context: openshift(m[1] ?? ''), diagnostics: [] }
  m = BOOTSTRAP.exec(text)
  if (m) return { context: bootstrap(m[1] ?? ''), diagnostics: [] }
  if (EKS.test(text)) return readEksToken(text)
  return undefined
}

/**
 * A candidate for a non-JWT bearer token found at `span` (or in a field): no token to decode, the
 * context that names it, and a BEARER_NOT_JWT info (on `span`), so that the page explains it
 * instead of reporting a broken JWT. Undefined when the text is no bearer token this page knows.
 */
export function bearerCandidate(
  text: string,
  source: ExtractionSource,
  where: string,
  span?: Span,
): Candidate | undefined {
  const read = readBearer(text)
  if (!read) return undefined
  const { context } = read
  return {
    token: '',
    source,
    label: `${context.title} (${where})`,
    explanation: `${where[0]?.toUpperCase() ?? ''}${where.slice(1)}: ${/^[aeiou]/i.test(context.title) ? 'an' : 'a'} ${context.title}, not a JWT.`,
    // No span: a candidate's span points at its token text, and this one has none to decode.
    repaired: false,
    diagnostics: [
      diagnostic(
        'BEARER_NOT_JWT',
        `${context.title}: ${context.summary}`,
        span ? { part: 'input', span } : { part: 'input' },
      ),
      ...read.diagnostics,
    ],
    context,
  }
}

/**
 * The explanation for one word that is not a JWT and not a bearer token this page knows. The API
 * server also accepts opaque tokens, such as those of a static token file (--token-auth-file, a
 * CSV of token,user,uid,"groups"), so the text may still be a credential; nothing in its shape
 * can tell.
 */
export function opaqueTokenHint(span: Span): Diagnostic {
  return diagnostic(
    'BEARER_OPAQUE',
    'This is one word without the dots of a JWT. If it is a bearer token, it is an opaque one: Kubernetes also accepts static tokens from a --token-auth-file (a CSV of token,user,uid,"groups"), webhook-authenticated tokens and others whose meaning only their issuer knows. Nothing in its shape says which.',
    { part: 'input', span },
  )
}

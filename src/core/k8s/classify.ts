import { diagnostic, type Diagnostic, type DiagnosticOptions } from '../diagnostics/diagnostic.ts'
import { escapePointerToken, type JsonObject } from '../encoding/json.ts'
import type { TokenKind } from '../analysis/kind.ts'
import { LEGACY_CLAIMS, readKubernetesClaims, type KubernetesClaims } from './claims.ts'
import { headerDiagnostics } from './header.ts'
import { makeUsername, splitUsername } from './username.ts'

export interface KubernetesClassification {
  kind: TokenKind
  claims?: KubernetesClaims
  diagnostics: Diagnostic[]
}

const onClaim = (pointer: string): DiagnosticOptions => ({
  pointer,
  location: 'payload',
  part: 'payload',
})

function kindOf(c: KubernetesClaims): TokenKind {
  if (c.shape === 'legacy') return 'k8s-legacy'
  if (c.pod) return 'k8s-bound-pod'
  if (c.secret) return 'k8s-bound-secret'
  if (c.node) return 'k8s-bound-node'
  if (c.otherRefs.length > 0) return 'k8s-bound-other'
  return 'k8s-token-request'
}

function legacyDiagnostics(payload: JsonObject): Diagnostic[] {
  const out: Diagnostic[] = []
  // legacy.go Validate rejects the token when any of these is missing or empty.
  for (const claim of Object.values(LEGACY_CLAIMS)) {
    if (typeof payload[claim] !== 'string' || payload[claim] === '') {
      out.push(diagnostic('K8S_LEGACY_CLAIM_MISSING', `Legacy token without ${claim}: the API server rejects it.`))
    }
  }
  return out
}

function boundDiagnostics(c: KubernetesClaims): Diagnostic[] {
  const out: Diagnostic[] = []
  if (!c.namespace) {
    out.push(
      diagnostic(
        'K8S_NAMESPACE_MISSING',
        'kubernetes.io has no namespace: the API server cannot find the service account.',
      ),
    )
  }
  if (!c.serviceAccount.name || !c.serviceAccount.uid) {
    out.push(
      diagnostic(
        'K8S_SERVICEACCOUNT_INCOMPLETE',
        'kubernetes.io.serviceaccount lacks name or uid: the API server checks both against the live account.',
      ),
    )
  }
  if (c.secret && (c.pod || c.node)) {
    out.push(
      diagnostic(
        'K8S_BOUND_CONFLICT',
        `Bound to a Secret and a ${c.pod ? 'pod' : 'node'}: the API server never issues this.`,
      ),
    )
  }
  for (const kind of ['pod', 'secret', 'node'] as const) {
    const ref = c[kind]
    if (!ref) continue
    // node.uid may be missing on a pod-bound token when the Node could not be read at issuance.
    const uidOptional = kind === 'node' && c.pod !== undefined
    if (!ref.name || (!ref.uid && !uidOptional)) {
      out.push(
        diagnostic(
          'K8S_BOUND_REF_INCOMPLETE',
          `kubernetes.io.${kind} lacks ${ref.name ? 'uid' : 'name'}: the API server would refuse it.`,
          onClaim(`/kubernetes.io/${kind}`),
        ),
      )
    }
  }
  for (const key of c.otherRefs) {
    out.push(
      diagnostic(
        'K8S_UNKNOWN_BOUND_OBJECT',
        `kubernetes.io.${key}: a bound object kind this page does not know, shown as written.`,
        onClaim(`/kubernetes.io/${escapePointerToken(key)}`),
      ),
    )
  }
  return out
}

function subjectDiagnostics(c: KubernetesClaims): Diagnostic[] {
  const legacy = c.shape === 'legacy'
  if (c.sub === undefined) {
    return [
      legacy
        ? diagnostic('K8S_LEGACY_SUB_MISSING', 'No sub: the API server rejects it.')
        : diagnostic('K8S_SUB_MISSING', 'No sub: the API server always writes one.'),
    ]
  }
  const split = splitUsername(c.sub)
  if (!split.ok) {
    return [
      diagnostic(
        legacy ? 'K8S_LEGACY_SUB_UNPARSABLE' : 'K8S_SUB_UNPARSABLE',
        `sub is not a service account username: ${split.reason}.`,
        onClaim('/sub'),
      ),
    ]
  }
  const namespace = c.namespace
  const name = c.serviceAccount.name
  if (namespace === undefined || name === undefined || (split.namespace === namespace && split.name === name)) return []
  // Only the legacy validator compares sub; bound tokens take the identity from kubernetes.io.
  return [
    legacy
      ? diagnostic(
          'K8S_LEGACY_SUB_MISMATCH',
          `sub does not match ${makeUsername(namespace, name)}: the API server rejects it.`,
          onClaim('/sub'),
        )
      : diagnostic(
          'K8S_SUB_MISMATCH',
          `sub does not match ${makeUsername(namespace, name)}: the API server uses the latter and never issues a mismatch.`,
          onClaim('/sub'),
        ),
  ]
}

function shapeDiagnostics(c: KubernetesClaims, payload: JsonObject): Diagnostic[] {
  const out: Diagnostic[] = []
  if (c.mixed) {
    out.push(
      diagnostic(
        'K8S_MIXED_SHAPE',
        'Legacy flat claims and a nested kubernetes.io object together: no release writes both. Read as a bound token.',
      ),
    )
  }
  if (c.shape === 'legacy' && (payload.exp !== undefined || payload.aud !== undefined)) {
    out.push(
      diagnostic(
        'K8S_LEGACY_WITH_EXPIRY',
        'Legacy claims with exp or aud: Kubernetes writes neither into legacy tokens.',
      ),
    )
  }
  return out
}

/**
 * Classifies a JWT payload as one of the Kubernetes service account token kinds by its claim
 * shape (never by `iss`), with diagnostics for partial or inconsistent shapes. Returns kind `jwt`
 * and no diagnostics for any other payload. Never throws.
 */
export function classifyKubernetes(payload: JsonObject, header?: JsonObject): KubernetesClassification {
  const claims = readKubernetesClaims(payload)
  if (!claims) return { kind: 'jwt', diagnostics: [] }
  const diagnostics = [
    ...shapeDiagnostics(claims, payload),
    ...(claims.shape === 'legacy' ? legacyDiagnostics(payload) : boundDiagnostics(claims)),
    ...subjectDiagnostics(claims),
    ...(header ? headerDiagnostics(header) : []),
  ]
  return { kind: kindOf(claims), claims, diagnostics }
}

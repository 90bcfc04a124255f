// The findings about a Kubernetes token's claim shape. Lazily loaded with the other header and
// claim checks (checks/tokenChecks.ts); the start-up bundle only classifies (classify.ts).
import type { Diagnostic, DiagnosticOptions } from '../diagnostics/diagnostic.ts'
import { diagnostic } from './codes.ts'
import { escapePointerToken, type JsonObject } from '../encoding/json.ts'
import { LEGACY_CLAIMS, readKubernetesClaims, type KubernetesClaims } from './claims.ts'
import { headerDiagnostics } from './header.ts'
import { signerShape } from './signer.ts'
import { makeUsername, splitUsername } from './username.ts'

const onClaim = (pointer: string): DiagnosticOptions => ({
  pointer,
  location: 'payload',
  part: 'payload',
})

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
 * What is partial or inconsistent in a Kubernetes token's claims and header, as diagnostics on
 * the rows they concern: legacy claims missing, a namespace or account missing, conflicting or
 * incomplete bindings, objects of unknown kinds, a `sub` that is not the account's username, and
 * an algorithm the API server never signs with. Returns nothing for a payload that is not a
 * Kubernetes token. The findings of rarer shapes (a webhook binding, an external signer) are
 * in checks/shapes.ts, which loads on demand. Never throws.
 */
export function kubernetesDiagnostics(payload: JsonObject, header?: JsonObject): Diagnostic[] {
  const claims = readKubernetesClaims(payload)
  if (!claims) return []
  return [
    ...shapeDiagnostics(claims, payload),
    ...(claims.shape === 'legacy' ? legacyDiagnostics(payload) : boundDiagnostics(claims)),
    ...subjectDiagnostics(claims),
    ...(header ? headerDiagnostics(header) : []),
  ]
}

/** A webhook binding, attestations, or an external signer's header: the shapes checks/shapes.ts looks at. */
export function hasRareKubernetesShape(claims: KubernetesClaims, header: JsonObject): boolean {
  return (
    (claims.shape === 'bound' && (claims.webhooks.length > 0 || claims.attestations !== undefined)) ||
    signerShape(header, claims).kind === 'external'
  )
}

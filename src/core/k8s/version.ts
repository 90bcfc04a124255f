// Which Kubernetes release could have written a token, from its shape alone. Each signal has the
// release from which it appears with default settings, and, for features that started behind an
// alpha gate, the earlier release where turning the gate on was enough. Gate versions from k/k
// pkg/features/kube_features.go and apiserver pkg/features/kube_features.go (24a394e5).
import type { JsonObject } from '../encoding/json.ts'
import type { KubernetesClaims } from './claims.ts'
import { isMergedSpelling } from './webhook.ts'
import { signerShape } from './signer.ts'

export interface VersionSignal {
  /** What in the token shows it. */
  signal: string
  /** The first release that writes it with default settings; undefined while it is alpha only. */
  since?: string
  /** The first release that writes it with an alpha gate turned on, and the gate. */
  alpha?: { release: string; gate: string }
  /** The release before which the signal was written, for signals that later changed. */
  before?: string
}

export interface VersionHint {
  /** "issued by Kubernetes ≥ atLeast": the highest lower bound among the signals, with default gates. */
  atLeast?: string
  /** The lower bound had every alpha gate been on, when it is earlier than `atLeast`. */
  withAlphaGates?: string
  /** When the bound rests on an alpha feature: the gate that had to be on. */
  alphaGate?: string
  /** An upper bound, such as an empty kid (before 1.16). */
  before?: string
  /** True when the signals contradict each other: no release writes them all. */
  inconsistent: boolean
  evidence: VersionSignal[]
}

const minor = (v: string) => Number(v.split('.')[1] ?? 0)
const KID_SHA256 = /^[A-Za-z0-9_-]{43}$/

function signals(c: KubernetesClaims, header: JsonObject | undefined): VersionSignal[] {
  const out: VersionSignal[] = []
  if (c.shape === 'legacy') return out
  out.push({
    signal: 'a nested kubernetes.io object: a TokenRequest (bound) token',
    since: '1.12',
    alpha: { release: '1.10', gate: 'TokenRequest' },
  })
  const signer = signerShape(header, c)
  if (signer.kind === 'in-process' && typeof header?.kid === 'string') {
    if (header.kid === '') out.push({ signal: 'an empty kid in the header', before: '1.16' })
    else if (KID_SHA256.test(header.kid))
      out.push({ signal: 'kid is the SHA-256 of the signing key (kubernetes/kubernetes#78502)', since: '1.16' })
  }
  if (c.warnafter !== undefined)
    out.push({ signal: 'warnafter: an extended token (--service-account-extend-token-expiration)', since: '1.19' })
  if (c.jti !== undefined)
    out.push({
      signal: 'jti, the credential id',
      since: '1.30',
      alpha: { release: '1.29', gate: 'ServiceAccountTokenJTI' },
    })
  if (c.pod && c.node)
    out.push({
      signal: 'the node of a pod-bound token',
      since: '1.30',
      alpha: { release: '1.29', gate: 'ServiceAccountTokenPodNodeInfo' },
    })
  if (c.node && !c.pod && !c.secret)
    out.push({
      signal: 'a token bound to a node',
      since: '1.31',
      alpha: { release: '1.29', gate: 'ServiceAccountTokenNodeBinding' },
    })
  if (signer.kind === 'external')
    out.push({
      signal: 'the external signer’s header (exactly alg, kid and typ JWT)',
      since: '1.34',
      alpha: { release: '1.32', gate: 'ExternalServiceAccountTokenSigner' },
    })
  if (c.webhooks.some(isMergedSpelling))
    out.push({
      signal: 'a binding to an admission webhook configuration',
      alpha: { release: '1.37', gate: 'APIServerWebhookAuthenticationToken' },
    })
  return out
}

/**
 * The releases that could have issued this token, judged by its shape: `jti` and a pod's `node`
 * mean 1.30 or later (1.29 with the alpha gates), a node binding 1.31, the external signer's
 * header 1.34 (1.32 with its gate), a webhook binding 1.37 with its alpha gate on, and an empty
 * `kid` a release before 1.16. Nothing is concluded for legacy tokens, which every release accepts.
 */
export function clusterVersion(c: KubernetesClaims, header: JsonObject | undefined): VersionHint {
  const evidence = signals(c, header)
  let atLeast: string | undefined
  let gated: string | undefined
  let alphaGate: string | undefined
  let before: string | undefined
  const higher = (a: string | undefined, b: string) => !a || minor(b) > minor(a)
  for (const s of evidence) {
    const floor = s.since ?? s.alpha?.release
    if (floor && higher(atLeast, floor)) {
      atLeast = floor
      alphaGate = s.since ? undefined : s.alpha?.gate
    }
    const earliest = s.alpha?.release ?? s.since
    if (earliest && higher(gated, earliest)) gated = earliest
    if (s.before && (!before || minor(s.before) < minor(before))) before = s.before
  }
  const hint: VersionHint = { inconsistent: Boolean(atLeast && before && minor(atLeast) >= minor(before)), evidence }
  if (atLeast) hint.atLeast = atLeast
  if (atLeast && gated && minor(gated) < minor(atLeast)) hint.withAlphaGates = gated
  if (alphaGate) hint.alphaGate = alphaGate
  if (before) hint.before = before
  return hint
}

/** "issued by Kubernetes ≥ 1.30", with the alpha gate or the upper bound when there is one. */
export function versionPhrase(h: VersionHint): string {
  if (h.inconsistent) return 'no single Kubernetes release writes all of these'
  const parts: string[] = []
  if (h.atLeast) parts.push(`≥ ${h.atLeast}`)
  if (h.before) parts.push(`< ${h.before}`)
  if (parts.length === 0) return 'any Kubernetes release'
  const gates = h.withAlphaGates ? ` (≥ ${h.withAlphaGates} if alpha gates were turned on)` : ''
  const alpha = h.alphaGate ? `, with the alpha gate ${h.alphaGate} on (off by default)` : ''
  return `issued by Kubernetes ${parts.join(' and ')}${gates}${alpha}`
}

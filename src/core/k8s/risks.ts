import { CODES, type BannerId, type CodeInfo } from '../diagnostics/codes.ts'
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts'
import type { JsonObject } from '../encoding/json.ts'
import { spellDuration } from '../time/duration.ts'
import { validityAt } from '../time/validity.ts'
import { listSome } from '../diagnostics/listSome.ts'
import type { KubernetesClaims } from './claims.ts'
import { ApiServerLeewaySeconds } from './extension.ts'
import { isApiServerAudience } from './apiAudience.ts'
import { signerShape } from './signer.ts'
import { diagnostic, KUBERNETES_CODES } from './codes.ts'

/** What the risk banner is computed from: facts the analysis already has. */
export interface RiskFacts {
  claims: KubernetesClaims
  payload: JsonObject
  header: JsonObject | undefined
  /** The analysis' diagnostics: those the registry flags for the banner (an unexpected alg) join it. */
  diagnostics: readonly Diagnostic[]
}

const KID_SHA256 = /^[A-Za-z0-9_-]{43}$/

function headerRisks(header: JsonObject | undefined, c: KubernetesClaims): Diagnostic[] {
  if (!header) return []
  // An external signer must write typ and chooses its own kid: neither is a risk then. The
  // Kubernetes panel names the signer instead.
  if (signerShape(header, c).kind === 'external') return []
  const out: Diagnostic[] = []
  if (header.typ !== undefined) {
    out.push(
      diagnostic(
        'K8S_TYP_PRESENT',
        'The header has typ. The API server’s own signer writes none; an external signer (ExternalServiceAccountTokenSigner) must write typ JWT, and legacy tokens from around 2017 had it too. A hint, not proof.',
      ),
    )
  }
  if (header.kid === '')
    out.push(
      diagnostic(
        'K8S_KID_EMPTY',
        'kid is empty, as in tokens from Kubernetes 1.11–1.15: the API server then tries every configured key.',
      ),
    )
  else if (header.kid === undefined)
    out.push(
      diagnostic(
        'K8S_KID_MISSING',
        'No kid: tokens from current clusters name their key (a SHA-256 of it, or a provider-specific id such as EKS’s 40 hex digits).',
      ),
    )
  else if (typeof header.kid === 'string' && !KID_SHA256.test(header.kid) && !/^[0-9a-f]{40}$/.test(header.kid)) {
    out.push(
      diagnostic(
        'K8S_KID_UNUSUAL',
        `kid ${header.kid} is neither the 43-character SHA-256 key id Kubernetes derives nor a 40-hex EKS id; managed clusters may still use their own.`,
      ),
    )
  }
  return out
}

/** How the API server, with its own fixed leeway, sees a token this page calls expired or early. */
function apiServerVerdict(secondsOut: number): string {
  const left = ApiServerLeewaySeconds - secondsOut
  return left > 0
    ? `The API server allows ${ApiServerLeewaySeconds} s of clock skew of its own, so it still accepts the token for another ${spellDuration(left)}.`
    : `That is beyond the ${ApiServerLeewaySeconds} s of clock skew the API server allows, so it refuses the token.`
}

function validityRisk(c: KubernetesClaims, payload: JsonObject, nowSeconds: number, leeway: number) {
  // The page's leeway, the one the Time panel shows, so the banner and the badge never disagree;
  // the message adds what the API server itself, with its fixed 60 s, decides.
  const judged = `judged with this page's clock-skew leeway of ${leeway} s, as in the Time panel`
  switch (validityAt(payload, nowSeconds, leeway, c.warnafter)) {
    case 'no-expiry':
      return diagnostic(
        'K8S_NEVER_EXPIRES',
        c.shape === 'legacy'
          ? 'This token never expires. It is valid until its Secret is deleted, for anyone who holds a copy.'
          : 'This token has no exp, so it never expires.',
      )
    case 'expired': {
      const past = nowSeconds - (c.exp ?? nowSeconds)
      return diagnostic(
        'K8S_EXPIRED',
        `This token expired ${spellDuration(past)} ago (${judged}). ${apiServerVerdict(past)}`,
      )
    }
    case 'stale':
      return diagnostic(
        'K8S_STALE',
        'Past warnafter: the token is still accepted, but each use is audited as stale-token. The client is not reloading its token file.',
      )
    case 'not-yet-valid': {
      const early = (c.nbf ?? nowSeconds) - nowSeconds
      return diagnostic(
        'K8S_NOT_YET_VALID',
        `This token is not valid for another ${spellDuration(early)}: nbf is in the future (${judged}); check the clocks. ${apiServerVerdict(early)}`,
      )
    }
    case 'valid':
      return undefined
  }
}

/** The banner's `data-risk` id of a diagnostic, when the registry flags its code for the banner. */
export function bannerId(d: Diagnostic): BannerId | undefined {
  const table: Readonly<Record<string, CodeInfo>> = { ...CODES, ...KUBERNETES_CODES }
  return table[d.code]?.banner
}

/**
 * The few facts about a Kubernetes token that matter most, for the banner at the top of the page:
 * no expiry, expired, stale or not yet valid at `nowSeconds` (with `leewaySeconds`, the page's
 * clock-skew leeway that the validity badge uses too; the messages add the verdict of the API
 * server's own 60 s), an audience other than the API server, and header oddities (none for the
 * header an external signer must write). Registry diagnostics, each flagged for the banner;
 * errors first. Pure: the clock is an argument.
 */
export function kubernetesRisks(facts: RiskFacts, nowSeconds: number, leewaySeconds = 0): Diagnostic[] {
  const { claims: c, payload, header } = facts
  const out: Diagnostic[] = []
  const validity = validityRisk(c, payload, nowSeconds, leewaySeconds)
  if (validity) out.push(validity)
  const foreign = c.aud.filter((a) => !isApiServerAudience(a, c.iss))
  if (foreign.length > 0) {
    out.push(
      diagnostic(
        'K8S_FOREIGN_AUDIENCE',
        `Audience ${listSome(foreign)}: meant for a service other than the API server. Whoever receives it can replay it to any other service that accepts that audience.`,
      ),
    )
  }
  // Found by the analysis already (and shown on its row); the banner repeats it as a risk.
  out.push(...facts.diagnostics.filter((d) => bannerId(d) !== undefined))
  out.push(...headerRisks(header, c))
  return sortDiagnostics(out)
}

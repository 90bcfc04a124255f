import { decodeTokenSteps, type DecodeOptions, type DecodedToken } from '../decode/decodeToken.ts'
import { runSteps, type Steps } from '../decode/steps.ts'
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { extractSimple } from '../extract/simple.ts'
import type { ExtractOptions, Extraction } from '../extract/types.ts'
import { structuralKind, type TokenKind } from './kind.ts'
import { claimRows, type ClaimRow } from './rows.ts'
import { capDiagnostics } from '../diagnostics/cap.ts'
import { placeDiagnostics, type Placement } from '../diagnostics/placement.ts'
import { classifyKubernetes } from '../k8s/classify.ts'
import type { KubernetesClaims } from '../k8s/claims.ts'
import type { ExplainContext } from '../knowledge/knowledge.ts'
import { detectProviders } from '../knowledge/providers.ts'
import type { ProviderId } from '../knowledge/types.ts'

export { runSteps, type Steps }

export interface Analysis {
  input: string
  extraction: Extraction
  decoded: DecodedToken
  kind: TokenKind
  /**
   * Extraction diagnostics (spans into `input`) followed by decoding diagnostics (spans into
   * `decoded.token`, which the page shows coloured by part).
   */
  diagnostics: Diagnostic[]
  headerRows: ClaimRow[]
  payloadRows: ClaimRow[]
  /** Providers recognised by the issuer, whose claim meanings apply to this token. */
  issuerProviders: ProviderId[]
  /** The Kubernetes claims, read once here, for a Kubernetes service account token. */
  kubernetes?: KubernetesClaims
  /** What the knowledge base needs to choose each row's meanings (issuer providers, header, Kubernetes). */
  explainContext: ExplainContext
  /** Which row shows each diagnostic, or the general list: decided once, here. */
  placement: Placement
}

/** Extra checks run on the decoded token; the knowledge base's checks are loaded lazily (src/app/modules.ts). */
export type TokenChecks = (decoded: DecodedToken, issuerProviders: readonly ProviderId[]) => Diagnostic[]

/** What the page hands to `analyze()` once the lazily loaded parts have arrived. */
export interface AnalyzeOptions extends ExtractOptions, DecodeOptions {
  checks?: TokenChecks | undefined
  /**
   * The checks of rarer token shapes (checks/shapes.ts: webhook bindings, external signers, DPoP,
   * SPIFFE, GitHub Actions), loaded on demand for a token that has one (Knowledge.needsShapeChecks).
   */
  shapeChecks?: TokenChecks | undefined
  /**
   * What decoding found, in words (checks/decodingNotes.ts: an encrypted, unsecured or SD-JWT
   * token, a payload that is not claims, duplicate members, imprecise numbers), loaded with the
   * shape checks for a token that has any (Knowledge.needsShapeChecks). They come first among
   * the checks' findings, where tokenChecks has them.
   */
  decodingNotes?: TokenChecks | undefined
  /**
   * The notes of the shared link this text was opened from (redacted rows, a kind that differs
   * from the sharer's), when it was: they become part of the diagnostics like any other.
   */
  sharedNotes?: ((analysis: Pick<Analysis, 'kind'>) => Diagnostic[]) | undefined
}

/**
 * The part of an analysis that the knowledge base's checks and a shared link's notes do not
 * change: when those arrive, only `finishSteps` runs again, over the same rows (so the row
 * window keeps what the user expanded, and a 1 MB token is not decoded twice).
 */
export type AnalysisBase = Omit<Analysis, 'diagnostics' | 'placement'>

/**
 * Extracts, decodes and classifies `input`, and builds its rows: the first part of `analyze()`,
 * in steps. Each step is linear in the input and bounded: the JSON of a 1 MB token is parsed a
 * quarter-megabyte per step, tens of milliseconds each.
 */
export function* baseSteps(input: string, options: ExtractOptions & DecodeOptions = {}): Steps<AnalysisBase> {
  const extraction = options.extract ? options.extract(input, options) : extractSimple(input)
  yield
  const decoded = yield* decodeTokenSteps(extraction.token, options)
  yield
  const payload = decoded.payload
  const structural = structuralKind(decoded)
  const k8s = structural === 'jwt' && payload.kind === 'claims' ? classifyKubernetes(payload.json.value) : undefined
  const issuerProviders = detectProviders(
    decoded.header?.value ?? null,
    payload.kind === 'claims' ? payload.json.value : null,
  )
  const kind = k8s?.kind ?? structural
  yield
  const base: AnalysisBase = {
    input,
    headerRows: decoded.header ? claimRows(decoded.header) : [],
    payloadRows: payload.kind === 'claims' ? claimRows(payload.json) : [],
    extraction,
    decoded,
    kind,
    issuerProviders,
    explainContext: {
      providers: issuerProviders,
      header: decoded.header?.value ?? null,
      kubernetes: kind.startsWith('k8s-'),
    },
  }
  if (k8s?.claims) base.kubernetes = k8s.claims
  return base
}

/**
 * The rest of `analyze()`, in steps: the knowledge base's checks and the shared link's notes join
 * the diagnostics, which are capped per code and placed on their rows.
 */
export function* finishSteps(
  base: AnalysisBase,
  {
    checks,
    shapeChecks,
    decodingNotes,
    sharedNotes,
  }: Pick<AnalyzeOptions, 'checks' | 'shapeChecks' | 'decodingNotes' | 'sharedNotes'> = {},
): Steps<Analysis> {
  const { extraction, decoded } = base
  const checked = [
    ...(decodingNotes?.(decoded, base.issuerProviders) ?? []),
    ...(checks?.(decoded, base.issuerProviders) ?? []),
    ...(shapeChecks?.(decoded, base.issuerProviders) ?? []),
  ]
  if (checks) yield
  let diagnostics = [
    ...extraction.diagnostics,
    // A bearer token that is not a JWT, or a review without one: the extraction says what it is.
    ...(extraction.token === '' && extraction.context ? [] : decoded.diagnostics),
    ...checked,
  ]
  if (sharedNotes) diagnostics.push(...sharedNotes(base))
  // At most a few of each code: a crafted token can repeat one flaw a hundred thousand times.
  diagnostics = capDiagnostics(diagnostics)
  return { ...base, diagnostics, placement: placeDiagnostics(diagnostics, base.headerRows, base.payloadRows) }
}

/**
 * The whole pipeline from pasted text to what the page shows: extract, decode, classify, check.
 * Pure and synchronous; never throws, and takes time linear in the size of the input (the
 * adversarial corpus in src/test/adversarial.mjs holds it to that). Without options only simple
 * pastes are extracted (see `extractSimple`); `options.extract` is the full `extractToken`, loaded lazily by the page, and
 * `options` also carries the YAML parser, the token the user picked among several, and the
 * knowledge base's `checks` once they have loaded. `baseSteps` and `finishSteps` are the same
 * pipeline in steps.
 */
export function analyze(input: string, options: AnalyzeOptions = {}): Analysis {
  return runSteps(finishSteps(runSteps(baseSteps(input, options)), options))
}

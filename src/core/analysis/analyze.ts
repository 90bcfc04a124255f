import { decodeToken, type DecodeOptions, type DecodedToken } from '../decode/decodeToken.ts'
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { extractSimple } from '../extract/simple.ts'
import type { ExtractOptions, Extraction } from '../extract/types.ts'
import { structuralKind, type TokenKind } from './kind.ts'
import { claimRows, type ClaimRow } from './rows.ts'
import { capDiagnostics } from '../diagnostics/cap.ts'
import { rowOfDiagnostic } from '../diagnostics/placement.ts'
import { classifyKubernetes } from '../k8s/classify.ts'
import { timeDiagnostics } from '../time/checks.ts'
import { detectProviders } from '../knowledge/providers.ts'
import type { ProviderId } from '../knowledge/types.ts'

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
}

/**
 * True when a diagnostic is shown on a claim or header row rather than in the general list;
 * every diagnostic is shown exactly once.
 */
export function isRowDiagnostic(d: Diagnostic, analysis: Pick<Analysis, 'headerRows' | 'payloadRows'>): boolean {
  return rowOfDiagnostic(d, analysis) !== undefined
}

/** Extra checks run on the decoded token; the knowledge base's checks are loaded lazily (see loadKnowledge). */
export type TokenChecks = (decoded: DecodedToken, issuerProviders: readonly ProviderId[]) => Diagnostic[]

/** What the page hands to `analyze()` once the lazily loaded parts have arrived. */
export interface AnalyzeOptions extends ExtractOptions, DecodeOptions {
  checks?: TokenChecks | undefined
}

/**
 * The whole pipeline from pasted text to what the page shows: extract, decode, classify, check.
 * Pure and synchronous; never throws, and takes time linear in the size of the input (the
 * adversarial corpus in src/test/adversarial.mjs holds it to that). Without options only simple
 * pastes are extracted (see `extractSimple`); `options.extract` is the full `extractToken`,
 * loaded lazily by the page, and `options` also carries the YAML parser, the token the user
 * picked among several, and the knowledge base's `checks` once they have loaded.
 */
export function analyze(input: string, options: AnalyzeOptions = {}): Analysis {
  const { checks } = options
  const extraction = options.extract ? options.extract(input, options) : extractSimple(input)
  const decoded = decodeToken(extraction.token, options)
  const payload = decoded.payload
  const structural = structuralKind(decoded)
  const k8s =
    structural === 'jwt' && payload.kind === 'claims'
      ? classifyKubernetes(payload.json.value, decoded.header?.value)
      : undefined
  const issuerProviders = detectProviders(
    decoded.header?.value ?? null,
    payload.kind === 'claims' ? payload.json.value : null,
  )
  return {
    input,
    headerRows: decoded.header ? claimRows(decoded.header) : [],
    payloadRows: payload.kind === 'claims' ? claimRows(payload.json) : [],
    extraction,
    decoded,
    kind: k8s?.kind ?? structural,
    issuerProviders,
    // At most a few of each code: a crafted token can repeat one flaw a hundred thousand times.
    diagnostics: capDiagnostics([
      ...extraction.diagnostics,
      ...decoded.diagnostics,
      ...(k8s?.diagnostics ?? []),
      ...(payload.kind === 'claims' ? timeDiagnostics(payload.json.value) : []),
      ...(checks?.(decoded, issuerProviders) ?? []),
    ]),
  }
}

/**
 * The start-up API of the core: everything the first decoded view needs, with explicit names.
 * The lazily loaded halves (extract/, k8s/, knowledge/, permalink/, verify/, time/timeline.ts)
 * are fetched by src/app/modules.ts, the app's one loader; this file re-exports only their types,
 * so that none of their code reaches the start-up chunk. Core itself never uses import().
 * @module
 */
export {
  CODES,
  diagnostic,
  diagnosticsFor,
  hasErrors,
  internalError,
  onRow,
  sortDiagnostics,
  K8S,
  oidc,
  rfc,
  placeDiagnostics,
  type BannerId,
  type CodeInfo,
  type DiagnosticCode,
  type Severity,
  type StartupCode,
  type CodeOf,
  type CodeTable,
  type Diagnostic,
  type DiagnosticOptions,
  type Span,
  type TokenPart,
  type SpecRef,
  type Placement,
} from './diagnostics/index.ts'
export {
  decodeToken,
  MAX_TOKEN_LENGTH,
  type DecodeOptions,
  type TokenForm,
  type Segment,
  type DecodedJson,
  type PayloadView,
  type DecodedToken,
} from './decode/decodeToken.ts'
// The full extractor is not exported here: the page loads it lazily through extract/index.ts.
export type * from './extract/types.ts'
export { extractSimple, MAX_INPUT_LENGTH } from './extract/simple.ts'
export { structuralKind, type TokenKind } from './analysis/kind.ts'
export {
  runSteps,
  baseSteps,
  finishSteps,
  analyze,
  type Analysis,
  type TokenChecks,
  type AnalyzeOptions,
  type AnalysisBase,
  type Steps,
} from './analysis/analyze.ts'
export {
  parseJson,
  isJsonObject,
  MAX_JSON_DEPTH,
  escapePointerToken,
  type JsonValue,
  type JsonObject,
  type DuplicateMember,
  type ImpreciseReason,
  type ImpreciseNumber,
  type JsonParseResult,
} from './encoding/json.ts'
export {
  claimRows,
  prettyJson,
  rowItems,
  rowValueText,
  jsonType,
  MAX_INDENT_DEPTH,
  type ClaimRow,
} from './analysis/rows.ts'
export {
  showDeceptive,
  showDeceptiveJson,
  findDeceptive,
  codePointLabel,
  type DeceptiveChar,
  type DeceptiveClass,
} from './encoding/deceptive.ts'
export { encodeBase64url, decodeBase64Loose } from './encoding/base64.ts'
export { EXAMPLES, type Example } from './examples/examples.ts'
export { type ClaimOrigin, type ClaimInfo } from './analysis/claimInfo.ts'
export {
  validityAt,
  lifetime,
  remainingSeconds,
  VALIDITY_WORDS,
  type ValidityState,
  type Lifetime,
} from './time/validity.ts'
export type { Disclosure, SdJwtParts } from './decode/sdJwt.ts'
export { classifyKubernetes, type KubernetesClassification } from './k8s/classify.ts'
export type * from './k8s/index.ts'
export {
  isNumericDatePointer,
  valueAtPointer,
  numericDateClaims,
  claimLabel,
  REGISTERED_NUMERIC_DATE_CLAIMS,
  WARNAFTER_POINTER,
} from './time/numericDate.ts'
export { inDisplayRange, fractionDigits, toIsoUtc } from './time/iso.ts'
export { zonedForm, relativePhrase, type ZonedForm } from './time/format.ts'
export { spellDuration } from './time/duration.ts'
export { timeDiagnostics, iatInFuture } from './time/checks.ts'
export type * from './time/timeline.ts'
// Types only: the verification functions pull in jose, so the lazily loaded panel imports them
// from './verify/index.ts' directly and they stay out of the start-up chunk.
export type * from './verify/index.ts'
export type {
  ClaimLookup,
  ExplainContext,
  Knowledge,
  KnowledgeData,
  KnowledgePack,
  ProviderId,
} from './knowledge/index.ts'
// The claim filter comes with the knowledge base (Knowledge.searchRows), so only its type is here.
export type { RowSearch } from './analysis/filter.ts'
export {
  windowRows,
  expandAt,
  ROW_LIMITS,
  NO_EXPANSION,
  type RowItem,
  type RowExpansion,
} from './analysis/rowWindow.ts'
export { CAPPED_CODE, MAX_PER_CODE } from './diagnostics/cap.ts'
export type {
  ShareState,
  Redaction,
  RedactionCategory,
  RedactionChoice,
  FragmentRequest,
  ShareOptions,
} from './permalink/index.ts'
export { readFragment } from './permalink/fragment.ts'
// Types only: comparing reads the Kubernetes identity and provider, so the Compare view loads
// './compare/index.ts' lazily and its code stays out of the start-up chunk.
export type * from './compare/index.ts'
// Types only: the Compose view loads './compose/index.ts' lazily (signing uses WebCrypto and the
// verify key helpers); its functions must never be exported from here.
export type * from './compose/index.ts'

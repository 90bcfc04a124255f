/**
 * Analysis: one decoded token turned into everything the page shows (its kind, its claim
 * rows, the placement of each diagnostic, the checks still pending), and the claim filter and
 * row window that keep a table of 100,000 rows cheap.
 * @module
 */
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
} from './analyze.ts'
export type { ClaimOrigin, ClaimInfo } from './claimInfo.ts'
export { createRowSearch, type RowSearch } from './filter.ts'
export { structuralKind, type TokenKind } from './kind.ts'
export { windowRows, expandAt, ROW_LIMITS, NO_EXPANSION, type RowItem, type RowExpansion } from './rowWindow.ts'
export { claimRows, prettyJson, rowItems, rowValueText, jsonType, MAX_INDENT_DEPTH, type ClaimRow } from './rows.ts'

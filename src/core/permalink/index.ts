/**
 * Permalinks: a decoded view shared through the URL fragment, which browsers never send to a
 * server. Claims only, never the signature; the sharer chooses what to redact (one table of
 * categories), and an opened link is read with the same limits and diagnostics as a paste.
 * @byPath ./codes.ts (its codes, which the registry joins by path)
 * @module
 */
export {
  choosesNothing,
  isRedactionCategory,
  ruleCovers,
  REDACTION_CATEGORIES,
  type RedactionChoice,
  type MemberRule,
  type RedactionCategoryInfo,
  type RedactionCategory,
} from './categories.ts'
export {
  encodePermalink,
  decodePermalink,
  PERMALINK_VERSION,
  type ShareState,
  type PermalinkReadOptions,
  type PermalinkResult,
} from './format.ts'
export { readFragment, type FragmentRequest } from './fragment.ts'
export { hostOfIssuer, issuerHosts, redactToken, type Redaction, type RedactionResult } from './redact.ts'
export {
  buildShareState,
  sharedTokenText,
  sharedViewDiagnostics,
  openPermalink,
  type ShareOptions,
  type ShareBuild,
  type OpenedPermalink,
} from './share.ts'

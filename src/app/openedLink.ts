import { readFragment, type Diagnostic, type FragmentRequest, type ShareState } from '../core/index.ts'

/** What the page address opened, if anything. */
export type OpenedLink =
  | { type: 'shared'; text: string; state: ShareState }
  | { type: 'token'; text: string; param: string }
  | { type: 'error'; diagnostics: Diagnostic[] }
  /** The code that opens a permalink could not be loaded. */
  | { type: 'failed'; what: string }

/**
 * A jwt.io-style `#token=` link, read synchronously so that the very first view already decodes
 * the token (a permalink needs its lazily loaded code, so the session opens it asynchronously).
 */
export function openedAtStart(request: FragmentRequest): OpenedLink | null {
  return request.type === 'token' ? { type: 'token', text: request.token, param: request.param } : null
}

export { readFragment }

/**
 * True when the opened link is what the page is showing: the text decoded is the link's own.
 * The session decides it once per analysis; the banner, the share panel and the analysis read
 * that answer.
 */
export function isOpenedText(
  opened: OpenedLink | null,
  input: string,
): opened is Exclude<OpenedLink, { type: 'error' | 'failed' }> {
  return (opened?.type === 'shared' || opened?.type === 'token') && opened.text === input
}

import type { Analysis } from '../analysis/analyze.ts'
import { encodeBase64url } from '../encoding/base64.ts'
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { cappedEach } from '../diagnostics/cap.ts'
import { decodePermalink, type PermalinkReadOptions, type ShareState } from './format.ts'
import { choosesNothing, REDACTION_CATEGORIES, type RedactionChoice } from './categories.ts'
import { redactToken, type Redaction } from './redact.ts'
import { diagnostic, type ShareCode } from './codes.ts'

export interface ShareOptions {
  /** Put the full signed token in the link. Off by default; redaction is then impossible. */
  includeToken?: boolean
  redact?: RedactionChoice
  /** Redactions already made when this view was itself opened from a shared link: they carry over. */
  inheritedRedactions?: Redaction[]
}

export type ShareBuild = { ok: true; state: ShareState } | { ok: false; diagnostic: Diagnostic }

function refuse(code: ShareCode, message: string): ShareBuild {
  return { ok: false, diagnostic: diagnostic(code, message, { part: 'input' }) }
}

/**
 * Builds what a permalink carries from the current analysis. Without `includeToken`, the link
 * gets the decoded header and payload text only (after redaction) and never the signature.
 */
export function buildShareState(analysis: Analysis, options: ShareOptions = {}): ShareBuild {
  const { decoded } = analysis
  const base = { kind: analysis.kind, source: analysis.extraction.source }
  if (options.includeToken)
    return { ok: true, state: { header: '', payload: '', redactions: [], token: decoded.token, ...base } }
  if (!decoded.header) return refuse('SHARE_NOTHING_TO_SHARE', 'There is no readable header to share.')
  if (decoded.form === 'jwe')
    return refuse(
      'SHARE_ENCRYPTED',
      'An encrypted token cannot be shared without its ciphertext: only the header is readable here.',
    )
  const payload = decoded.payload
  let payloadText: string
  if (payload.kind === 'claims') payloadText = payload.json.text
  else if (payload.kind === 'text') payloadText = payload.text
  else
    return refuse(
      'SHARE_PAYLOAD_UNSUPPORTED',
      'Only tokens whose payload is JSON claims or text can be shared without their signature.',
    )
  let header = decoded.header.text
  let fresh: Redaction[] = []
  // Nothing chosen, nothing hidden: the texts go as they are, without walking every value of a
  // payload that can hold 120,000 members (the share panel opens with nothing chosen).
  if (options.redact && !choosesNothing(options.redact)) {
    // A text payload has no members to hide; the header is JSON either way and is redacted alike.
    const claims = payload.kind === 'claims'
    // Both texts are the decoded token's JSON, already parsed (a text payload is not redacted).
    const redacted = redactToken(claims ? { header, payload: payloadText } : { header }, options.redact, true)
    if (!redacted)
      return refuse(
        'SHARE_REDACTION_FAILED',
        'The header or claims could not be read as JSON, so what the link would hide cannot be promised: no link was made.',
      )
    header = redacted.header
    payloadText = redacted.payload ?? payloadText
    fresh = redacted.redactions
  }
  const key = (r: Redaction) => `${r.location ?? 'payload'} ${r.pointer}`
  // A fresh redaction of a place the sharer already hid replaces theirs. A link can carry 300,000
  // of them, mostly the same few records over and over: each record is kept once, which changes
  // nothing the opened view shows and spares encoding them all again.
  const freshKeys = new Set(fresh.map(key))
  const seen = new Set<string>()
  const redactions: Redaction[] = []
  for (const r of options.inheritedRedactions ?? []) {
    const place = key(r)
    const record = `${r.category} ${place}`
    if (freshKeys.has(place) || seen.has(record)) continue
    seen.add(record)
    redactions.push(r)
  }
  redactions.push(...fresh)
  return { ok: true, state: { header, payload: payloadText, redactions, ...base } }
}

/**
 * The token text an opened link is shown as: the full token when the link has one, otherwise
 * `base64url(header).base64url(payload).` with an empty signature. Feeding this to the normal
 * pipeline (with `signatureRemoved`) renders the shared view exactly like the original.
 */
export function sharedTokenText(state: ShareState): string {
  if (state.token !== undefined) return state.token
  const enc = (s: string) => encodeBase64url(new TextEncoder().encode(s))
  return `${enc(state.header)}.${enc(state.payload)}.`
}

/**
 * Notes for the shared view: one on each redacted claim row (so the placeholder is explained where
 * it is shown) and one if the page now classifies the token differently than the sharer's did.
 */
export function sharedViewDiagnostics(state: ShareState, analysis: Pick<Analysis, 'kind'>): Diagnostic[] {
  // A crafted link can list 300,000 redactions: the first few get their note, the rest a count.
  const out: Diagnostic[] = cappedEach(state.redactions, (r) =>
    diagnostic(
      'SHARED_VALUE_REDACTED',
      `Redacted by the person who shared this link (${REDACTION_CATEGORIES[r.category].label}); the real value was replaced by "${REDACTION_CATEGORIES[r.category].placeholder}".`,
      { part: r.location ?? 'payload', pointer: r.pointer, location: r.location ?? 'payload' },
    ),
  )
  if (state.kind !== undefined && state.kind !== analysis.kind) {
    out.push(
      diagnostic(
        'SHARED_KIND_DIFFERS',
        `The sharer's page classified this token as "${state.kind}"; this page classifies it as "${analysis.kind}". Redaction, or a different version of JWT Explorer, can explain the difference.`,
        { part: 'input' },
      ),
    )
  }
  return out
}

/** What opening a permalink fragment came to: the shared view (its text and state) or why it cannot be opened. */
export type OpenedPermalink =
  | {
      opened: { type: 'shared'; text: string; state: ShareState }
      /** The notes the shared view adds to the analysis of its text (redacted rows, another kind). */
      notes: (analysis: Pick<Analysis, 'kind'>) => Diagnostic[]
    }
  | { opened: { type: 'error'; diagnostics: Diagnostic[] }; notes?: undefined }

/**
 * Opens a JWT Explorer permalink (`v1=…`, as readFragment found it): decodes it (a large one in
 * steps, with `options.pause` between them), and gives the text the page shows and the notes its
 * analysis carries. Never throws.
 */
export async function openPermalink(fragment: string, options: PermalinkReadOptions = {}): Promise<OpenedPermalink> {
  const result = await decodePermalink(fragment, options)
  if (!result.state) return { opened: { type: 'error', diagnostics: result.diagnostics } }
  const state = result.state
  return {
    opened: { type: 'shared', text: sharedTokenText(state), state },
    notes: (analysis) => sharedViewDiagnostics(state, analysis),
  }
}

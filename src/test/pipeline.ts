// Runs an input through everything the page runs on it, with every lazily loaded module and
// check in place: the full extractor, the YAML parser, the knowledge base, the Kubernetes
// insights, the time views, sharing and verification. The adversarial tests feed it crafted
// inputs and assert that nothing throws; what it returns lets them check the results too.
import { analyze, type Analysis } from '../core/analysis/analyze.ts'
import { decodingNotes, pageShapeChecks } from '../core/checks/shapes.ts'
import { createRowSearch } from '../core/analysis/filter.ts'
import { windowRows } from '../core/analysis/rowWindow.ts'
import { prettyJson, rowItems, rowValueText } from '../core/analysis/rows.ts'
import type { Diagnostic } from '../core/diagnostics/diagnostic.ts'
import { placeDiagnostics } from '../core/diagnostics/placement.ts'
import { extractToken } from '../core/extract/index.ts'
import * as k8s from '../core/k8s/index.ts'
import * as k8sExtra from '../core/k8s/extra.ts'
import { COMMON_PACK_DATA } from '../core/knowledge/common.generated.ts'
import { createKnowledge } from '../core/knowledge/knowledge.ts'
import * as permalink from '../core/permalink/index.ts'
import { iatInFuture } from '../core/time/checks.ts'
import { spellDuration } from '../core/time/duration.ts'
import { relativePhrase, zonedForm } from '../core/time/format.ts'
import { toIsoUtc } from '../core/time/iso.ts'
import { numericDateClaims } from '../core/time/numericDate.ts'
import { timelineGeometry } from '../core/time/timeline.ts'
import { extensionOf, kubeletRotationAt, warnAfter } from '../core/k8s/extension.ts'
import { lifetime, validityAt } from '../core/time/validity.ts'
import { checkClaims, keySourceHints, recognizeKeyMaterial, verifySignature } from '../core/verify/index.ts'
import { parseYamlDocuments } from './yaml.ts'

// With the common pack, which the page adds for any token that has one of its names.
const knowledge = createKnowledge().withPack(COMMON_PACK_DATA)
/** 2025-12-29T09:20:00Z, as the other tests' "now". */
export const NOW_SECONDS = 1_767_000_000

export interface Delivered {
  delivery: 'paste' | 'link'
  text: string
}

export interface Outcome {
  /** The text the page decodes: the paste, or what the link opened. */
  input: string
  analysis: Analysis
  /** The shared link's notes (redacted rows, kind changes), when a share link was opened. */
  sharedNotes: Diagnostic[]
  /** The diagnostics of a link that could not be opened. */
  linkDiagnostics: Diagnostic[]
}

/** Opens a URL fragment as the page does: a share link, a `#token=` link, or an error. */
async function open(fragment: string): Promise<{ text: string; state?: permalink.ShareState; errors: Diagnostic[] }> {
  const request = permalink.readFragment(fragment)
  if (request.type === 'token') return { text: request.token, errors: [] }
  if (request.type === 'error') return { text: '', errors: [request.diagnostic] }
  if (request.type === 'none') return { text: '', errors: [] }
  const result = await permalink.decodePermalink(request.fragment)
  if (!result.state) return { text: '', errors: result.diagnostics }
  return { text: permalink.sharedTokenText(result.state), state: result.state, errors: [] }
}

/**
 * The page's whole pipeline on one input, and every view's core calls on the result. Only the
 * first `rowSample` rows are explained one by one (the page explains what it shows).
 */
export async function runEverything(input: Delivered, rowSample = 300): Promise<Outcome> {
  const opened = input.delivery === 'link' ? await open(input.text) : { text: input.text, state: undefined, errors: [] }
  const { state } = opened
  const analysis = analyze(opened.text, {
    extract: extractToken,
    parseYaml: parseYamlDocuments,
    checks: knowledge.checks,
    shapeChecks: pageShapeChecks,
    decodingNotes,
    signatureRemoved: state !== undefined && state.token === undefined,
    // As the session does: the link's notes become part of the analysis.
    sharedNotes: state ? (a) => permalink.sharedViewDiagnostics(state, a) : undefined,
  })
  const sharedNotes = state ? permalink.sharedViewDiagnostics(state, analysis) : []
  const { decoded } = analysis
  const header = decoded.header?.value
  const payload = decoded.payload.kind === 'claims' ? decoded.payload.json.value : undefined

  // The claim tables: explanations, values, the filter, the window, and each row's diagnostics.
  const ctx = analysis.explainContext
  for (const [rows, location] of [
    [analysis.headerRows, 'header'],
    [analysis.payloadRows, 'payload'],
  ] as const) {
    for (const row of rows.slice(0, rowSample)) {
      knowledge.explainRow(row, location, ctx)
      // As the rows show them: a group heading has no value of its own.
      if (!row.isGroup) rowValueText(row, 1)
      rowItems(row)
    }
    const search = createRowSearch(rows, (r) => knowledge.explainRow(r, location, ctx).map((i) => i.title))
    for (const q of ['a', 'constructor', 'c12k']) windowRows(search(q))
    windowRows(rows)
  }
  placeDiagnostics(analysis.diagnostics, analysis.headerRows, analysis.payloadRows)
  if (decoded.header) prettyJson(decoded.header)
  if (decoded.payload.kind === 'claims') prettyJson(decoded.payload.json)

  if (payload) {
    // Kubernetes insights, as the lazily loaded panel and banner call them.
    const claims = k8s.readKubernetesClaims(payload)
    if (claims) {
      k8s.deriveIdentity(claims)
      k8sExtra.recognizeProvider(claims)
      k8sExtra.analyzeLifetime(claims)
      k8sExtra.kubernetesAdvice(claims)
      k8s.kubernetesRisks({ claims, payload, header, diagnostics: analysis.diagnostics }, NOW_SECONDS, 60)
    }
    // The time views.
    validityAt(payload, NOW_SECONDS, 60)
    const life = lifetime(payload)
    if (life) spellDuration(life.seconds)
    extensionOf(payload)
    warnAfter(payload)
    const rotation = kubeletRotationAt(payload)
    if (rotation !== undefined) spellDuration(rotation)
    timelineGeometry(payload, NOW_SECONDS, 640)
    for (const { value } of numericDateClaims(payload)) {
      if (typeof value !== 'number' || !Number.isFinite(value)) continue
      toIsoUtc(value)
      zonedForm(value, 'Europe/Paris', 'en-GB')
      zonedForm(value, undefined)
      relativePhrase(value, NOW_SECONDS, 'en-GB')
      iatInFuture({ iat: value }, NOW_SECONDS, 60)
    }
    // Verification: the claim checks, the key hints and a signature check with a secret.
    checkClaims(payload, { issuer: 'https://issuer.example', audience: 'aud', leewaySeconds: 60 }, NOW_SECONDS)
    keySourceHints(typeof payload.iss === 'string' ? payload.iss : undefined)
  }
  const alg = typeof header?.alg === 'string' ? header.alg : undefined
  for (const keyText of ['a-secret-of-at-least-thirty-two-bytes', '{"keys":[{"kty":"oct","k":"c2VjcmV0"}]}']) {
    const material = recognizeKeyMaterial(keyText, { encoding: 'utf8', tokenAlg: alg })
    await verifySignature(decoded, material)
  }

  // Sharing: every redaction on, then the full token; each link is read back.
  const rowsToHide = analysis.payloadRows.slice(0, 50).map((r) => r.pointer)
  for (const options of [
    { redact: { uids: true, names: true, issuerHost: true, jti: true, claims: rowsToHide } },
    { includeToken: true },
  ]) {
    const built = permalink.buildShareState(analysis, {
      ...options,
      inheritedRedactions: state?.redactions ?? [],
    })
    if (built.ok && decoded.token.length < 64 * 1024) {
      const fragment = await permalink.encodePermalink(built.state)
      await permalink.decodePermalink(fragment)
    }
  }
  return { input: opened.text, analysis, sharedNotes, linkDiagnostics: opened.errors }
}

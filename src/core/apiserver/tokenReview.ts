// The verdict as a TokenReview (authentication.k8s.io/v1), shaped and ordered as
// `kubectl create -f tokenreview.yaml -o yaml` prints it: keys sorted, empty fields omitted as the
// API's omitempty tags say, strings quoted the way sigs.k8s.io/yaml quotes them.
import type { Verdict } from './types.ts'

/** TokenReview.status, with the API's field names. */
export interface TokenReviewStatus {
  authenticated?: boolean
  user: { username?: string; uid?: string; groups?: string[]; extra?: Record<string, string[]> }
  audiences?: string[]
  error?: string
}

export interface TokenReview {
  apiVersion: 'authentication.k8s.io/v1'
  kind: 'TokenReview'
  metadata: { creationTimestamp: null }
  spec: { token: string }
  status: TokenReviewStatus
}

/** The loopback token authenticator runs first and adds its own message to every failure. */
export const INVALID_BEARER_TOKEN = 'invalid bearer token'

/**
 * Builds the TokenReview the API server would return for this verdict. `token` goes into
 * spec.token; pass a placeholder to keep the real token out of text meant for copying.
 */
export function tokenReviewFor(verdict: Verdict, token: string): TokenReview {
  const status: TokenReviewStatus = { user: {} }
  if ((verdict.state === 'authenticated' || verdict.state === 'unverified') && verdict.user) {
    status.authenticated = true
    const u = verdict.user
    if (u.username) status.user.username = u.username
    if (u.uid) status.user.uid = u.uid
    if (u.groups.length) status.user.groups = u.groups
    if (u.extra.length) status.user.extra = Object.fromEntries(u.extra.map((e) => [e.key, e.values]))
    if (verdict.audiences.length) status.audiences = verdict.audiences
  } else if (verdict.state === 'rejected' && verdict.error) {
    // utilerrors flattens and de-duplicates: the loopback authenticator's message, then the chain's.
    status.error =
      verdict.error === INVALID_BEARER_TOKEN ? verdict.error : `[${INVALID_BEARER_TOKEN}, ${verdict.error}]`
  } else if (verdict.state === 'not-handled') status.error = INVALID_BEARER_TOKEN
  return {
    apiVersion: 'authentication.k8s.io/v1',
    kind: 'TokenReview',
    metadata: { creationTimestamp: null },
    spec: { token },
    status,
  }
}

// What go-yaml v2 would read back as something other than a string (YAML 1.1 resolution).
const RESOLVES =
  /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$|^[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|\.[0-9_]+([eE][-+]?[0-9]+)?)$|^\d{4}-\d{1,2}-\d{1,2}/

/** A scalar as go-yaml v2 (under sigs.k8s.io/yaml) writes it: plain when it can be, else quoted. */
export function yamlScalar(s: string): string {
  if (s === '') return "''"
  // eslint-disable-next-line no-control-regex -- control characters force double quotes
  if (/[\x00-\x1f\x7f]/.test(s)) return JSON.stringify(s)
  const needsQuotes =
    RESOLVES.test(s) ||
    /^[#,[\]{}&*!|>'"%@`]/.test(s) ||
    /^[-?:](\s|$)/.test(s) ||
    /: |:$| #/.test(s) ||
    /^\s|\s$/.test(s)
  return needsQuotes ? `'${s.replaceAll("'", "''")}'` : s
}

type YamlValue = string | boolean | null | YamlValue[] | { [k: string]: YamlValue }

function emit(value: YamlValue, indent: string, out: string[], key?: string): void {
  const prefix = key === undefined ? indent : `${indent}${yamlScalar(key)}:`
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    const text = value === null ? 'null' : typeof value === 'boolean' ? String(value) : yamlScalar(value)
    out.push(key === undefined ? `${indent}${text}` : `${prefix} ${text}`)
    return
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push(`${prefix} []`)
      return
    }
    if (key !== undefined) out.push(prefix)
    // go-yaml v2 writes list items at the key's own indentation.
    for (const item of value) {
      const inner: string[] = []
      emit(item, `${indent}  `, inner)
      out.push(`${indent}- ${inner[0]!.trimStart()}`, ...inner.slice(1))
    }
    return
  }
  const keys = Object.keys(value).sort()
  if (keys.length === 0) {
    out.push(`${prefix} {}`)
    return
  }
  if (key !== undefined) out.push(prefix)
  for (const k of keys) emit(value[k]!, key === undefined ? indent : `${indent}  `, out, k)
}

/** The TokenReview as YAML text, as kubectl prints it. */
export function tokenReviewYaml(review: TokenReview): string {
  const out: string[] = []
  emit(review as unknown as YamlValue, '', out)
  return `${out.join('\n')}\n`
}

// The EKS bearer token: `k8s-aws-v1.` + base64url of a presigned STS GetCallerIdentity URL, as
// aws-iam-authenticator pkg/token/token.go writes and checks it (kubernetes-sigs/aws-iam-authenticator
// at 81b1daba00d194c00d3cdd8b0a0fece5ba648d4e). The URL is read, never fetched.
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { diagnostic } from './codes.ts'
import type { BearerContext } from './types.ts'

/** token.go `v1Prefix`. */
export const EKS_PREFIX = 'k8s-aws-v1.'
/** token.go `maxTokenLenBytes`. */
const MAX_TOKEN_LENGTH = 4096
/** token.go `presignedURLExpiration`: the URL is valid 15 minutes after X-Amz-Date, whatever X-Amz-Expires says. */
export const PRESIGNED_URL_EXPIRATION_SECONDS = 15 * 60
/** token.go `parameterWhitelist`, compared without case. */
const ALLOWED = [
  'action',
  'version',
  'x-amz-algorithm',
  'x-amz-credential',
  'x-amz-date',
  'x-amz-expires',
  'x-amz-security-token',
  'x-amz-signature',
  'x-amz-signedheaders',
]
/** STS endpoints: global, regional, FIPS, China and dual-stack hosts. */
const STS_HOST = /^sts(?:-fips)?(?:\.[a-z0-9-]+)?\.(?:amazonaws\.com(?:\.cn)?|api\.aws)$/

function decodeBase64urlStrict(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4))
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0))
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

/** Go's url.QueryUnescape: `+` is a space, a broken `%` escape fails. */
function queryUnescape(s: string): string | null {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '))
  } catch {
    return null
  }
}

/** Go's url.ParseQuery: keys in order, with every value; null when malformed. */
function parseQuery(raw: string): [string, string[]][] | null {
  const out = new Map<string, string[]>()
  if (raw === '') return []
  for (const part of raw.split('&')) {
    if (part === '') continue
    if (part.includes(';')) return null
    const eq = part.indexOf('=')
    const key = queryUnescape(eq < 0 ? part : part.slice(0, eq))
    const value = queryUnescape(eq < 0 ? '' : part.slice(eq + 1))
    if (key === null || value === null) return null
    out.set(key, [...(out.get(key) ?? []), value])
  }
  return [...out]
}

/** `20060102T150405Z` to seconds since the epoch. */
function amzDate(s: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s)
  if (!m) return undefined
  const [, y, mo, d, h, mi, se] = m.map(Number) as number[]
  const t = Date.UTC(y!, mo! - 1, d!, h!, mi!, se!)
  const back = new Date(t)
  return back.getUTCMonth() === mo! - 1 && back.getUTCDate() === d! ? t / 1000 : undefined
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z')

function keyKind(akid: string): string {
  if (akid.startsWith('ASIA')) return 'temporary STS credentials, such as a role session'
  if (akid.startsWith('AKIA')) return 'a long-term key of an IAM user (or the root user)'
  return 'a key of unknown kind'
}

/** What the EKS token says, and what aws-iam-authenticator would refuse before asking STS. */
export interface EksReading {
  context: BearerContext
  diagnostics: Diagnostic[]
}

/**
 * Reads an EKS token: the STS region and endpoint, the access key id, the signing time and the
 * expiry (X-Amz-Date + 15 min; X-Amz-Expires is ignored upstream), the signed headers, and that the
 * cluster name travels in the signed `x-k8s-aws-id` header, not in the token. Each pre-STS check
 * of token.go `Verify` that fails is an EKS_TOKEN_INVALID error quoting the authenticator's
 * message. The expiry is reported as an instant: whether it has passed depends on the clock.
 */
export function readEksToken(token: string): EksReading {
  const diagnostics: Diagnostic[] = []
  const refuse = (message: string) =>
    diagnostics.push(
      diagnostic('EKS_TOKEN_INVALID', `aws-iam-authenticator refuses this token before asking STS: "${message}".`, {
        part: 'input',
      }),
    )
  const facts: BearerContext['facts'] = []
  const context: BearerContext = {
    kind: 'bearer',
    bearer: 'eks',
    title: 'Amazon EKS authentication token',
    summary:
      'Not a JWT: k8s-aws-v1. followed by the base64url of a presigned AWS STS GetCallerIdentity URL. The cluster’s authenticator calls that URL and maps the AWS identity STS returns (an IAM role or user) to a Kubernetes user through access entries or the aws-auth ConfigMap. This page reads the URL and never calls it.',
    facts,
  }
  if (token.length > MAX_TOKEN_LENGTH) refuse('token is too large')
  if (!token.startsWith(EKS_PREFIX)) {
    refuse(`token is missing expected "${EKS_PREFIX}" prefix`)
    return { context, diagnostics }
  }
  const url = decodeBase64urlStrict(token.slice(EKS_PREFIX.length))
  if (url === null) {
    refuse('illegal base64 data')
    return { context, diagnostics }
  }
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?/.exec(url)
  if (!m) {
    refuse('missing protocol scheme')
    return { context, diagnostics }
  }
  const [, scheme = '', host = '', path = '', rawQuery = ''] = m
  facts.push({ label: 'Presigned URL host', value: host })
  if (scheme !== 'https') refuse(`unexpected scheme "${scheme}" in pre-signed URL`)
  if (!STS_HOST.test(host)) refuse(`unexpected hostname "${host}" in pre-signed URL`)
  else facts.push({ label: 'STS region', value: host === 'sts.amazonaws.com' ? 'global' : (host.split('.')[1] ?? '') })
  if (path !== '/') refuse('unexpected path in pre-signed URL')
  const query = parseQuery(rawQuery)
  if (!query) {
    refuse('malformed query parameter')
    return { context, diagnostics }
  }
  const lower = new Map<string, string>()
  const seen = new Set<string>()
  for (const [key, values] of query) {
    const k = key.toLowerCase()
    if (seen.has(k)) refuse(`duplicate query parameter found: "${key}"`)
    seen.add(k)
    if (!ALLOWED.includes(k)) refuse(`non-whitelisted query parameter "${key}"`)
    if (values.length !== 1) refuse('query parameter with multiple values not supported')
    lower.set(k, values[0] ?? '')
  }
  if (lower.get('action') !== 'GetCallerIdentity') refuse('unexpected action parameter in pre-signed URL')
  const signed = (lower.get('x-amz-signedheaders') ?? '').split(';')
  facts.push({ label: 'Signed headers', value: signed.filter(Boolean).join(', ') || '(none)' })
  if (!signed.some((h) => h.toLowerCase() === 'x-k8s-aws-id'))
    refuse('client did not sign the x-k8s-aws-id header in the pre-signed URL')
  const credential = lower.get('x-amz-credential') ?? ''
  const [akid = '', day, region, service] = credential.split('/')
  if (akid) facts.push({ label: 'Access key id', value: `${akid} (${keyKind(akid)})` })
  if (day && region && service) facts.push({ label: 'Credential scope', value: `${day} · ${region} · ${service}` })
  if (lower.has('x-amz-security-token'))
    facts.push({ label: 'Session token', value: 'present (temporary credentials)' })
  const expires = Number(lower.get('x-amz-expires'))
  const expiresText = lower.get('x-amz-expires') ?? ''
  if (!/^-?\d+$/.test(expiresText) || expires < 0 || expires > 900)
    refuse(`invalid X-Amz-Expires parameter in pre-signed URL: ${/^-?\d+$/.test(expiresText) ? expires : 0}`)
  else
    facts.push({
      label: 'X-Amz-Expires',
      value: `${expires} s, ignored: a presigned STS URL is valid for 15 minutes after X-Amz-Date`,
    })
  const date = lower.get('x-amz-date')
  if (!date) refuse('X-Amz-Date parameter must be present in pre-signed URL')
  else {
    const signedAt = amzDate(date)
    if (signedAt === undefined) refuse(`error parsing X-Amz-Date parameter ${date} into format 20060102T150405Z`)
    else {
      context.expiresAt = signedAt + PRESIGNED_URL_EXPIRATION_SECONDS
      facts.push(
        { label: 'Signed at (X-Amz-Date)', value: iso(signedAt) },
        { label: 'Expires at', value: `${iso(context.expiresAt)} (X-Amz-Date + 15 min)` },
      )
    }
  }
  facts.push({
    label: 'Cluster',
    value:
      'not in the token: the client signed the x-k8s-aws-id header with the cluster name, and the authenticator sends its own cluster id in that header when it calls STS, so a token made for another cluster fails the signature check',
  })
  return { context, diagnostics }
}

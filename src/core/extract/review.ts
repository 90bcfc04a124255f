// TokenReview and SelfSubjectReview objects (authentication.k8s.io/v1, api authentication/v1
// types.go at 10b39a39), and the table `kubectl auth whoami` prints (kubectl pkg/cmd/auth/whoami.go
// at dee3483a). A review names a user; a TokenReview also echoes the token it reviewed.
import { asArr, asObj, asStr, at } from './objects.ts'
import type { ReviewContext, ReviewUser } from './types.ts'

const strings = (v: unknown) => asArr(v).filter((x): x is string => typeof x === 'string')

/** True for a TokenReview or SelfSubjectReview object. */
export function isReview(doc: unknown): boolean {
  const kind = at(doc, 'kind')
  return kind === 'TokenReview' || kind === 'SelfSubjectReview'
}

function readUser(v: unknown): ReviewUser | undefined {
  const o = asObj(v)
  if (!o) return undefined
  const user: ReviewUser = {
    groups: strings(o.groups),
    extra: Object.entries(asObj(o.extra) ?? {}).map(([key, values]) => ({ key, values: strings(values) })),
  }
  const username = asStr(o.username)
  const uid = asStr(o.uid)
  if (username !== undefined) user.username = username
  if (uid !== undefined) user.uid = uid
  return user
}

/** What a review object reports, and the token a TokenReview's spec carries. */
export function readReview(doc: unknown): { context: ReviewContext; token?: string } {
  const review = at(doc, 'kind') === 'TokenReview' ? 'TokenReview' : 'SelfSubjectReview'
  const context: ReviewContext = { kind: 'review', review, format: 'object' }
  const apiVersion = asStr(at(doc, 'apiVersion'))
  if (apiVersion !== undefined) context.apiVersion = apiVersion
  const user = readUser(review === 'TokenReview' ? at(doc, 'status', 'user') : at(doc, 'status', 'userInfo'))
  if (user) context.user = user
  if (review === 'SelfSubjectReview') return { context }
  const authenticated = at(doc, 'status', 'authenticated')
  if (typeof authenticated === 'boolean') context.authenticated = authenticated
  const spec = strings(at(doc, 'spec', 'audiences'))
  const status = strings(at(doc, 'status', 'audiences'))
  if (spec.length) context.specAudiences = spec
  if (status.length) context.statusAudiences = status
  const error = asStr(at(doc, 'status', 'error'))
  if (error) context.error = error
  const token = asStr(at(doc, 'spec', 'token'))?.trim()
  return token ? { context, token } : { context }
}

/** `[a b c]`, Go's fmt of a string slice as kubectl prints it. */
const goList = (v: string) => (/^\[(.*)\]$/.exec(v.trim())?.[1] ?? v).split(/\s+/).filter(Boolean)

/**
 * The table `kubectl auth whoami` prints: `ATTRIBUTE VALUE`, then `Username`, `UID`, `Groups [..]`
 * and one `Extra: <key> [..]` line per key. Undefined when the text has no Username line.
 */
export function readWhoamiTable(text: string): ReviewContext | undefined {
  const lines = text.split(/\r?\n/)
  const user: ReviewUser = { groups: [], extra: [] }
  let found = false
  for (const line of lines) {
    let m = /^\s*Username\s+(\S.*?)\s*$/.exec(line)
    if (m) {
      user.username = m[1] ?? ''
      found = true
      continue
    }
    m = /^\s*UID\s+(\S.*?)\s*$/.exec(line)
    if (m) {
      user.uid = m[1] ?? ''
      continue
    }
    m = /^\s*Groups\s+(\[.*\])\s*$/.exec(line)
    if (m) {
      user.groups = goList(m[1] ?? '')
      continue
    }
    m = /^\s*Extra:\s+(\S+)\s+(\[.*\])\s*$/.exec(line)
    if (m) user.extra.push({ key: m[1] ?? '', values: goList(m[2] ?? '') })
  }
  if (!found || !/^\s*ATTRIBUTE\s+VALUE\s*$/m.test(text)) return undefined
  return { kind: 'review', review: 'SelfSubjectReview', format: 'table', user }
}

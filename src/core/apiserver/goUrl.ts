// The part of Go's net/url.Parse that the API server's issuer validation depends on: the scheme,
// userinfo, query and fragment it inspects, and the parse errors it reports for bad ports, bad
// hosts and control characters. WHATWG URL parsing differs (it normalises and accepts more), so it
// cannot stand in for it here.

export interface GoUrl {
  scheme: string
  hasUser: boolean
  host: string
  path: string
  rawQuery: string
  fragment: string
}

export type GoUrlResult = { ok: true; url: GoUrl } | { ok: false; error: string }

const fail = (raw: string, why: string): GoUrlResult => ({ ok: false, error: `parse ${JSON.stringify(raw)}: ${why}` })

function validHostChars(host: string): string | null {
  for (const ch of host) {
    if (/[A-Za-z0-9\-._~!$&'()*+,;=:[\]%]/.test(ch)) continue
    return ch
  }
  return null
}

/** net/url.Parse for absolute URLs; relative references keep an empty scheme, as in Go. */
export function parseGoUrl(raw: string): GoUrlResult {
  // Go refuses ASCII control characters anywhere in the URL.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
  if (/[\x00-\x1f\x7f]/.test(raw)) return fail(raw, 'net/url: invalid control character in URL')
  let rest = raw
  let fragment = ''
  const hash = rest.indexOf('#')
  if (hash >= 0) {
    fragment = rest.slice(hash + 1)
    rest = rest.slice(0, hash)
  }
  let scheme = ''
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(rest)
  if (m) {
    scheme = m[1]!.toLowerCase()
    rest = rest.slice(m[0].length)
  } else if (rest.startsWith(':')) return fail(raw, 'missing protocol scheme')
  let rawQuery = ''
  const q = rest.indexOf('?')
  if (q >= 0) {
    rawQuery = rest.slice(q + 1)
    rest = rest.slice(0, q)
  }
  let host = ''
  let hasUser = false
  if (rest.startsWith('//')) {
    const authEnd = rest.indexOf('/', 2)
    let authority = authEnd < 0 ? rest.slice(2) : rest.slice(2, authEnd)
    rest = authEnd < 0 ? '' : rest.slice(authEnd)
    const at = authority.lastIndexOf('@')
    if (at >= 0) {
      hasUser = true
      authority = authority.slice(at + 1)
    }
    host = authority
    const portMatch = /^(\[[^\]]*\]|[^:]*)(:.*)?$/.exec(host)
    const port = portMatch?.[2]
    if (port !== undefined && !/^:[0-9]*$/.test(port))
      return fail(raw, `invalid port ${JSON.stringify(port)} after host`)
    const bad = validHostChars(portMatch?.[1] ?? host)
    if (bad !== null) return fail(raw, `invalid character ${JSON.stringify(bad)} in host name`)
  } else if (!scheme && /^[^/]*:/.test(rest)) {
    return fail(raw, 'first path segment in URL cannot contain colon')
  }
  if (/%(?![0-9A-Fa-f]{2})/.test(rest)) {
    const bad = /%.{0,2}/.exec(rest.slice(rest.search(/%(?![0-9A-Fa-f]{2})/)))?.[0] ?? '%'
    return fail(raw, `invalid URL escape ${JSON.stringify(bad)}`)
  }
  return { ok: true, url: { scheme, hasUser, host, path: rest, rawQuery, fragment } }
}

import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts'

/** What the page's URL fragment asks for. */
export type FragmentRequest =
  | { type: 'none' }
  | { type: 'permalink'; fragment: string }
  | { type: 'token'; param: 'token' | 'id_token' | 'access_token'; token: string }
  | { type: 'error'; diagnostic: Diagnostic }

const TOKEN_PARAMS = ['token', 'id_token', 'access_token'] as const

/**
 * Reads `location.hash`: a JWT Explorer permalink (`#v1=…`), or a jwt.io-style or OAuth
 * implicit-flow fragment holding a token (`#token=`, `#id_token=`, `#access_token=`, possibly with
 * other `&`-separated parameters). Never throws.
 */
export function readFragment(hash: string): FragmentRequest {
  const body = hash.replace(/^#/, '')
  if (body === '') return { type: 'none' }
  if (/^v\d+=/.test(body)) return { type: 'permalink', fragment: body }
  const params = new Map<string, string>()
  for (const pair of body.split('&')) {
    const eq = pair.indexOf('=')
    if (eq > 0 && !params.has(pair.slice(0, eq))) params.set(pair.slice(0, eq), pair.slice(eq + 1))
  }
  for (const param of TOKEN_PARAMS) {
    const raw = params.get(param)
    if (raw === undefined) continue
    try {
      // '+' is left alone: it is no space in a fragment, and standard base64 tokens contain it.
      return { type: 'token', param, token: decodeURIComponent(raw).trim() }
    } catch {
      return {
        type: 'error',
        diagnostic: diagnostic(
          'FRAGMENT_BAD_ESCAPE',
          `The "${param}" in the address has a broken %-escape, so the token could not be read from it.`,
          { part: 'input' },
        ),
      }
    }
  }
  return { type: 'none' }
}

import { looksLikeJwt } from './text.ts'
import type { Candidate } from './types.ts'

const PARAM = /([?#&])(id_token|access_token|token)=([^&#\s"'<>]*)/g

function percentDecode(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return null
  }
}

/**
 * Tokens in URL query strings or fragments (`#id_token=…` from the implicit flow,
 * `?access_token=…`). Values are percent-decoded; spans point at the value as pasted.
 */
export function urlCandidates(input: string): Candidate[] {
  const found: Candidate[] = []
  // The last '?' and '#' before the current match, found by one scan that moves forward with the
  // matches (looking back from each match instead cost the square of the text's length).
  let scanned = 0
  let lastQuery = -1
  let lastHash = -1
  for (const m of input.matchAll(PARAM)) {
    const raw = m[3] as string
    for (; scanned < m.index; scanned++) {
      const c = input.charCodeAt(scanned)
      if (c === 63) lastQuery = scanned
      else if (c === 35) lastHash = scanned
    }
    const value = percentDecode(raw)
    if (!value || !looksLikeJwt(value)) continue
    // Only a `?`-query or `#`-fragment parameter is certain; `&` continues whichever came before.
    const inFragment = m[1] === '#' || (m[1] === '&' && lastHash > lastQuery)
    const start = m.index + m[0].length - raw.length
    const where = inFragment ? 'fragment' : 'query string'
    found.push({
      token: value,
      source: 'url',
      label: `${m[2]} (URL ${where})`,
      explanation: `Found in the URL ${where} parameter ${m[2]}${value !== raw ? ', percent-decoded' : ''}.`,
      ...(value === raw ? { span: { start, end: start + raw.length } } : {}),
      repaired: false,
      diagnostics: [],
    })
  }
  return found
}

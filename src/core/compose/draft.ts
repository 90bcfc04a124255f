import type { DecodedToken } from '../decode/decodeToken.ts'
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { formatJsonText } from './jsonText.ts'
import type { Draft } from './templates.ts'
import { diagnostic } from './codes.ts'

export type CopyResult =
  { ok: true; draft: Draft; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] }

/**
 * "Edit a copy": a decoded token's header and claims as an unsigned draft. The signature is left
 * behind, so the copy stays unsigned until the user signs it with a key of their own; the texts
 * keep the token's own member order, duplicates and number digits. Never throws.
 */
export function draftFromToken(decoded: DecodedToken): CopyResult {
  if (!decoded.header || decoded.payload.kind !== 'claims') {
    return {
      ok: false,
      diagnostics: [
        diagnostic(
          'COMPOSE_COPY_NO_CLAIMS',
          decoded.payload.kind === 'encrypted'
            ? 'An encrypted token (JWE) cannot be copied: its claims are not readable here.'
            : 'Only a token with a JSON header and JSON claims can be copied into Compose.',
        ),
      ],
    }
  }
  return {
    ok: true,
    draft: { header: formatJsonText(decoded.header.text), payload: formatJsonText(decoded.payload.json.text) },
    diagnostics: [
      diagnostic(
        'COMPOSE_COPY_UNSIGNED',
        `A copy of the token's header and claims, without its signature${decoded.sdJwt ? ' or its SD-JWT disclosures' : ''}: it stays unsigned until you sign it with a key of your own.`,
      ),
    ],
  }
}

// Test helper: the checks as the page runs them, against what `tokenChecks` gives in one go.
import { expect } from 'vitest'
import type { DecodedToken } from '../core/decode/decodeToken.ts'
import type { Diagnostic } from '../core/diagnostics/diagnostic.ts'
import type { ProviderId } from '../core/knowledge/types.ts'
import { decodingNotes } from '../core/checks/decodingNotes.ts'
import { pageShapeChecks, shapeChecks } from '../core/checks/shapes.ts'
import { commonTokenChecks, tokenChecks } from '../core/checks/tokenChecks.ts'

const codes = (ds: { code: string }[]) => ds.map((d) => d.code).sort()

/**
 * Asserts that the page, running decoding's notes first, then the knowledge base's checks, then
 * the shape checks, finds every code that `tokenChecks` and `shapeChecks` find together; gives
 * the page's findings.
 */
export function expectPageFindsEverything(decoded: DecodedToken, providers: readonly ProviderId[]): Diagnostic[] {
  const page = [
    ...decodingNotes(decoded),
    ...commonTokenChecks(decoded, providers),
    ...pageShapeChecks(decoded, providers),
  ]
  expect(codes(page)).toEqual(codes([...tokenChecks(decoded, providers), ...shapeChecks(decoded, providers)]))
  return page
}

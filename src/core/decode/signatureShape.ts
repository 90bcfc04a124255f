import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts'
import type { Segment } from './decodeToken.ts'

/**
 * What is wrong with the signature part before any key is involved, as far as decoding goes: one
 * where alg "none" allows none, and one that is missing (removed for sharing, or lost). Its length
 * for the algorithm is a check that loads after the first view (checks/signatureLength.ts).
 */
export function checkSignatureShape(alg: string | undefined, seg: Segment, signatureRemoved = false): Diagnostic[] {
  const span = { start: seg.start, end: seg.start + Math.max(seg.text.length, 1) }
  const isNone = alg !== undefined && alg.toLowerCase() === 'none'
  if (isNone) {
    return seg.text === ''
      ? []
      : [
          diagnostic(
            'ALG_NONE_WITH_SIGNATURE',
            'The header says alg "none", yet a signature part is present. An unsecured JWT must have an empty third part.',
            { part: 'signature', span },
          ),
        ]
  }
  if (seg.text === '' && signatureRemoved) {
    // A shared link drops the signature on purpose; SIGNATURE_EMPTY would blame copying.
    return [
      diagnostic(
        'SIGNATURE_REMOVED_FOR_SHARING',
        "The signature was removed when this link was shared, so the token cannot be verified and no server would accept it. The claims are shown as the sharer's page decoded them.",
        { part: 'signature', span: { start: seg.start, end: seg.start } },
      ),
    ]
  }
  if (seg.text === '') {
    return [
      diagnostic(
        'SIGNATURE_EMPTY',
        `The signature part is empty although the header names ${alg ? `alg "${alg}"` : 'an algorithm'}. The signature was stripped or lost in copying, so the token cannot be verified.`,
        { part: 'signature', span: { start: seg.start, end: seg.start } },
      ),
    ]
  }
  return []
}

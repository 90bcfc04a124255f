import { modules } from '../../app/modules.ts'
import type { KeyMaterial, VerifyResult } from '../../core/verify/index.ts'
import { useModuleValue } from '../hooks.ts'

const OUTCOME_LABEL = {
  verified: 'verified this token',
  mismatch: 'tried: signature does not match',
  'not-tried': 'not tried',
  failed: 'could not be used',
} as const

/** The keys recognised in the paste, with their recomputed Kubernetes key id and what happened to each. */
export function KeyList({
  material,
  result,
  kids,
}: {
  material: KeyMaterial
  result: VerifyResult | undefined
  kids?: (string | null)[]
}) {
  // Keys are only ever listed once the key reader (loaded on demand) has read them.
  const verifier = useModuleValue(modules.verifier)
  if (!verifier || material.keys.length === 0) return null
  return (
    <ol className="key-list" aria-label="Keys recognised">
      {material.keys.map((k) => {
        const attempt = result?.attempts.find((a) => a.index === k.index)
        // The verdict carries the verifying key's id at once; the other ids arrive a moment later.
        const kid = result && (result.computedKids[k.index - 1] ?? kids?.[k.index - 1])
        return (
          <li key={k.index} className={attempt?.outcome === 'verified' ? 'key-verified' : undefined}>
            <span className="key-desc">{verifier.describeKey(k)}</span>
            {kid && (
              <span className="key-kid">
                {' '}
                · Kubernetes key id <code>{kid}</code>
              </span>
            )}
            {k.unusable && <span className="key-note"> · {k.unusable}</span>}
            {attempt && (
              <span className="key-note">
                {' '}
                · {OUTCOME_LABEL[attempt.outcome]}
                {attempt.outcome !== 'verified' ? `: ${attempt.reason}` : ''}
              </span>
            )}
          </li>
        )
      })}
    </ol>
  )
}

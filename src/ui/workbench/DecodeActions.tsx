import type { Analysis } from '../../core/index.ts'
import { useSession } from '../hooks.ts'
import './workbench.css'

/** Under the decoded token: take it into the other views ("Compare with another token…" puts it on the left). */
export function DecodeActions({ analysis }: { analysis: Analysis }) {
  const { workbench } = useSession()
  return (
    <div className="decode-actions">
      <button type="button" onClick={() => workbench.open('compare', { left: analysis.decoded.token })}>
        Compare with another token…
      </button>
    </div>
  )
}

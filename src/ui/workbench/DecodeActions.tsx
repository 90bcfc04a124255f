import { useState } from 'react'
import { modules } from '../../app/modules.ts'
import type { Analysis } from '../../core/index.ts'
import { useSession } from '../hooks.ts'
import './workbench.css'

/**
 * Under the decoded token: take it into the other views. "Compare with another token…" puts it on
 * the compare view's left; "Edit a copy" takes its header and claims into Compose without the
 * signature, so the copy stays unsigned until the user signs it with a key of their own.
 */
export function DecodeActions({ analysis }: { analysis: Analysis }) {
  const { workbench } = useSession()
  const [problem, setProblem] = useState<string | null>(null)
  const token = analysis.decoded.token
  const editCopy = async () => {
    setProblem(null)
    const state = await modules.compose.load()
    if (state.status !== 'ready') return setProblem(`Couldn't load ${modules.compose.what}: reload the page to get it.`)
    const copy = state.value.draftFromToken(analysis.decoded)
    if (!copy.ok) return setProblem(copy.diagnostics[0]?.message ?? 'This token cannot be copied.')
    workbench.open('compose', { draft: { ...copy.draft, note: copy.diagnostics[0]?.message } })
  }
  return (
    <div className="decode-actions">
      <button type="button" onClick={() => workbench.open('compare', { left: token })}>
        Compare with another token…
      </button>
      <button type="button" onClick={() => void editCopy()} onPointerEnter={() => void modules.compose.load()}>
        Edit a copy
      </button>
      {problem && (
        <p role="alert" className="decode-actions-problem">
          {problem}
        </p>
      )}
    </div>
  )
}

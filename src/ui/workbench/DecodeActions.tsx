import { useState } from 'react'
import { modules } from '../../app/modules.ts'
import type { Analysis, TemplateId } from '../../core/index.ts'
import { useSession } from '../hooks.ts'
import './workbench.css'

/** The compose template whose fields fit a decoded token of this kind. */
const TEMPLATE_OF: Partial<Record<Analysis['kind'], TemplateId>> = {
  'k8s-legacy': 'k8s-legacy',
  'k8s-bound-pod': 'k8s-bound-pod',
  'k8s-bound-node': 'k8s-bound-node',
  'k8s-token-request': 'k8s-token-request',
}

/**
 * Under the decoded token: take it into the other views. "Compare with another token…" puts it on
 * the compare view's left; "Edit a copy" takes its header and claims into Compose without the
 * signature, so the copy stays unsigned until the user signs it with a key of their own.
 */
export function DecodeActions({ analysis }: { analysis: Analysis }) {
  const { workbench } = useSession()
  const [problem, setProblem] = useState<string | null>(null)
  const editCopy = async () => {
    setProblem(null)
    const state = await modules.compose.load()
    if (state.status !== 'ready') return setProblem(`Couldn't load ${modules.compose.what}: reload the page to get it.`)
    const copy = state.value.draftFromToken(analysis.decoded)
    if (!copy.ok) return setProblem(copy.diagnostics[0]?.message ?? 'This token cannot be copied.')
    const template = TEMPLATE_OF[analysis.kind] ?? 'empty'
    workbench.open('compose', { draft: { ...copy.draft, note: copy.diagnostics[0]?.message, template } })
  }
  return (
    <div className="decode-actions">
      <button type="button" onClick={() => workbench.open('compare', { left: analysis.decoded.token })}>
        Compare with another token…
      </button>
      <button type="button" onClick={() => void editCopy()}>
        Edit a copy
      </button>
      {problem && (
        <p role="alert" className="decode-actions-problem" data-testid="edit-copy-problem">
          {problem}
        </p>
      )}
    </div>
  )
}

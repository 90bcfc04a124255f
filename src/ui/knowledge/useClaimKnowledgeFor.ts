import { useMemo } from 'react'
import type { Analysis } from '../../core/index.ts'
import { ALL_ROWS, useKnowledge, type ClaimKnowledge } from './useKnowledge.ts'

/** Binds the lazily loaded knowledge base to one analysed token (its issuer and header). */
export function useClaimKnowledgeFor(analysis: Analysis, query: string): ClaimKnowledge {
  const knowledge = useKnowledge()
  const { issuerProviders, decoded, kind } = analysis
  // explain stays the same function while only the query changes, so that the claim tables keep
  // the search text they built from it (rebuilding it per keystroke over 50,000 claims is slow).
  const bound = useMemo<Omit<ClaimKnowledge, 'query'>>(() => {
    const ctx = {
      providers: issuerProviders,
      header: decoded.header?.value ?? null,
      kubernetes: kind.startsWith('k8s-'),
    }
    if (!knowledge) return { explain: () => undefined, search: ALL_ROWS }
    return {
      // By row, not pointer: the pointers under a long member name are each as long as it.
      explain: (row, location) => knowledge.explainRow(row, location, ctx),
      search: (rows, location) => knowledge.searchRows(rows, location, ctx),
    }
  }, [knowledge, issuerProviders, decoded, kind])
  return useMemo(() => ({ ...bound, query }), [bound, query])
}

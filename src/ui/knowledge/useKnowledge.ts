import { createContext, useContext, useMemo } from 'react'
import { modules } from '../../app/modules.ts'
import type { Analysis, ClaimInfo, ClaimRow, RowSearch } from '../../core/index.ts'
import { useModuleValue } from '../hooks.ts'
import { claimExplanation } from '../lazyViews.ts'
import type { ClaimExplanationView } from './ClaimExplanation.tsx'

/** Explains one row; undefined while the knowledge base is loading. */
export type RowExplainer = (row: ClaimRow, location: 'header' | 'payload') => ClaimInfo[] | undefined

/** The claim filter over one table's rows; every row until the knowledge base has loaded. */
export type RowSearcher = (rows: readonly ClaimRow[], location: 'header' | 'payload') => RowSearch

export interface ClaimKnowledge {
  explain: RowExplainer
  search: RowSearcher
  /** The claim filter's text. */
  query: string
  /** The view of a row's explanation, once loaded (with the knowledge base). */
  Explanation: ClaimExplanationView | null
}

export const ALL_ROWS: RowSearcher = (rows) => () => rows

export const ClaimKnowledgeContext = createContext<ClaimKnowledge>({
  explain: () => undefined,
  search: ALL_ROWS,
  query: '',
  Explanation: null,
})

export function useClaimKnowledge(): ClaimKnowledge {
  return useContext(ClaimKnowledgeContext)
}

/**
 * Binds the knowledge base to one analysed token, with the context analyze() worked out (its
 * issuer's providers, its header, whether it is a Kubernetes token). The session requests the
 * knowledge base after the first decoded view; until it arrives (or if it cannot be loaded) the
 * rows show name and value only.
 */
export function useClaimKnowledgeFor(analysis: Analysis, query: string): ClaimKnowledge {
  const registered = useModuleValue(modules.knowledge)
  // For a token from a recognised provider, its meanings follow in their own pack.
  const withProvider = useModuleValue(modules.providerKnowledge)
  const base = analysis.issuerProviders.length > 0 ? (withProvider ?? registered) : registered
  // A claim explained only by a pack (the common or the registry pack) would read as private
  // without it: until every pack it needs is there (the session requests them), such a token's
  // rows show name and value only, as while the knowledge base itself is loading.
  const commonPack = useModuleValue(modules.commonPack)
  const registryPack = useModuleValue(modules.registryPack)
  const knowledge = base?.withPacksFor(analysis.payloadRows, analysis.explainContext.header, {
    commonPack,
    registryPack,
  })
  const ctx = analysis.explainContext
  // Requested once the knowledge base is there: the two share a chunk.
  if (registered) void claimExplanation.load()
  const Explanation = useModuleValue(claimExplanation)
  // explain and search stay the same functions while only the query changes, so that the claim
  // tables keep the search text they built (rebuilding it per keystroke over 50,000 claims is slow).
  const bound = useMemo<Pick<ClaimKnowledge, 'explain' | 'search'>>(() => {
    if (!knowledge) return { explain: () => undefined, search: ALL_ROWS }
    return {
      // By row, not pointer: the pointers under a long member name are each as long as it.
      explain: (row, location) => knowledge.explainRow(row, location, ctx),
      search: (rows, location) => knowledge.searchRows(rows, location, ctx),
    }
  }, [knowledge, ctx])
  return useMemo(() => ({ ...bound, query, Explanation }), [bound, query, Explanation])
}

import { createContext, useContext, useMemo } from 'react'
import { modules } from '../../app/modules.ts'
import type { Analysis, ClaimInfo, ClaimRow } from '../../core/index.ts'
import { useModuleValue } from '../hooks.ts'

/** Explains one row; undefined while the knowledge base is loading. */
export type RowExplainer = (row: ClaimRow, location: 'header' | 'payload') => ClaimInfo[] | undefined

export interface ClaimKnowledge {
  explain: RowExplainer
  /** The claim filter's text. */
  query: string
}

export const ClaimKnowledgeContext = createContext<ClaimKnowledge>({ explain: () => undefined, query: '' })

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
  const knowledge = useModuleValue(modules.knowledge)
  const ctx = analysis.explainContext
  return useMemo(() => {
    const explain: RowExplainer = (row, location) => {
      if (!knowledge) return undefined
      return location === 'header'
        ? knowledge.explainHeader(row.pointer, ctx)
        : knowledge.explainClaim(row.pointer, ctx)
    }
    return { explain, query }
  }, [knowledge, ctx, query])
}

import { useMemo } from 'react'
import type { Analysis } from '../../core/index.ts'
import { useKnowledge, type ClaimKnowledge } from './useKnowledge.ts'

/** Binds the lazily loaded knowledge base to one analysed token (its issuer and header). */
export function useClaimKnowledgeFor(analysis: Analysis, query: string): ClaimKnowledge {
  const knowledge = useKnowledge()
  const { issuerProviders, decoded, kind } = analysis
  return useMemo(() => {
    const ctx = {
      providers: issuerProviders,
      header: decoded.header?.value ?? null,
      kubernetes: kind.startsWith('k8s-'),
    }
    const explain: ClaimKnowledge['explain'] = (row, location) => {
      if (!knowledge) return undefined
      return location === 'header'
        ? knowledge.explainHeader(row.pointer, ctx)
        : knowledge.explainClaim(row.pointer, ctx)
    }
    return { explain, query }
  }, [knowledge, issuerProviders, decoded, kind, query])
}

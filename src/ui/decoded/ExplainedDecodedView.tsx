import { useState } from 'react'
import type { Analysis } from '../../core/index.ts'
import { ClaimFilter } from './ClaimFilter.tsx'
import { DecodedView } from './DecodedView.tsx'
import { ClaimKnowledgeContext, useClaimKnowledgeFor } from '../knowledge/useKnowledge.ts'

/** The decoded token with every claim and header row explained, and the filter box over them. */
export function ExplainedDecodedView({
  analysis,
  onOpenToken,
}: {
  analysis: Analysis
  onOpenToken: (token: string) => void
}) {
  const [query, setQuery] = useState('')
  const knowledge = useClaimKnowledgeFor(analysis, query)
  return (
    <ClaimKnowledgeContext value={knowledge}>
      {analysis.decoded.header && <ClaimFilter value={query} onChange={setQuery} />}
      <DecodedView analysis={analysis} onOpenToken={onOpenToken} />
    </ClaimKnowledgeContext>
  )
}

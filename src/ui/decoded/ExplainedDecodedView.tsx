import { useDeferredValue, useState } from 'react'
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
  // The box answers the keystroke at once; the tables follow in a render that yields, and that a
  // next keystroke abandons (over 50,000 claims, re-rendering them with the box took 80–110 ms).
  const tableQuery = useDeferredValue(query)
  const knowledge = useClaimKnowledgeFor(analysis, tableQuery)
  return (
    <ClaimKnowledgeContext value={knowledge}>
      {analysis.decoded.header && <ClaimFilter value={query} onChange={setQuery} />}
      <DecodedView analysis={analysis} onOpenToken={onOpenToken} />
    </ClaimKnowledgeContext>
  )
}

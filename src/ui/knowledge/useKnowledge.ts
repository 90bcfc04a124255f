import { createContext, useContext, useEffect, useState } from 'react'
import { useAfterFirstView } from '../firstView.ts'
import { loadKnowledge, type ClaimInfo, type ClaimRow, type Knowledge, type RowSearch } from '../../core/index.ts'

/** The knowledge base once its chunk has loaded; null before (rows show name and value meanwhile). */
export function useKnowledge(): Knowledge | null {
  const [knowledge, setKnowledge] = useState<Knowledge | null>(null)
  // Not before the first decoded view is on screen: its rows show name and value without it.
  const ready = useAfterFirstView()
  useEffect(() => {
    if (!ready) return
    let live = true
    loadKnowledge().then(
      (k) => live && setKnowledge(k),
      // A chunk that fails to load (offline after an update, say) only costs the explanations.
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [ready])
  return knowledge
}

/** Explains one row; undefined while the knowledge base is loading. */
export type RowExplainer = (row: ClaimRow, location: 'header' | 'payload') => ClaimInfo[] | undefined

/** The claim filter over one table's rows; every row until the knowledge base has loaded. */
export type RowSearcher = (rows: readonly ClaimRow[], location: 'header' | 'payload') => RowSearch

export interface ClaimKnowledge {
  explain: RowExplainer
  search: RowSearcher
  /** The claim filter's text. */
  query: string
}

export const ALL_ROWS: RowSearcher = (rows) => () => rows

export const ClaimKnowledgeContext = createContext<ClaimKnowledge>({
  explain: () => undefined,
  search: ALL_ROWS,
  query: '',
})

export function useClaimKnowledge(): ClaimKnowledge {
  return useContext(ClaimKnowledgeContext)
}

import type { Knowledge } from './knowledge.ts'

let pending: Promise<Knowledge> | undefined

/**
 * Loads the claim knowledge base on first use. It is a separate chunk of about 20 KB gzip, so the
 * page starts without it and the rows show their explanations once it has arrived.
 */
export function loadKnowledge(): Promise<Knowledge> {
  pending ??= import('./knowledge.ts').then((m) => m.createKnowledge())
  return pending
}

export type { ClaimLookup, ExplainContext, Knowledge } from './knowledge.ts'
export type { ProviderId } from './types.ts'

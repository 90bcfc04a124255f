/**
 * The claim knowledge base: what every registered, OpenID, provider and Kubernetes claim and
 * header parameter means, and the header and claim checks. It is a chunk of its own, about 25 KB
 * gzip, that the page loads after the first decoded view (src/app/modules.ts): the rows show
 * name and value at once and their explanations once it has arrived. Import it only from code
 * that is itself loaded on demand; src/core/index.ts re-exports its types only.
 * @module
 */
export { createKnowledge, EXTRA_CLAIM_LOOKUPS, PROVIDER_NAMES, toClaimInfo } from './knowledge.ts'
export type { ClaimLookup, ExplainContext, Knowledge } from './knowledge.ts'
export type { ProviderId } from './types.ts'

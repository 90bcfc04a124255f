/**
 * The claim knowledge base: what every registered, OpenID, provider and Kubernetes claim and
 * header parameter means, and the header and claim checks. It is a chunk of its own, about 25 KB
 * gzip, that the page loads after the first decoded view (src/app/modules.ts): the rows show
 * name and value at once and their explanations once it has arrived. The providers' meanings
 * (Entra ID, Google, Cognito, …) are a pack of their own, ./providers.generated.ts, loaded only
 * for a token whose issuer is recognised (see withPackData), and so are the registered claims
 * that pasted tokens rarely carry, ./registry.generated.ts, and the registered names a
 * Kubernetes token does not carry (OpenID Connect, OAuth, SD-JWT, JWE…), ./common.generated.ts,
 * each for a token that has one of them (see Knowledge.packsNeeded). Import these only from code
 * that is itself loaded on demand; src/core/index.ts re-exports their types only.
 * @byPath ./providers.generated.ts (providers) ./registry.generated.ts (registry) ./common.generated.ts (common)
 * @byPath ./data.generated.ts ./providers.ts (read by the analysis, not through this chunk)
 * @module
 */
export { createKnowledge, EXTRA_CLAIM_LOOKUPS, PROVIDER_NAMES, toClaimInfo, withPackData } from './knowledge.ts'
export { KNOWLEDGE_DATA } from './data.generated.ts'
export type { ClaimLookup, ExplainContext, Knowledge, KnowledgePack } from './knowledge.ts'
export type { KnowledgeData, ProviderId } from './types.ts'

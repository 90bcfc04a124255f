/** Where a knowledge-base entry comes from: the IANA registries, OpenID, or one provider. */
export type KnowledgeSource =
  | 'iana'
  | 'oidc'
  | 'entra'
  | 'google'
  | 'aws-cognito'
  | 'aws-alb'
  | 'auth0'
  | 'keycloak'
  | 'github-actions'
  | 'gitlab-ci'
  | 'spiffe'
  | 'ietf-draft'

/** Providers whose claims are explained only when the token comes from them. */
export type ProviderId = Exclude<KnowledgeSource, 'iana' | 'oidc' | 'ietf-draft'>

/** One claim, header parameter or algorithm, as the generator writes it. */
export interface KnowledgeEntry {
  name: string
  title: string
  /** Our plain explanation. */
  text: string
  /** How a verifier processes it, in our words. */
  processing: string
  /** e.g. "RFC 7519 §4.1.1". */
  spec: string
  url: string
  source: KnowledgeSource
  valueType?: string
  /** For confirmation methods: the claim they live in ("cnf"). */
  parent?: string
  /** For families such as `custom:*`: a regular expression matching the member names. */
  pattern?: string
}

/**
 * Compact row written by scripts/gen-knowledge.mjs:
 * [name, title, text, processing, spec, url, source, valueType, parent-or-pattern].
 * Empty strings stand for absent optional fields.
 */
export type KnowledgeRow = readonly [string, string, string, string, string, string, string, string, string]

export interface KnowledgeData {
  claims: readonly KnowledgeRow[]
  headers: readonly KnowledgeRow[]
  algorithms: readonly KnowledgeRow[]
}

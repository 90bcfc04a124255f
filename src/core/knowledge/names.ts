import type { KnowledgeSource } from './types.ts'

// Apart from knowledge.ts so that other lazily loaded code (comparing two tokens) can name a
// provider without pulling in the knowledge base's data.
/** The name a reader knows each knowledge source by. */
export const PROVIDER_NAMES: Record<KnowledgeSource, string> = {
  iana: 'IANA',
  oidc: 'OpenID',
  entra: 'Microsoft Entra ID',
  google: 'Google',
  'aws-cognito': 'Amazon Cognito',
  'aws-alb': 'AWS Application Load Balancer',
  auth0: 'Auth0',
  keycloak: 'Keycloak',
  'github-actions': 'GitHub Actions',
  spiffe: 'SPIFFE',
  'ietf-draft': 'IETF draft (unregistered)',
}

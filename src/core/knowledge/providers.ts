import type { JsonObject } from '../encoding/json.ts'
import type { ProviderId } from './types.ts'

// Issuer patterns from the providers' documentation. A provider's claim meanings apply only to
// tokens that come from it: `roles` means something else in every product.
const ISSUER_PATTERNS: ReadonlyArray<readonly [ProviderId, RegExp]> = [
  ['entra', /^https:\/\/(login\.microsoftonline\.com\/[^/]+\/v2\.0|sts\.windows\.net\/[^/]+\/)$/],
  ['google', /^(https:\/\/)?accounts\.google\.com$/],
  ['aws-cognito', /^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com\/[^/]+$/],
  ['auth0', /^https:\/\/[^/]+\.auth0\.com\/$/],
  ['keycloak', /^https?:\/\/[^?#]+\/realms\/[^/]+\/?$/],
  ['github-actions', /^https:\/\/token\.actions\.githubusercontent\.com(\/[^/]+)?$/],
  ['gitlab-ci', /^https:\/\/gitlab\.com$/],
]

/**
 * A GitLab CI/CD ID token from a self-managed instance, whose iss is the instance's own URL: told
 * by the claims GitLab always writes together (lib/gitlab/ci/jwt.rb `ci_claims` and
 * user_project_token_claims.rb), which no other issuer here uses.
 */
function looksLikeGitlabCi(payload: JsonObject): boolean {
  return ['project_path', 'namespace_path', 'pipeline_source', 'job_id'].every((c) => payload[c] !== undefined)
}

/**
 * The providers a token comes from, recognised by its `iss` (SPIFFE by a `spiffe://` `sub`, an AWS
 * load balancer by the `signer` ARN in its header, a self-managed GitLab by its CI claims). Other
 * custom issuer domains cannot be recognised.
 */
export function detectProviders(header: JsonObject | null, payload: JsonObject | null): ProviderId[] {
  const found: ProviderId[] = []
  const iss = payload?.iss
  if (typeof iss === 'string') for (const [id, re] of ISSUER_PATTERNS) if (re.test(iss)) found.push(id)
  if (payload && !found.includes('gitlab-ci') && looksLikeGitlabCi(payload)) found.push('gitlab-ci')
  if (typeof payload?.sub === 'string' && payload.sub.startsWith('spiffe://')) found.push('spiffe')
  if (typeof header?.signer === 'string' && header.signer.startsWith('arn:aws:elasticloadbalancing:'))
    found.push('aws-alb')
  return found
}

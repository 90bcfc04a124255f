// Every specification or upstream source a diagnostic or an explanation links to is built here, so
// that core holds no URL literals elsewhere and a moved document is fixed in one place. The RFC
// links, which the start-up codes use, are built in ./rfc.ts; the rest (OpenID, Kubernetes,
// SPIFFE, Unicode) only by the checks and insights that load after the first view.

export { rfc, type SpecRef } from './rfc.ts'
import type { SpecRef } from './rfc.ts'

const OIDC_CORE = 'https://openid.net/specs/openid-connect-core-1_0.html'

/** A section of OpenID Connect Core 1.0, which names its anchors rather than numbering them. */
export function oidc(section: string, anchor: string): SpecRef {
  return { label: `OpenID Connect Core §${section}`, url: `${OIDC_CORE}#${anchor}` }
}

const KK = 'https://github.com/kubernetes/kubernetes/blob/master/'

/** Upstream Kubernetes source the Kubernetes diagnostics and explanations rest on. */
export const K8S = {
  claims: { label: 'k/k claims.go', url: `${KK}pkg/serviceaccount/claims.go` },
  legacy: { label: 'k/k legacy.go', url: `${KK}pkg/serviceaccount/legacy.go` },
  jwt: { label: 'k/k jwt.go', url: `${KK}pkg/serviceaccount/jwt.go` },
  token: { label: 'k/k token.go', url: `${KK}pkg/registry/core/serviceaccount/storage/token.go` },
  signer: { label: 'k/k externaljwt plugin.go', url: `${KK}pkg/serviceaccount/externaljwt/plugin/plugin.go` },
  username: {
    label: 'apiserver serviceaccount/util.go',
    url: `${KK}staging/src/k8s.io/apiserver/pkg/authentication/serviceaccount/util.go`,
  },
  /** Object name rules (IsDNS1123Label, IsDNS1123Subdomain). */
  names: {
    label: 'apimachinery content/dns.go',
    url: 'https://github.com/kubernetes/apimachinery/blob/master/pkg/api/validate/content/dns.go',
  },
  docs: {
    label: 'Kubernetes: managing service accounts',
    url: 'https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/',
  },
} satisfies Record<string, SpecRef>

/** A SPIFFE standard document, e.g. `spiffe('WIT-SVID')`. */
export function spiffe(doc: 'JWT-SVID' | 'WIT-SVID'): SpecRef {
  return { label: `SPIFFE ${doc}`, url: `https://github.com/spiffe/spiffe/blob/main/standards/${doc}.md` }
}

/** The Unicode documents on text that misleads its reader. */
export const UNICODE = {
  bidi: { label: 'Unicode UAX #9 (bidi)', url: 'https://www.unicode.org/reports/tr9/' },
  security: { label: 'Unicode UTS #39 (security)', url: 'https://www.unicode.org/reports/tr39/' },
} satisfies Record<string, SpecRef>

import type { SpecRef } from '../diagnostics/diagnostic.ts'

const KK = 'https://github.com/kubernetes/kubernetes/blob/master/'

/** Upstream source the Kubernetes explanations rest on. */
export const SOURCE = {
  claims: { label: 'k/k claims.go', url: `${KK}pkg/serviceaccount/claims.go` },
  legacy: { label: 'k/k legacy.go', url: `${KK}pkg/serviceaccount/legacy.go` },
  jwt: { label: 'k/k jwt.go', url: `${KK}pkg/serviceaccount/jwt.go` },
  username: {
    label: 'apiserver serviceaccount/util.go',
    url: `${KK}staging/src/k8s.io/apiserver/pkg/authentication/serviceaccount/util.go`,
  },
} satisfies Record<string, SpecRef>

export const SA_DOCS: SpecRef = {
  label: 'Kubernetes: managing service accounts',
  url: 'https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/',
}

/**
 * Whether an audience names the Kubernetes API server rather than an outside consumer: the issuer
 * itself (kubeadm and most clusters set --api-audiences to it), `kubernetes.default.svc` with or
 * without a scheme and cluster domain, or k3s's extra audience `k3s`.
 */
export function isApiServerAudience(aud: string, iss: string | undefined): boolean {
  return aud === iss || aud === 'k3s' || /^(https:\/\/)?kubernetes\.default\.svc(\.[a-z0-9.-]+)?$/.test(aud)
}

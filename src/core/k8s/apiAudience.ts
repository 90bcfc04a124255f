import type { AudienceMeaning } from './audiences.ts'

/**
 * Whether an audience names the Kubernetes API server rather than an outside consumer: the issuer
 * itself (kubeadm and most clusters set --api-audiences to it), `kubernetes.default.svc` with or
 * without a scheme and cluster domain, or k3s's extra audience `k3s`.
 */
export function isApiServerAudience(aud: string, iss: string | undefined): boolean {
  return aud === iss || aud === 'k3s' || /^(https:\/\/)?kubernetes\.default\.svc(\.[a-z0-9.-]+)?$/.test(aud)
}

/** What an audience that names the API server means: the one audience the catalogue need not be loaded for. */
export const API_SERVER_AUDIENCE: Omit<AudienceMeaning, 'audience'> = {
  target: 'api-server',
  explanation:
    'The Kubernetes API server: the token is meant for calls to the cluster itself. Its audiences are --api-audiences, by default every --service-account-issuer.',
  whenWrong:
    'The API server answers "token audiences … is invalid for the target audiences …". Request the token without --audience (the API audiences are the default), or add the audience to --api-audiences.',
}

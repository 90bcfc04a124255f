// The audience catalogue: who consumes a service account token with a given `aud`, what that
// consumer does with it, and what to fix when the audience is the wrong one. Sources are named per
// entry; the wording is ours.
import { API_SERVER_AUDIENCE as API_SERVER, isApiServerAudience } from './apiAudience.ts'
import type { KubernetesClaims } from './claims.ts'
import { serviceWebhookAudience } from './webhook.ts'

/** The `data-target` values of the `audience` hook. */
export type AudienceTarget =
  | 'api-server'
  | 'aws-sts'
  | 'eks-pod-identity'
  | 'azure-ad'
  | 'aks-identity-binding'
  | 'google-sts'
  | 'istio'
  | 'linkerd'
  | 'spire'
  | 'vault'
  | 'registry'
  | 'webhook'
  | 'other'

export interface AudienceMeaning {
  audience: string
  target: AudienceTarget
  /** Who takes the token and what for. */
  explanation: string
  /** What goes wrong with the wrong audience and how to fix it, with the consumer's message where known. */
  whenWrong: string
}

type Entry = Omit<AudienceMeaning, 'audience'>

const EXACT: Record<string, Entry> = {
  'sts.amazonaws.com': {
    target: 'aws-sts',
    explanation:
      'AWS STS, for IAM roles for service accounts (IRSA): the pod exchanges the token with AssumeRoleWithWebIdentity for credentials of the role in its eks.amazonaws.com/role-arn annotation. The EKS pod identity webhook projects it at /var/run/secrets/eks.amazonaws.com/serviceaccount/token for 86400 s by default.',
    whenWrong:
      'STS answers "InvalidIdentityToken: Incorrect token audience". The IAM OIDC provider’s client list (ClientIDList) must hold this audience, and the webhook’s --token-audience or the eks.amazonaws.com/audience annotation must match it.',
  },
  'pods.eks.amazonaws.com': {
    target: 'eks-pod-identity',
    explanation:
      'EKS Pod Identity: the node agent exchanges the token (mounted at /var/run/secrets/pods.eks.amazonaws.com/serviceaccount/eks-pod-identity-token) through EKS Auth AssumeRoleForPodIdentity for the credentials of the role associated with the service account.',
    whenWrong:
      'EKS Auth answers InvalidTokenException. The audience is fixed: check that the pod identity association names this namespace and service account, and that the agent add-on runs.',
  },
  'api://AzureADTokenExchange': {
    target: 'azure-ad',
    explanation:
      'Microsoft Entra ID (AKS workload identity): the token is exchanged for an Entra access token through a federated identity credential whose issuer and subject must match exactly. The webhook mounts it at /var/run/secrets/azure/wi/token/azure-identity-token (AZURE_FEDERATED_TOKEN_FILE; older webhook versions used /var/run/secrets/azure/tokens/azure-identity-token).',
    whenWrong:
      'Entra answers "AADSTS700212: No matching federated identity record found for presented assertion audience". The federated credential’s audiences must list this value.',
  },
  'api://AKSIdentityBinding': {
    target: 'aks-identity-binding',
    explanation:
      'AKS identity bindings, and the AKS ACR credential provider, which requests image-pull tokens with this audience (kubelet tokenAttributes.serviceAccountTokenAudience) for the identity named in the service account’s kubernetes.azure.com/acr-client-id annotation.',
    whenWrong:
      'The exchange fails for a federated credential without this audience; for image pulls, the kubelet cannot request the token unless the audience is allowed for the node (see the image-pull note).',
  },
  'istio-ca': {
    target: 'istio',
    explanation:
      'Istio’s CA in istiod: the sidecar or ambient proxy presents the token (the istio-token projected volume, /var/run/secrets/tokens/istio-token, 43200 s) when it asks for its workload certificate; istiod checks it with a TokenReview.',
    whenWrong:
      'istiod answers "the service account authentication returns an error". Its TOKEN_AUDIENCES (default istio-ca) and the mesh’s global.sds.token.aud must agree with the audience the injector writes.',
  },
  'identity.l5d.io': {
    target: 'linkerd',
    explanation:
      'Linkerd’s identity controller: the proxy presents the token (/var/run/secrets/tokens/linkerd-identity-token, 86400 s) to get its mTLS certificate; the controller checks it with a TokenReview.',
    whenWrong:
      'When the TokenReview reports a wrong audience, Linkerd retries with the API server’s audiences, so an old proxy still works; anything else is reported as InvalidToken with the TokenReview’s error.',
  },
  'spire-server': {
    target: 'spire',
    explanation:
      'The SPIRE server’s k8s_psat node attestor: the SPIRE agent presents its projected token (default /var/run/secrets/tokens/spire-agent) to prove which node it runs on, and gets the agent SPIFFE ID spiffe://<trust domain>/spire/agent/k8s_psat/<cluster>/<node uid>.',
    whenWrong:
      'The server answers "token not authenticated according to TokenReview API for cluster …". The attestor’s audience list (default spire-server) and the agent’s projected volume must name the same audience; an empty list means the API server’s.',
  },
  vault: {
    target: 'vault',
    explanation:
      'HashiCorp Vault’s Kubernetes auth, by convention: a role’s audience is optional and is whatever the role names (vault is a common choice, not a default). Vault checks it itself and again through the TokenReview.',
    whenWrong:
      'Vault answers "invalid audience (aud) claim" (403) or "service account jwt valid for audience(s) …, but wanted …". Set the role’s audience to the one the token carries, or request the token with the role’s audience.',
  },
}

// Container registries whose credential providers take a pod's token for image pulls (KEP-4412).
const REGISTRY =
  /^(?:https?:\/\/)?(?:[0-9]{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?|[a-z0-9-]+\.azurecr\.io|(?:[a-z0-9-]+-)?docker\.pkg\.dev|(?:[a-z]+\.)?gcr\.io|ghcr\.io|quay\.io|(?:[a-z0-9-]+\.)*docker\.io|(?:[a-z0-9-]+\.)*(?:registry|harbor|jfrog)[a-z0-9.-]*)(?:\/.*)?$/i

function webhookEntry(aud: string): Entry {
  const svc = serviceWebhookAudience(aud)
  return {
    target: 'webhook',
    explanation: svc
      ? `The admission webhook served by service ${svc.namespace}/${svc.service} on port ${svc.port}, path ${svc.path}: a webhook-bound token’s one audience is the webhook’s address, which lets the webhook check that the token was minted for it.`
      : 'The admission webhook at this URL: a webhook-bound token’s one audience is the webhook’s address, which lets the webhook check that the token was minted for it.',
    whenWrong:
      'The API server refuses the TokenRequest unless the audience equals a webhook’s clientConfig.url exactly, or for a service https://<service>.<namespace>.svc:<port><path> with port 443 and path / when unset; the trailing slash counts.',
  }
}

/** Explains one audience of a Kubernetes token: its consumer and what to fix when it is wrong. */
export function explainAudience(aud: string, c: Pick<KubernetesClaims, 'iss' | 'webhooks'>): AudienceMeaning {
  if (isApiServerAudience(aud, c.iss)) return { audience: aud, ...API_SERVER }
  if (c.webhooks.length > 0 && /^https:\/\//.test(aud)) return { audience: aud, ...webhookEntry(aud) }
  const exact = Object.hasOwn(EXACT, aud) ? EXACT[aud] : undefined
  if (exact) return { audience: aud, ...exact }
  if (/\.svc\.id\.goog$/.test(aud) || aud.startsWith('identitynamespace:')) {
    return {
      audience: aud,
      target: 'google-sts',
      explanation:
        'A Google workload identity pool: the token is exchanged at Google STS for Google Cloud credentials (principal serviceAccount:<project>.svc.id.goog[<namespace>/<name>]). The STS audience of a GKE cluster is identitynamespace:<project>.svc.id.goog:<cluster issuer URL>.',
      whenWrong:
        'The exchange fails ("STS token exchange failed"). The pool must trust this cluster’s issuer, and the audience must name that pool.',
    }
  }
  if (REGISTRY.test(aud)) {
    return {
      audience: aud,
      target: 'registry',
      explanation:
        'A container registry: the audience a kubelet credential provider asks for when it pulls images with the pod’s own identity (KEP-4412, beta and on by default since 1.34). The provider exchanges the token for registry credentials.',
      whenWrong:
        'The kubelet cannot even obtain the token unless the node may request this audience: "audience … not found in pod spec volume, system:node:<node> is not authorized to request tokens for this audience". Grant it with the request-serviceaccounts-token-audience verb (see the image-pull note), and match the registry’s own trust configuration.',
    }
  }
  return {
    audience: aud,
    target: 'other',
    explanation:
      'Another consumer (a service of your own, say) that validates the token itself, often with a TokenReview. The API server refuses the token unless this is also one of its --api-audiences.',
    whenWrong:
      'The consumer names the audience it expected in its error. Request the token with that audience (kubectl create token --audience, or the projected volume’s audience).',
  }
}

import { findDeceptive } from '../encoding/deceptive.ts'
import { renderShellCommand, untrusted } from '../encoding/shell.ts'

/**
 * Where to get a cluster's or issuer's public keys, as text for the user to run or open. Nothing
 * here is ever fetched by the page.
 */

export interface KeySourceHint {
  /** What this source is, in a few words. */
  title: string
  /** A shell command, or a URL to open by hand. */
  text: string
  note: string
}

/**
 * Commands that fetch a `jwks_uri`: kubectl for the API server's own path, curl otherwise. The
 * address comes from a pasted document, so it is a command only when it is an http(s) URL that
 * shows as it is (curl also reads file: and other schemes), after `--`, quoted for the shell.
 */
export function fetchCommand(jwksUri: string): string[] {
  let url: URL
  try {
    url = new URL(jwksUri)
  } catch {
    return []
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || findDeceptive(jwksUri).length > 0) return []
  const out: string[] = []
  if (url.pathname === '/openid/v1/jwks') out.push('kubectl get --raw /openid/v1/jwks')
  out.push(renderShellCommand(['curl', '-fsS', '--', untrusted(jwksUri)]))
  return out
}

const EKS = /^https:\/\/oidc\.eks\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/id\/[0-9A-Fa-f]{32}\/?$/
const GKE = /^https:\/\/container\.googleapis\.com\/v1\/projects\/[^/]+\/locations\/[^/]+\/clusters\/[^/]+\/?$/
const AKS = /^https:\/\/([a-z0-9-]+\.oic\.prod-aks\.azure\.com|oidc\.prod-aks\.azure\.com)\/.+/

/** Which managed provider's public JWKS an issuer points to, if recognised. */
export function providerJwksUrl(iss: string): { provider: 'EKS' | 'GKE' | 'AKS'; url: string } | null {
  const base = iss.replace(/\/+$/, '')
  if (EKS.test(iss)) return { provider: 'EKS', url: `${base}/keys` }
  if (GKE.test(iss)) return { provider: 'GKE', url: `${base}/jwks` }
  if (AKS.test(iss)) return { provider: 'AKS', url: `${base}/openid/v1/jwks` }
  return null
}

/**
 * The ways to obtain verification keys for a token with issuer `iss`: the cluster's own endpoints
 * through kubectl, sa.pub on kubeadm control planes, and the public URLs built from `iss`.
 */
export function keySourceHints(iss: string | undefined): KeySourceHint[] {
  const hints: KeySourceHint[] = [
    {
      title: 'The cluster’s key set',
      text: 'kubectl get --raw /openid/v1/jwks',
      note: 'Prints the JWK Set the API server verifies service account tokens with. Paste the output as it is.',
    },
    {
      title: 'The cluster’s discovery document',
      text: 'kubectl get --raw /.well-known/openid-configuration',
      note: 'Shows the issuer and its jwks_uri; it holds no keys itself.',
    },
    {
      title: 'sa.pub on a kubeadm control plane',
      text: 'sudo cat /etc/kubernetes/pki/sa.pub',
      note: 'Run on a control-plane node of a kubeadm cluster (kind: docker exec kind-control-plane cat /etc/kubernetes/pki/sa.pub). It is the public half of the signing key, in PEM.',
    },
  ]
  // Built from the token's iss: only when it shows as it is, or the address would not be what it reads.
  if (iss && /^https:\/\//.test(iss) && findDeceptive(iss).length === 0) {
    const provider = providerJwksUrl(iss)
    if (provider) {
      hints.push({
        title: `${provider.provider} public key set`,
        text: provider.url,
        note: `Built from this token’s iss. ${provider.provider} publishes it without credentials; open it yourself and paste the result. The discovery document below names the authoritative address.`,
      })
    }
    hints.push({
      title: 'The issuer’s discovery document',
      text: `${iss.replace(/\/+$/, '')}/.well-known/openid-configuration`,
      note: 'Built from this token’s iss. Its jwks_uri names the key set. This page does not open it for you.',
    })
  }
  return hints
}

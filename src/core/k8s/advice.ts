import type { KubernetesClaims } from './claims.ts'
import { isApiServerAudience } from './apiAudience.ts'
import { bindingAdvice } from './bindingAdvice.ts'

export interface AdviceItem {
  /** Stable id, used as the `data-advice` test hook. */
  id: string
  title: string
  explanation: string
  /** A command or manifest to copy, filled in from the token; always shown as text. */
  command?: string
}

/** Quotes a value for a POSIX shell unless it is made only of harmless characters. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_.:/@=+,-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`
}

const q = shellQuote

function legacyAdvice(ns: string, sa: string, secret: string | undefined): AdviceItem[] {
  const items: AdviceItem[] = [
    {
      id: 'legacy-risk',
      title: 'Why this token is risky',
      explanation:
        'It never expires, it is stored in a Secret that anyone allowed to read Secrets in the namespace can copy, and it stays valid until that Secret is deleted. Nothing ties it to an audience or a pod.',
    },
    {
      id: 'replace-create-token',
      title: 'Replace it with a short-lived token',
      explanation:
        'Ask the TokenRequest API for a token that expires; add --audience when the consumer is not the API server.',
      command: `kubectl create token ${q(sa)} -n ${q(ns)} --duration 1h`,
    },
    {
      id: 'replace-projected',
      title: 'Or mount a projected token into the pod',
      explanation: 'The kubelet requests and rotates it; the application must re-read the file.',
      command: [
        'volumes:',
        '- name: sa-token',
        '  projected:',
        '    sources:',
        '    - serviceAccountToken:',
        '        path: token',
        '        expirationSeconds: 3600',
        '        audience: <audience of the consumer>',
      ].join('\n'),
    },
  ]
  if (secret) {
    items.push(
      {
        id: 'legacy-last-used',
        title: 'Find out whether it is still used',
        explanation: 'Since 1.28 the API server records the last day of use on the Secret.',
        command: `kubectl get secret ${q(secret)} -n ${q(ns)} -o jsonpath='{.metadata.labels.kubernetes\\.io/legacy-token-last-used}'`,
      },
      {
        id: 'legacy-list',
        title: 'List every legacy token Secret and its last use',
        explanation: 'Secrets without the label have not been used since tracking began.',
        command:
          'kubectl get secrets -A --field-selector type=kubernetes.io/service-account-token -L kubernetes.io/legacy-token-last-used -L kubernetes.io/legacy-token-invalid-since',
      },
      {
        id: 'legacy-revoke',
        title: 'Revoke it',
        explanation: 'Deleting the Secret invalidates the token at once.',
        command: `kubectl delete secret ${q(secret)} -n ${q(ns)}`,
      },
    )
  }
  return items
}

function boundObjectCheck(c: KubernetesClaims, ns: string): AdviceItem | undefined {
  const check = (kind: string, name: string, uid: string | undefined, namespaced: boolean): AdviceItem => ({
    id: 'check-bound-object',
    title: `Check that the bound ${kind} still exists`,
    explanation: `A deleted ${kind} invalidates the token. The uid printed must be ${uid ?? '(no uid in the token)'}; a different one means the ${kind} was recreated and the token is no longer accepted.`,
    command: `kubectl get ${kind} ${q(name)}${namespaced ? ` -n ${q(ns)}` : ''} -o jsonpath='{.metadata.uid}'`,
  })
  if (c.pod?.name) return check('pod', c.pod.name, c.pod.uid, true)
  if (c.secret?.name) return check('secret', c.secret.name, c.secret.uid, true)
  if (c.node?.name) return check('node', c.node.name, c.node.uid, false)
  return undefined
}

function reissue(c: KubernetesClaims, ns: string, sa: string): AdviceItem | undefined {
  if (c.exp === undefined) return undefined
  const args = [`kubectl create token ${q(sa)} -n ${q(ns)}`]
  for (const a of c.aud.filter((x) => !isApiServerAudience(x, c.iss))) args.push(`--audience ${q(a)}`)
  const ref = c.pod?.name
    ? ['Pod', c.pod.name]
    : c.secret?.name
      ? ['Secret', c.secret.name]
      : c.node?.name
        ? ['Node', c.node.name]
        : undefined
  if (ref) args.push(`--bound-object-kind ${ref[0]} --bound-object-name ${q(ref[1] ?? '')}`)
  const start = c.iat ?? c.nbf
  // An extended kubelet token was requested for 3607 s; its far exp is not a duration to copy.
  const seconds = start === undefined ? undefined : c.warnafter !== undefined ? c.warnafter - start : c.exp - start
  if (seconds !== undefined && seconds >= 600) args.push(`--duration ${seconds}s`)
  return {
    id: 'reissue',
    title: 'Get a comparable token',
    explanation:
      'The same account, audience, binding and lifetime, from the TokenRequest API (the API audiences are the default and are left out).',
    command: args.join(' '),
  }
}

/**
 * Next steps for a Kubernetes token, with copyable commands filled in from its namespace,
 * names and audience. Values are shell-quoted because they come from an untrusted token.
 * `fromCredentialProvider`: the token came in a kubelet CredentialProviderRequest.
 */
export function kubernetesAdvice(c: KubernetesClaims, fromCredentialProvider = false): AdviceItem[] {
  const ns = c.namespace ?? '<namespace>'
  const sa = c.serviceAccount.name ?? '<service-account>'
  const items: AdviceItem[] = c.shape === 'legacy' ? legacyAdvice(ns, sa, c.secretName) : []
  items.push({
    id: 'can-i',
    title: 'See what this identity may do',
    explanation: 'Lists the permissions RBAC grants the service account (you need the right to impersonate it).',
    command: `kubectl auth can-i --list -n ${q(ns)} --as=${q(`system:serviceaccount:${ns}:${sa}`)}`,
  })
  items.push({
    id: 'check-service-account',
    title: 'Check that the service account is the same one',
    explanation: `A recreated account gets a new uid and every earlier token stops working. Expected uid: ${c.serviceAccount.uid ?? '(none in the token)'}.`,
    command: `kubectl get serviceaccount ${q(sa)} -n ${q(ns)} -o jsonpath='{.metadata.uid}'`,
  })
  const bound = boundObjectCheck(c, ns)
  if (bound) items.push(bound)
  const again = c.shape === 'bound' && c.webhooks.length === 0 ? reissue(c, ns, sa) : undefined
  if (again) items.push(again)
  items.push(...bindingAdvice(c, fromCredentialProvider))
  items.push(
    {
      id: 'jwks',
      title: 'Fetch the cluster’s public keys',
      explanation:
        'With the key set, this token’s signature can be verified; the kid in the header names the key that signed it.',
      command: 'kubectl get --raw /openid/v1/jwks',
    },
    {
      id: 'discovery',
      title: 'Read the issuer discovery document',
      explanation:
        'Shows the issuer the cluster signs with and where it publishes its keys; external verifiers need access to both.',
      command: 'kubectl get --raw /.well-known/openid-configuration',
    },
  )
  return items
}

import type { KubernetesClaims } from './claims.ts'
import { isApiServerAudience } from './apiAudience.ts'
import { freeText, objectName, quoted, shell, type Arg, type Names, type Word } from './commandWords.ts'
import { KIND_LABEL } from './nameRules.ts'

/** The next steps of webhook-bound and image-pull tokens (bindingAdvice.ts, loaded with k8sExtra). */
export type BindingAdvice = (c: KubernetesClaims, names: Names, fromCredentialProvider: boolean) => AdviceItem[]

export interface AdviceItem {
  /** Stable id, used as the `data-advice` test hook. */
  id: string
  title: string
  explanation: string
  /** A command or manifest to copy, filled in from the token; always shown as text. */
  command?: string
  /** What `command` is written in. */
  language?: 'shell' | 'yaml'
  /** For a shell command: the words the shell hands to the program, which is what the command means. */
  argv?: string[]
  /** Why the step shows no command: a value from the token that must not go into one. */
  withheld?: string
}

const JSONPATH_UID: Word = ['jsonpath=', '{.metadata.uid}']

function legacyAdvice({ ns, sa }: Names, c: KubernetesClaims): AdviceItem[] {
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
      ...shell(['kubectl', 'create', 'token', '-n', ns, '--duration', '1h', '--', sa]),
    },
    {
      id: 'replace-projected',
      title: 'Or mount a projected token into the pod',
      explanation: 'The kubelet requests and rotates it; the application must re-read the file.',
      // A manifest written by the template alone: nothing from the token goes into it.
      language: 'yaml',
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
  if (c.secretName !== undefined) {
    const secret = objectName('secret', 'The Secret name', c.secretName)
    items.push(
      {
        id: 'legacy-last-used',
        title: 'Find out whether it is still used',
        explanation: 'Since 1.28 the API server records the last day of use on the Secret.',
        ...shell([
          'kubectl',
          'get',
          'secret',
          '-n',
          ns,
          '-o',
          ['jsonpath=', '{.metadata.labels.kubernetes\\.io/legacy-token-last-used}'],
          '--',
          secret,
        ]),
      },
      {
        id: 'legacy-list',
        title: 'List every legacy token Secret and its last use',
        explanation: 'Secrets without the label have not been used since tracking began.',
        ...shell([
          'kubectl',
          'get',
          'secrets',
          '-A',
          '--field-selector',
          'type=kubernetes.io/service-account-token',
          '-L',
          'kubernetes.io/legacy-token-last-used',
          '-L',
          'kubernetes.io/legacy-token-invalid-since',
        ]),
      },
      {
        id: 'legacy-revoke',
        title: 'Revoke it',
        explanation: 'Deleting the Secret invalidates the token at once.',
        ...shell(['kubectl', 'delete', 'secret', '-n', ns, '--', secret]),
      },
    )
  }
  return items
}

/** The object a bound token is tied to, its kind as the TokenRequest API spells it, and whether it has a namespace. */
function boundObject(c: KubernetesClaims) {
  if (c.pod?.name !== undefined) return { kind: 'pod', apiKind: 'Pod', ref: c.pod, namespaced: true } as const
  if (c.secret?.name !== undefined)
    return { kind: 'secret', apiKind: 'Secret', ref: c.secret, namespaced: true } as const
  if (c.node?.name !== undefined) return { kind: 'node', apiKind: 'Node', ref: c.node, namespaced: false } as const
  return undefined
}

function boundObjectCheck(c: KubernetesClaims, ns: Arg): AdviceItem | undefined {
  const bound = boundObject(c)
  if (!bound) return undefined
  const { kind, ref, namespaced } = bound
  const label = KIND_LABEL[kind]
  const name = objectName(kind, `The ${label} name`, ref.name)
  return {
    id: 'check-bound-object',
    title: `Check that the bound ${label} still exists`,
    explanation: `A deleted ${label} invalidates the token. The uid printed must be ${ref.uid === undefined ? '(no uid in the token)' : quoted(ref.uid)}; a different one means the ${label} was recreated and the token is no longer accepted.`,
    ...shell(['kubectl', 'get', kind, ...(namespaced ? ['-n', ns] : []), '-o', JSONPATH_UID, '--', name]),
  }
}

function reissue(c: KubernetesClaims, { ns, sa }: Names): AdviceItem | undefined {
  if (c.exp === undefined) return undefined
  const words: Word[] = ['kubectl', 'create', 'token', '-n', ns]
  for (const a of c.aud.filter((x) => !isApiServerAudience(x, c.iss)))
    words.push(['--audience=', freeText('The audience', a)])
  const bound = boundObject(c)
  if (bound)
    words.push(
      '--bound-object-kind',
      bound.apiKind,
      '--bound-object-name',
      objectName(bound.kind, `The ${KIND_LABEL[bound.kind]} name`, bound.ref.name),
    )
  const start = c.iat ?? c.nbf
  // An extended kubelet token was requested for 3607 s; its far exp is not a duration to copy.
  const seconds = start === undefined ? undefined : c.warnafter !== undefined ? c.warnafter - start : c.exp - start
  if (seconds !== undefined && Number.isSafeInteger(seconds) && seconds >= 600) words.push('--duration', `${seconds}s`)
  words.push('--', sa)
  return {
    id: 'reissue',
    title: 'Get a comparable token',
    explanation:
      'The same account, audience, binding and lifetime, from the TokenRequest API (the API audiences are the default and are left out).',
    ...shell(words),
  }
}

/**
 * Next steps for a Kubernetes token, with copyable commands filled in from its namespace, names
 * and audience. The token is untrusted: every name must pass the rule the API server holds it to
 * (or the step shows why it has no command), positional arguments follow `--`, free-form values
 * are written as `--flag=value`, and every word is quoted for the shell.
 * `fromCredentialProvider`: the token came in a kubelet CredentialProviderRequest. `binding`
 * gives the steps of webhook-bound and image-pull tokens; without it there are none, which is
 * right for a token that needsExtraInsights() says needs none.
 */
export function kubernetesAdviceWith(
  c: KubernetesClaims,
  fromCredentialProvider = false,
  binding?: BindingAdvice,
): AdviceItem[] {
  const names: Names = {
    ns: objectName('namespace', 'The namespace', c.namespace),
    sa: objectName('serviceaccount', 'The service account name', c.serviceAccount.name),
  }
  const items: AdviceItem[] = c.shape === 'legacy' ? legacyAdvice(names, c) : []
  const asUser: Word = ['--as=system:serviceaccount:', names.ns, ':', names.sa]
  items.push({
    id: 'can-i',
    title: 'See what this identity may do',
    explanation: 'Lists the permissions RBAC grants the service account (you need the right to impersonate it).',
    ...shell(['kubectl', 'auth', 'can-i', '--list', '-n', names.ns, asUser]),
  })
  const uid = c.serviceAccount.uid
  items.push({
    id: 'check-service-account',
    title: 'Check that the service account is the same one',
    explanation: `A recreated account gets a new uid and every earlier token stops working. Expected uid: ${uid === undefined ? '(none in the token)' : quoted(uid)}.`,
    ...shell(['kubectl', 'get', 'serviceaccount', '-n', names.ns, '-o', JSONPATH_UID, '--', names.sa]),
  })
  const bound = boundObjectCheck(c, names.ns)
  if (bound) items.push(bound)
  // kubectl create token cannot bind to a webhook configuration: bindingAdvice has its own request.
  const again = c.shape === 'bound' && c.webhooks.length === 0 ? reissue(c, names) : undefined
  if (again) items.push(again)
  if (binding) items.push(...binding(c, names, fromCredentialProvider))
  items.push(
    {
      id: 'jwks',
      title: 'Fetch the cluster’s public keys',
      explanation:
        'With the key set, this token’s signature can be verified; the kid in the header names the key that signed it.',
      ...shell(['kubectl', 'get', '--raw', '/openid/v1/jwks']),
    },
    {
      id: 'discovery',
      title: 'Read the issuer discovery document',
      explanation:
        'Shows the issuer the cluster signs with and where it publishes its keys; external verifiers need access to both.',
      ...shell(['kubectl', 'get', '--raw', '/.well-known/openid-configuration']),
    },
  )
  return items
}

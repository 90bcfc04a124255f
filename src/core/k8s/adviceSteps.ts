import type { KubernetesClaims } from './claims.ts'
import { isApiServerAudience } from './apiAudience.ts'
import { freeText, objectName, quoted, shell, type Arg, type Names, type Word } from './commandWords.ts'
import { KIND_LABEL } from './nameRules.ts'

/** The next steps of webhook-bound and image-pull tokens (bindingAdvice.ts, loaded with k8sExtra). */
export type BindingAdvice = (c: KubernetesClaims, names: Names, fromCredentialProvider: boolean) => AdviceItem[]

/** The next steps of a legacy Secret-based token (legacyAdvice.ts, loaded with k8sExtra). */
export type LegacyAdvice = (names: Names, c: KubernetesClaims) => AdviceItem[]

/** The steps of the rarer shapes, from the k8sExtra chunk (./extra.ts). */
export interface RarerAdvice {
  bindingAdvice: BindingAdvice
  legacyAdvice: LegacyAdvice
}

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
 * `fromCredentialProvider`: the token came in a kubelet CredentialProviderRequest. `rarer`
 * gives the steps of legacy, webhook-bound and image-pull tokens; without it there are none,
 * which is right for a token that needsExtraInsights() says needs none.
 */
export function kubernetesAdviceWith(
  c: KubernetesClaims,
  fromCredentialProvider = false,
  rarer?: RarerAdvice,
): AdviceItem[] {
  const names: Names = {
    ns: objectName('namespace', 'The namespace', c.namespace),
    sa: objectName('serviceaccount', 'The service account name', c.serviceAccount.name),
  }
  const items: AdviceItem[] = c.shape === 'legacy' && rarer ? rarer.legacyAdvice(names, c) : []
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
  if (rarer) items.push(...rarer.bindingAdvice(c, names, fromCredentialProvider))
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

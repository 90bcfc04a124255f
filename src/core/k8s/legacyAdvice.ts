// The next steps of a legacy Secret-based token: why it is risky, what replaces it, whether it is
// still used. Loaded with the other rarer insights (./extra.ts), for legacy tokens only.
import type { AdviceItem } from './adviceSteps.ts'
import type { KubernetesClaims } from './claims.ts'
import { objectName, shell, type Names } from './commandWords.ts'

/** The steps of a legacy token, which come first among its next steps (see kubernetesAdviceWith). */
export function legacyAdvice({ ns, sa }: Names, c: KubernetesClaims): AdviceItem[] {
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

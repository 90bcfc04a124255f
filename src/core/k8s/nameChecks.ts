import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { showDeceptive } from '../encoding/deceptive.ts'
import { escapePointerToken } from '../encoding/json.ts'
import { LEGACY_CLAIMS, type KubernetesClaims } from './claims.ts'
import type { NamedKind } from './names.ts'
import { checkObjectName, KIND_LABEL, RULE_TEXT } from './nameRules.ts'
import { diagnostic } from './codes.ts'

/** Where each name sits in a token of each shape, and which kind of object it names. */
function nameFields(c: KubernetesClaims): Array<[NamedKind, string | undefined, string, string]> {
  if (c.shape === 'legacy')
    return [
      ['namespace', c.namespace, LEGACY_CLAIMS.namespace, `/${escapePointerToken(LEGACY_CLAIMS.namespace)}`],
      [
        'serviceaccount',
        c.serviceAccount.name,
        LEGACY_CLAIMS.serviceAccountName,
        `/${escapePointerToken(LEGACY_CLAIMS.serviceAccountName)}`,
      ],
      ['secret', c.secretName, LEGACY_CLAIMS.secretName, `/${escapePointerToken(LEGACY_CLAIMS.secretName)}`],
    ]
  return [
    ['namespace', c.namespace, 'kubernetes.io.namespace', '/kubernetes.io/namespace'],
    [
      'serviceaccount',
      c.serviceAccount.name,
      'kubernetes.io.serviceaccount.name',
      '/kubernetes.io/serviceaccount/name',
    ],
    ['pod', c.pod?.name, 'kubernetes.io.pod.name', '/kubernetes.io/pod/name'],
    ['secret', c.secret?.name, 'kubernetes.io.secret.name', '/kubernetes.io/secret/name'],
    ['node', c.node?.name, 'kubernetes.io.node.name', '/kubernetes.io/node/name'],
    ...c.webhooks.map((w): [NamedKind, string | undefined, string, string] => [
      `${w.kind}webhookconfiguration`,
      w.ref.name,
      `kubernetes.io.${w.member}.name`,
      `/kubernetes.io/${w.member}/name`,
    ]),
  ]
}

/**
 * Names that break the rule the API server holds each kind to (DNS-1123 label or subdomain):
 * no cluster has such an object, so no cluster wrote such a claim. Empty names are reported as
 * missing by the classification. Runs with the lazily loaded checks, to keep the rule texts out
 * of the start-up bundle.
 */
export function nameDiagnostics(c: KubernetesClaims): Diagnostic[] {
  const out: Diagnostic[] = []
  for (const [kind, value, claim, pointer] of nameFields(c)) {
    if (value === undefined || value === '') continue
    const check = checkObjectName(kind, value)
    if (check.ok) continue
    const shown = showDeceptive(value.length > 80 ? `${value.slice(0, 80)}…` : value)
    out.push(
      diagnostic(
        'K8S_NAME_INVALID',
        `${claim} "${shown}" is not a valid ${KIND_LABEL[kind]} name: Kubernetes requires ${RULE_TEXT[check.rule]}, and ${check.problems.join(' and ')}. No cluster has such an object, so no API server wrote this claim; the page puts it into no command.`,
        { part: 'payload', pointer, location: 'payload' },
      ),
    )
  }
  return out
}

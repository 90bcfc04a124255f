// Next steps for the bindings and audiences Kubernetes added in 1.33 to 1.37: webhook-bound
// tokens and image-pull tokens. Kept apart from advice.ts so that each stays small.
import type { AdviceItem } from './advice.ts'
import { shellQuote as q } from './advice.ts'
import type { KubernetesClaims } from './claims.ts'
import { imagePullReading } from './imagePull.ts'
import { attestedGroups, isMergedSpelling, webhookKindName } from './webhook.ts'

function webhookAdvice(c: KubernetesClaims): AdviceItem[] {
  const w = c.webhooks.find(isMergedSpelling) ?? c.webhooks[0]
  if (!w) return []
  const kind = webhookKindName(w)
  const resource = kind.toLowerCase()
  const ns = c.namespace ?? '<namespace>'
  const sa = c.serviceAccount.name ?? '<service-account>'
  const group = attestedGroups(c)[0] ?? '<api-group>'
  // kubectl create token binds to Pod, Secret and Node only, so the request is posted as is. The
  // body is one line of JSON after a quoted heredoc: the shell expands nothing in it.
  const body = JSON.stringify({
    apiVersion: 'authentication.k8s.io/v1',
    kind: 'TokenRequest',
    spec: {
      audiences: c.aud.slice(0, 1),
      expirationSeconds: 600,
      boundObjectRef: {
        apiVersion: 'admissionregistration.k8s.io/v1',
        kind,
        name: w.ref.name ?? '<name>',
        ...(w.ref.uid ? { uid: w.ref.uid } : {}),
      },
      attestations: { admissionReviewAPIGroups: [group] },
    },
  })
  return [
    {
      id: 'check-webhook-configuration',
      title: `Check that the ${kind} still exists`,
      explanation: `The API server looks the configuration up on every request and compares its uid: a deleted or recreated one invalidates the token. The uid printed must be ${w.ref.uid ?? '(no uid in the token)'}.`,
      command: `kubectl get ${resource} ${q(w.ref.name ?? '<name>')} -o jsonpath='{.metadata.uid}'`,
    },
    {
      id: 'webhook-attest',
      title: 'See whether the account may attest this API group',
      explanation: `Requesting the token needs the verb attest on admissionReviewAPIGroups.authentication.k8s.io named after the group (here ${group}); without it the request fails with "cannot attest resource admissionReviewAPIGroups".`,
      command: `kubectl auth can-i attest admissionReviewAPIGroups.authentication.k8s.io/${q(group)} --as=${q(`system:serviceaccount:${ns}:${sa}`)}`,
    },
    {
      id: 'webhook-token-request',
      title: 'Request a comparable token',
      explanation:
        'kubectl create token cannot bind to a webhook configuration, so this posts the TokenRequest itself (the gate APIServerWebhookAuthenticationToken must be on). The API server makes it live 600 s whatever is asked.',
      command: `kubectl create --raw ${q(`/api/v1/namespaces/${ns}/serviceaccounts/${sa}/token`)} -f - <<'EOF'\n${body}\nEOF`,
    },
  ]
}

/**
 * Advice for webhook-bound tokens (check the configuration, the attest permission, request a
 * comparable token) and image-pull tokens (the RBAC that lets nodes request their audience).
 */
export function bindingAdvice(c: KubernetesClaims, fromCredentialProvider = false): AdviceItem[] {
  const items = webhookAdvice(c)
  const pull = imagePullReading(c, fromCredentialProvider)
  if (pull) {
    items.push({
      id: 'image-pull-audience',
      title: 'Let nodes request this audience',
      explanation: `${pull.restriction} Apply this to grant it for ${pull.audience}:`,
      command: pull.rbac,
    })
  }
  return items
}

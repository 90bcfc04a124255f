// Next steps for the bindings and audiences Kubernetes added in 1.33 to 1.37: webhook-bound
// tokens and image-pull tokens. Kept apart from advice.ts so that each stays small. Every value
// from the token goes through commandWords.ts, as in advice.ts.
import type { AdviceItem } from './adviceSteps.ts'
import type { KubernetesClaims } from './claims.ts'
import { freeText, objectName, quoted, shell, type Arg, type Names } from './commandWords.ts'
import { untrusted } from '../encoding/shell.ts'
import { imagePullReading } from './imagePull.ts'
import { isDNS1123Subdomain } from './names.ts'
import { attestedGroups, isMergedSpelling, webhookKindName } from './webhook.ts'

/**
 * A manifest or request body from the template and checked values: JSON strings (which are YAML
 * strings too) for the values, so nothing from the token can end a string early; withheld, with
 * the reason, when a value was refused.
 */
function manifest(values: readonly Arg[], text: () => string, language: 'yaml' = 'yaml'): Partial<AdviceItem> {
  const problems = values.flatMap((v) => (v.ok ? [] : [v.problem]))
  if (problems.length > 0)
    return {
      withheld: `Nothing is shown to copy: ${[...new Set(problems)].join('; ')}. A manifest built from such a value could say something other than what it seems to.`,
    }
  return { command: text(), language }
}

/** An attested API group, held to the rule TokenRequest validation holds it to: `*` or a DNS-1123 subdomain. */
function apiGroup(value: string): Arg {
  if (value === '*' || isDNS1123Subdomain(value)) return { ok: true, part: untrusted(value) }
  return {
    ok: false,
    problem: `The attested API group in the token, ${quoted(value)}, is neither * nor a DNS-1123 subdomain, so the API server would not have accepted it`,
  }
}

function webhookAdvice(c: KubernetesClaims, names: Names): AdviceItem[] {
  const w = c.webhooks.find(isMergedSpelling) ?? c.webhooks[0]
  if (!w) return []
  const kind = webhookKindName(w)
  const resource = kind.toLowerCase() as 'validatingwebhookconfiguration' | 'mutatingwebhookconfiguration'
  const name = objectName(resource, `The ${kind} name`, w.ref.name)
  const groupValue = attestedGroups(c)[0]
  const group = groupValue === undefined ? undefined : apiGroup(groupValue)
  const audience = c.aud[0] === undefined ? undefined : freeText('The audience', c.aud[0])
  const asUser = ['--as=system:serviceaccount:', names.ns, ':', names.sa] as const
  // kubectl create token binds to Pod, Secret and Node only, so the request is posted as is.
  const body = () =>
    JSON.stringify(
      {
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
          attestations: { admissionReviewAPIGroups: [groupValue ?? '<api-group>'] },
        },
      },
      null,
      2,
    )
  return [
    {
      id: 'check-webhook-configuration',
      title: `Check that the ${kind} still exists`,
      explanation: `The API server looks the configuration up on every request and compares its uid: a deleted or recreated one invalidates the token. The uid printed must be ${w.ref.uid === undefined ? '(no uid in the token)' : quoted(w.ref.uid)}.`,
      ...shell(['kubectl', 'get', resource, '-o', ['jsonpath=', '{.metadata.uid}'], '--', name]),
    },
    {
      id: 'webhook-attest',
      title: 'See whether the account may attest this API group',
      explanation: `Requesting the token needs the verb attest on admissionReviewAPIGroups.authentication.k8s.io named after the group (here ${groupValue === undefined ? 'none is attested' : quoted(groupValue)}); without it the request fails with "cannot attest resource admissionReviewAPIGroups".`,
      ...shell([
        'kubectl',
        'auth',
        'can-i',
        'attest',
        ['admissionReviewAPIGroups.authentication.k8s.io/', group ?? '<api-group>'],
        asUser,
      ]),
    },
    {
      id: 'webhook-token-request',
      title: 'Request a comparable token',
      explanation:
        'kubectl create token cannot bind to a webhook configuration, so the TokenRequest is posted as it is: save this as token-request.json and post it with the next step (the gate APIServerWebhookAuthenticationToken must be on). The API server makes it live 600 s whatever is asked.',
      ...manifest(
        [
          name,
          ...(group ? [group] : []),
          ...(audience ? [audience] : []),
          ...(w.ref.uid ? [freeText('The uid', w.ref.uid)] : []),
        ],
        body,
      ),
    },
    {
      id: 'webhook-token-post',
      title: 'Post the TokenRequest',
      explanation: 'The token is in status.token of the answer.',
      ...shell([
        'kubectl',
        'create',
        '--raw',
        ['/api/v1/namespaces/', names.ns, '/serviceaccounts/', names.sa, '/token'],
        '-f',
        'token-request.json',
      ]),
    },
  ]
}

function imagePullAdvice(c: KubernetesClaims, names: Names, fromCredentialProvider: boolean): AdviceItem[] {
  const pull = imagePullReading(c, fromCredentialProvider)
  if (!pull) return []
  return [
    {
      id: 'image-pull-audience',
      title: 'Let nodes request this audience',
      explanation: `${pull.restriction} Apply this to grant it for ${quoted(pull.audience)}:`,
      ...manifest([freeText('The audience', pull.audience), names.sa], () => pull.rbac),
    },
  ]
}

/**
 * Advice for webhook-bound tokens (check the configuration, the attest permission, request a
 * comparable token) and image-pull tokens (the RBAC that lets nodes request their audience).
 */
export function bindingAdvice(c: KubernetesClaims, names: Names, fromCredentialProvider = false): AdviceItem[] {
  return [...webhookAdvice(c, names), ...imagePullAdvice(c, names, fromCredentialProvider)]
}

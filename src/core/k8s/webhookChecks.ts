// The findings about a token bound to an admission webhook configuration (KEP-6060, Kubernetes
// 1.37 alpha; k/k PR #140113), from k/k pkg/registry/core/serviceaccount/storage/token.go and
// pkg/apis/authentication/validation. They load on demand with the other checks of rarer token
// shapes (checks/shapes.ts), for a token that has a webhook binding or attestations.
import { listSome, type Diagnostic } from '../diagnostics/index.ts'
import { diagnostic, type KubernetesCode } from './codes.ts'
import { escapePointerToken } from '../encoding/json.ts'
import type { KubernetesClaims } from './claims.ts'
import { MaxAdmissionReviewWebhookTokenExpirationSeconds } from './extension.ts'
import { isApiServerAudience } from './apiAudience.ts'
import { isDNS1123Subdomain } from './names.ts'
import {
  AttestationAdmissionReviewAPIGroups,
  isMergedSpelling,
  KEP_ATTESTATION_KEY,
  webhookKindName,
} from './webhook.ts'

const on = (pointer: string) => ({ pointer, location: 'payload' as const, part: 'payload' as const })
const at = (code: KubernetesCode, message: string, pointer: string) => diagnostic(code, message, on(pointer))

function bindingDiagnostics(c: KubernetesClaims): Diagnostic[] {
  const out: Diagnostic[] = []
  const [first, second] = c.webhooks
  if (!first) return out
  const other = c.pod ? 'pod' : c.secret ? 'Secret' : c.node ? 'node' : second ? webhookKindName(second) : undefined
  if (other) {
    out.push(
      diagnostic(
        'K8S_BOUND_CONFLICT',
        `Bound to a ${webhookKindName(first)} and a ${other}: the API server binds a token to one object only.`,
      ),
    )
  }
  for (const w of c.webhooks) {
    const pointer = `/kubernetes.io/${w.member}`
    if (!w.ref.name || !w.ref.uid) {
      out.push(
        at(
          'K8S_BOUND_REF_INCOMPLETE',
          `kubernetes.io.${w.member} lacks ${w.ref.name ? 'uid' : 'name'}: the API server looks the configuration up by name and compares its uid, so it would refuse the token.`,
          pointer,
        ),
      )
    }
    if (!isMergedSpelling(w)) {
      out.push(
        at(
          'K8S_WEBHOOK_KEP_SPELLING',
          `${w.member} is the KEP-6060 text's camelCase spelling. The merged API server (k/k PR #140113) writes and reads ${w.member.toLowerCase()}, and go-jose matches claim names case-sensitively, so the API server ignores this binding and treats the token as bound to nothing. Verifiers written from the KEP read this spelling, those written from the code the other.`,
          pointer,
        ),
      )
    }
  }
  return out
}

function lifetimeDiagnostics(c: KubernetesClaims): Diagnostic[] {
  const start = c.iat ?? c.nbf
  if (c.exp === undefined || start === undefined) return []
  const seconds = c.exp - start
  if (seconds === MaxAdmissionReviewWebhookTokenExpirationSeconds && c.warnafter === undefined) return []
  return [
    at(
      'K8S_WEBHOOK_LIFETIME',
      c.warnafter !== undefined
        ? 'A webhook-bound token with warnafter: the API server extends only pod-bound tokens, and every webhook-bound token lives exactly 600 s.'
        : `exp − ${c.iat !== undefined ? 'iat' : 'nbf'} is ${seconds} s. The API server refuses requests under 600 s and silently cuts longer ones to 600 s for webhook bindings, so every such token lives exactly 600 s.`,
      '/exp',
    ),
  ]
}

function audienceDiagnostics(c: KubernetesClaims): Diagnostic[] {
  if (c.aud.length !== 1) {
    return [
      at(
        'K8S_WEBHOOK_AUDIENCE',
        `${c.aud.length} audiences: a webhook-bound token has exactly one, the webhook's URL ("must be length 1 when bound to a webhook config").`,
        '/aud',
      ),
    ]
  }
  const aud = c.aud[0] ?? ''
  if (isApiServerAudience(aud, c.iss)) {
    return [
      at(
        'K8S_WEBHOOK_AUDIENCE',
        `Audience ${aud} is the API server's: it refuses those for webhook bindings ("api server audiences are invalid for webhook token requests"). The audience must be the webhook's own URL.`,
        '/aud',
      ),
    ]
  }
  return []
}

function attestationDiagnostics(c: KubernetesClaims): Diagnostic[] {
  const a = c.attestations
  const base = a ? `/kubernetes.io/${a.member}` : '/kubernetes.io'
  if (c.webhooks.length === 0) {
    return a
      ? [
          at(
            'K8S_ATTESTATION_WITHOUT_WEBHOOK',
            `kubernetes.io.${a.member} on a token bound to no webhook configuration: "attestations may only be specified with a webhook bound object reference".`,
            base,
          ),
        ]
      : []
  }
  const problem = (message: string, pointer = base) => [at('K8S_WEBHOOK_ATTESTATION', message, pointer)]
  if (!a)
    return problem(
      'No attestations: "webhook bound requests require exactly one admissionReviewAPIGroups attestation", so the API server never issues a webhook-bound token without one.',
    )
  const out: Diagnostic[] = []
  if (a.member !== 'attestations') {
    out.push(
      at(
        'K8S_WEBHOOK_KEP_SPELLING',
        'attestationClaims is the KEP-6060 text’s name; the merged API server writes attestations.',
        base,
      ),
    )
  }
  const keys = Object.keys(a.value)
  const unknown = keys.filter((k) => k !== AttestationAdmissionReviewAPIGroups && k !== KEP_ATTESTATION_KEY)
  if (keys.length !== 1 || unknown.length > 0) {
    out.push(
      ...problem(
        `Attestation keys ${keys.length ? listSome(keys) : '(none)'}: the API server accepts exactly one, ${AttestationAdmissionReviewAPIGroups}.`,
      ),
    )
    return out
  }
  const key = keys[0] ?? ''
  const pointer = `${base}/${escapePointerToken(key)}`
  if (key === KEP_ATTESTATION_KEY) {
    out.push(
      at(
        'K8S_WEBHOOK_KEP_SPELLING',
        `${KEP_ATTESTATION_KEY} is the KEP text's attestation key; the merged code names it ${AttestationAdmissionReviewAPIGroups}.`,
        pointer,
      ),
    )
  }
  const value = a.value[key]
  const groups = Array.isArray(value) ? value : []
  if (!Array.isArray(value) || groups.length !== 1) {
    out.push(...problem(`${key} must hold exactly one API group ("must specify a single value").`, pointer))
    return out
  }
  const group = groups[0]
  if (typeof group !== 'string' || group === '') {
    out.push(...problem(`The attested API group is empty ("may not be an empty string").`, pointer))
  } else if (group !== '*' && !isDNS1123Subdomain(group)) {
    out.push(
      ...problem(
        `The attested API group ${JSON.stringify(group)} is not a DNS subdomain, as API group names are ("must specify a valid API Group").`,
        pointer,
      ),
    )
  }
  return out
}

/**
 * The rules a token bound to a ValidatingWebhookConfiguration or MutatingWebhookConfiguration
 * must follow when the API server issues it: one binding, both name and uid, exactly 600 s and no
 * warnafter, exactly one audience that is not the API server's, and exactly one
 * `admissionReviewAPIGroups` attestation naming one API group (or `*`). Also flags the KEP text's
 * camelCase spelling, and attestations on a token bound to no webhook.
 */
export function webhookDiagnostics(c: KubernetesClaims): Diagnostic[] {
  if (c.webhooks.length === 0) return attestationDiagnostics(c)
  return [...bindingDiagnostics(c), ...lifetimeDiagnostics(c), ...audienceDiagnostics(c), ...attestationDiagnostics(c)]
}

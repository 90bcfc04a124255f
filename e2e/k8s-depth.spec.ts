import type { Page } from '@playwright/test'
import { generateKeyPair, SignJWT, type JWTHeaderParameters, type JWTPayload } from 'jose'
import { EKS_VALID_URL, eksToken } from '../src/test/upstreamFixtures.ts'
import { SSH_KEY_VECTORS } from '../src/test/ssh-key-vectors.ts'
import { expect, paste, test, unfold } from './fixtures.ts'

// Kubernetes token shapes up to 1.37 and the pastes that sit next to them, as a reader sees them.

const NOW = 1_767_000_000
const ISS = 'https://kubernetes.default.svc.cluster.local'
const DERIVED_KID = 'SoABiieYuNx4UdqYvZRVeuC6SihxgLrhLy9peHMHpTc'

async function sign(payload: JWTPayload, header: Partial<JWTHeaderParameters> = {}): Promise<string> {
  const { privateKey } = await generateKeyPair('ES256')
  return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: DERIVED_KID, ...header }).sign(privateKey)
}

async function at(page: Page, seconds: number) {
  await page.clock.setFixedTime(new Date(seconds * 1000))
  await page.goto('./')
}

const WEBHOOK_AUDIENCE = 'https://policy-webhook.policy.svc:443/validate'
/** A token bound to a ValidatingWebhookConfiguration, in the shape of k/k's TestServiceAccountTokenAttestations. */
const webhookToken = (lifetime = 600) =>
  sign({
    aud: [WEBHOOK_AUDIENCE],
    exp: NOW + lifetime,
    iat: NOW,
    nbf: NOW,
    iss: ISS,
    jti: '0f1e2d3c-4b5a-4968-8776-655443322110',
    sub: 'system:serviceaccount:policy:policy-webhook',
    'kubernetes.io': {
      attestations: { admissionReviewAPIGroups: ['apps'] },
      namespace: 'policy',
      serviceaccount: { name: 'policy-webhook', uid: '22222222-3333-4444-5555-666666666666' },
      validatingwebhookconfiguration: { name: 'policy-config', uid: '33333333-4444-5555-6666-777777777777' },
    },
  })

test('a webhook-bound token: its kind, its extras, the spelling it uses and the 600 s cap', async ({ page }) => {
  await at(page, NOW + 60)
  await paste(page, await webhookToken())
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'k8s-bound-validatingwebhook')
  const extra = (key: string) => page.getByTestId('identity').locator(`[data-testid=extra][data-key="${key}"]`)
  await expect(extra('authentication.kubernetes.io/validatingwebhookconfiguration-name')).toContainText('policy-config')
  await expect(extra('authentication.kubernetes.io/validatingwebhookconfiguration-uid')).toContainText(
    '33333333-4444-5555-6666-777777777777',
  )
  await expect(extra('attestation.authentication.kubernetes.io/admissionReviewAPIGroups')).toContainText('apps')
  const binding = page.getByTestId('k8s-binding')
  await expect(binding).toHaveAttribute('data-spelling', 'merged')
  await expect(binding.getByTestId('k8s-spelling')).toContainText('merged names')
  await expect(page.getByTestId('k8s-lifetime')).toHaveAttribute('data-case', 'webhook')
  await expect(page.getByTestId('k8s-version')).toHaveAttribute('data-min', '1.37')
  await expect(page.locator('[data-testid=diagnostic][data-code=K8S_WEBHOOK_LIFETIME]')).toHaveCount(0)
  // kubectl create token cannot bind to a webhook configuration: the advice posts a TokenRequest.
  await expect(page.locator('[data-advice=webhook-token-post]')).toContainText('kubectl create --raw')

  // An hour-long one could not have come from the API server, which cuts it to 600 s.
  await paste(page, await webhookToken(3600))
  await expect(page.locator('[data-testid=diagnostic][data-code=K8S_WEBHOOK_LIFETIME]')).toContainText('600')
})

test('a webhook binding in the KEP text’s camelCase is recognised and named as such', async ({ page }) => {
  await at(page, NOW + 60)
  await paste(
    page,
    await sign({
      aud: [WEBHOOK_AUDIENCE],
      exp: NOW + 600,
      iat: NOW,
      iss: ISS,
      sub: 'system:serviceaccount:policy:policy-webhook',
      'kubernetes.io': {
        attestationClaims: { admissionReviewAPIGroups: ['apps'] },
        mutatingWebhookConfiguration: { name: 'policy-config', uid: '33333333-4444-5555-6666-777777777777' },
        namespace: 'policy',
        serviceaccount: { name: 'policy-webhook', uid: '22222222-3333-4444-5555-666666666666' },
      },
    }),
  )
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'k8s-bound-mutatingwebhook')
  await expect(page.getByTestId('k8s-binding')).toHaveAttribute('data-spelling', 'kep')
  // A note (info) on its row: in the row's fold.
  await expect(page.locator('[data-testid=diagnostic][data-code=K8S_WEBHOOK_KEP_SPELLING]').first()).toBeAttached()
})

test('an external signer’s extended token: named as such, no false kid or typ risk, extended by warnafter', async ({
  page,
}) => {
  const maximum = 30 * 24 * 3600 // the signer's max_token_expiration_seconds, below a year
  const token = await sign(
    {
      aud: [ISS],
      exp: NOW + maximum,
      iat: NOW,
      nbf: NOW,
      iss: ISS,
      jti: '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9',
      sub: 'system:serviceaccount:default:app',
      'kubernetes.io': {
        namespace: 'default',
        node: { name: 'node-1', uid: '44444444-5555-6666-7777-888888888888' },
        pod: { name: 'app-0', uid: '55555555-6666-7777-8888-999999999999' },
        serviceaccount: { name: 'app', uid: '66666666-7777-8888-9999-000000000000' },
        warnafter: NOW + 3607,
      },
    },
    { typ: 'JWT', kid: 'kms-key-2026-11' },
  )
  await at(page, NOW + 60)
  await paste(page, token)
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'k8s-bound-pod')
  await expect(page.getByTestId('k8s-signer')).toHaveAttribute('data-signer', 'external')
  await expect(page.getByTestId('k8s-lifetime')).toHaveAttribute('data-case', 'extended-kubelet')
  await expect(page.getByText('A Kubernetes auto-extended token')).toContainText('30 days')
  await expect(page.getByTestId('k8s-version')).toHaveAttribute('data-min', '1.34')
  await expect(page.locator('[data-testid=diagnostic][data-code=K8S_EXTERNAL_SIGNER]')).toBeAttached()
  await expect(page.getByTestId('k8s-risks').locator('[data-risk=kid-unusual]')).toHaveCount(0)
  await expect(page.getByTestId('k8s-risks').locator('[data-risk=typ-present]')).toHaveCount(0)
})

test('kubectl auth whoami -o yaml, alone and followed by the token: the user it reports beside the token’s', async ({
  page,
}) => {
  const token = await sign({
    aud: [ISS],
    exp: NOW + 3600,
    iat: NOW,
    iss: ISS,
    jti: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
    sub: 'system:serviceaccount:default:app',
    'kubernetes.io': {
      namespace: 'default',
      pod: { name: 'app-0', uid: '55555555-6666-7777-8888-999999999999' },
      serviceaccount: { name: 'app', uid: '66666666-7777-8888-9999-000000000000' },
    },
  })
  const whoami = [
    'apiVersion: authentication.k8s.io/v1',
    'kind: SelfSubjectReview',
    'metadata:',
    '  creationTimestamp: null',
    'status:',
    '  userInfo:',
    '    extra:',
    '      authentication.kubernetes.io/credential-id:',
    '      - JTI=7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
    '      authentication.kubernetes.io/pod-name:',
    '      - app-0',
    '      authentication.kubernetes.io/pod-uid:',
    '      - 55555555-6666-7777-8888-999999999999',
    '    groups:',
    '    - system:serviceaccounts',
    '    - system:serviceaccounts:default',
    '    - system:authenticated',
    '    uid: 66666666-7777-8888-9999-000000000000',
    '    username: system:serviceaccount:default:app',
    '',
  ].join('\n')
  await at(page, NOW + 60)
  await paste(page, whoami)
  await expect(page.getByTestId('extracted-from')).toHaveAttribute('data-source', 'self-subject-review')
  await expect(page.getByTestId('review-user')).toHaveAttribute('data-username', 'system:serviceaccount:default:app')
  await expect(page.locator('[data-testid=diagnostic][data-code=REVIEW_WITHOUT_TOKEN]')).toBeVisible()

  await paste(page, `${whoami}---\n${token}\n`)
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'k8s-bound-pod')
  const compare = page.getByTestId('review-compare')
  await expect(compare).toHaveAttribute('data-agrees', 'true')
  await expect(compare.locator('[data-field=username]')).toHaveAttribute('data-match', 'same')
})

test('a bootstrap token is named, with its Secret, instead of reported as a broken JWT', async ({ page }) => {
  await at(page, NOW)
  // cluster-bootstrap token/util/helpers_test.go: a valid token.
  await paste(page, 'abcdef.0123456789abcdef')
  await expect(page.getByTestId('bearer-kind')).toHaveAttribute('data-bearer', 'bootstrap')
  await expect(page.getByTestId('bearer-kind')).toContainText('kube-system/bootstrap-token-abcdef')
  await expect(page.locator('[data-testid=diagnostic][data-code=BEARER_NOT_JWT]')).toBeVisible()
  await expect(page.locator('[data-testid=diagnostic][data-severity=error]')).toHaveCount(0)
})

test('a k8s-aws-v1. token: region, key id, signing time and expiry, and the cluster name it does not carry', async ({
  page,
  guards,
}) => {
  const signedAt = Date.UTC(2026, 11, 2, 0, 10, 0) / 1000
  const url = EKS_VALID_URL('20261202T001000Z')
  await at(page, signedAt + 5 * 60)
  await paste(page, eksToken(url))
  const bearer = page.getByTestId('bearer-kind')
  await expect(bearer).toHaveAttribute('data-bearer', 'eks')
  await expect(bearer).toContainText('ASIABCDEFGHIJKLMNOPQ')
  await expect(bearer).toContainText('2026-12-02T00:25:00Z')
  await expect(bearer).toContainText('x-k8s-aws-id')
  await expect(page.getByTestId('bearer-expiry')).toHaveAttribute('data-state', 'valid')
  // Never fetched: the presigned URL is a credential.
  expect(guards.requests.filter((u) => u.includes('amazonaws.com'))).toEqual([])

  // Fifteen minutes after X-Amz-Date, whatever X-Amz-Expires says (token.go presignedURLExpiration).
  await at(page, signedAt + 16 * 60)
  await paste(page, eksToken(url))
  await expect(page.getByTestId('bearer-expiry')).toHaveAttribute('data-state', 'expired')
})

test('an OpenSSH public key line as an HMAC secret never verifies the HS256 token made with it', async ({ page }) => {
  const v = SSH_KEY_VECTORS.find((x) => x.name === 'ed25519')
  if (!v) throw new Error('no ed25519 vector')
  const forged = await new SignJWT({ sub: 'system:serviceaccount:kube-system:admin' })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(v.sshLine))
  await page.goto('./')
  await paste(page, forged)
  await page.getByTestId('key-input').fill(v.sshLine)
  const status = page.getByTestId('signature-status')
  await expect(status).toHaveAttribute('data-state', 'no-matching-key')
  await expect(status).not.toHaveAttribute('data-state', 'verified')
})

test('one leeway: the risk banner and the validity badge agree, and the banner says what the API server does', async ({
  page,
}) => {
  const token = await sign({
    aud: [ISS],
    exp: NOW,
    iat: NOW - 3600,
    iss: ISS,
    sub: 'system:serviceaccount:default:app',
    'kubernetes.io': {
      namespace: 'default',
      pod: { name: 'app-0', uid: '55555555-6666-7777-8888-999999999999' },
      serviceaccount: { name: 'app', uid: '66666666-7777-8888-9999-000000000000' },
    },
  })
  await at(page, NOW + 30)
  await paste(page, token)
  await expect(page.getByTestId('validity')).toHaveAttribute('data-state', 'expired')
  const expired = page.getByTestId('k8s-risks').locator('[data-risk=expired]')
  await expect(expired).toContainText('leeway of 0 s')
  await expect(expired).toContainText('The API server allows 60 s of clock skew of its own, so it still accepts')

  await unfold(page, 'Timeline, time zone')
  await page.getByTestId('leeway').fill('60')
  await expect(page.getByTestId('validity')).toHaveAttribute('data-state', 'valid')
  await expect(expired).toHaveCount(0)
})

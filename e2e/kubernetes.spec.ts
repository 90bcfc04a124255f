import AxeBuilder from '@axe-core/playwright'
import { generateKeyPair, SignJWT, type JWTPayload } from 'jose'
import type { Page } from '@playwright/test'
import { expect, fixtureToken, paste, test, unfold } from './fixtures.ts'

const SEED_IAT = 1660909741
const SEED_WARNAFTER = 1660913348
const NOW = 1_767_000_000

/** Signs claims with a fresh P-256 key, as a cluster with an ECDSA service account key would. */
async function sign(payload: JWTPayload): Promise<string> {
  const { privateKey } = await generateKeyPair('ES256')
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES256', kid: 'SoABiieYuNx4UdqYvZRVeuC6SihxgLrhLy9peHMHpTc' })
    .sign(privateKey)
}

const GKE = 'https://container.googleapis.com/v1/projects/acme-prod/locations/europe-west1/clusters/main'
const nodeBound = () =>
  sign({
    aud: [GKE],
    exp: NOW + 3600,
    iat: NOW,
    nbf: NOW,
    iss: GKE,
    jti: '6f2a9c1e-0b7d-4e5f-9a3b-2c1d0e9f8a7b',
    sub: 'system:serviceaccount:monitoring:node-probe',
    'kubernetes.io': {
      namespace: 'monitoring',
      node: { name: 'gke-main-pool-1-abcd', uid: '0c7e5f44-1d2b-4a6c-9e8f-3b2a1c0d9e8f' },
      serviceaccount: { name: 'node-probe', uid: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' },
    },
  })

const OPENSHIFT = 'https://kubernetes.default.svc'
const secretBound = () =>
  sign({
    aud: ['vault'],
    exp: NOW + 7200,
    iat: NOW,
    nbf: NOW,
    iss: OPENSHIFT,
    sub: 'system:serviceaccount:ci:builder',
    'kubernetes.io': {
      namespace: 'ci',
      secret: { name: 'builder-dockercfg-x7k2p', uid: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f' },
      serviceaccount: { name: 'builder', uid: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b' },
    },
  })

async function at(page: Page, seconds: number) {
  await page.clock.setFixedTime(new Date(seconds * 1000))
  await page.goto('./')
}

test('the seed bound-pod token: kind, identity, groups, provider and the extended lifetime', async ({ page }) => {
  await at(page, SEED_IAT + 600)
  await paste(page, fixtureToken('seed-bound-pod-v1.24'))
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'k8s-bound-pod')
  const identity = page.getByTestId('identity')
  await expect(identity).toHaveAttribute('data-username', 'system:serviceaccount:default:default')
  await expect(identity.getByTestId('group')).toHaveText([
    'system:serviceaccounts',
    'system:serviceaccounts:default',
    'system:authenticated',
  ])
  await expect(identity.locator('[data-testid=extra][data-key="authentication.kubernetes.io/pod-name"]')).toContainText(
    'busybox',
  )
  await expect(page.getByTestId('provider')).toHaveAttribute('data-provider', 'kubeadm')
  await expect(page.getByTestId('k8s-lifetime')).toHaveAttribute('data-case', 'extended-kubelet')
  await expect(page.getByTestId('k8s-lifetime')).toContainText('--service-account-extend-token-expiration')
  // Before warnafter nothing is wrong with it, so there is no banner.
  await expect(page.getByTestId('k8s-risks')).toHaveCount(0)
})

test('the seed token past warnafter is stale, and a year later expired', async ({ page }) => {
  await at(page, SEED_WARNAFTER + 60)
  await paste(page, fixtureToken('seed-bound-pod-v1.24'))
  await expect(page.locator('[data-testid=risk]')).toHaveCount(1)
  await expect(page.locator('[data-testid=risk][data-risk=stale]')).toContainText('stale-token')
  await at(page, NOW)
  await paste(page, fixtureToken('seed-bound-pod-v1.24'))
  await expect(page.locator('[data-testid=risk][data-risk=expired]')).toBeVisible()
})

test('the legacy seed token: never-expires banner and the legacy advice', async ({ page }) => {
  await at(page, NOW)
  await paste(page, fixtureToken('seed-legacy-v1.20'))
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'k8s-legacy')
  const risk = page.locator('[data-testid=risk][data-risk=never-expires]')
  await expect(risk).toHaveAttribute('data-severity', 'error')
  await expect(risk).toContainText('never expires')
  await expect(page.getByTestId('identity')).toHaveAttribute('data-username', 'system:serviceaccount:default:default')
  await expect(page.getByTestId('identity').getByTestId('extra')).toHaveCount(0)
  await expect(page.getByTestId('k8s-lifetime')).toHaveAttribute('data-case', 'never-expires')
  const advice = (id: string) => page.locator(`[data-testid=advice][data-advice=${id}] [data-testid=advice-command]`)
  await expect(advice('legacy-revoke')).toHaveText('kubectl delete secret -n default -- default-token-57llx')
  await expect(advice('replace-create-token')).toHaveText('kubectl create token -n default --duration 1h -- default')
  await expect(advice('legacy-last-used')).toContainText('legacy-token-last-used')
})

test('a node-bound token: kind, identity with node and credential id, GKE, and a command copied', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await at(page, NOW + 60)
  await paste(page, await nodeBound())
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'k8s-bound-node')
  const identity = page.getByTestId('identity')
  await expect(identity).toHaveAttribute('data-username', 'system:serviceaccount:monitoring:node-probe')
  await expect(identity.getByTestId('group')).toHaveText([
    'system:serviceaccounts',
    'system:serviceaccounts:monitoring',
    'system:authenticated',
  ])
  await expect(
    identity.locator('[data-testid=extra][data-key="authentication.kubernetes.io/node-name"]'),
  ).toContainText('gke-main-pool-1-abcd')
  await expect(
    identity.locator('[data-testid=extra][data-key="authentication.kubernetes.io/credential-id"]'),
  ).toContainText('JTI=6f2a9c1e-0b7d-4e5f-9a3b-2c1d0e9f8a7b')
  await expect(page.getByTestId('provider')).toHaveAttribute('data-provider', 'gke')
  await expect(page.getByTestId('provider')).toContainText('acme-prod')
  const check = page.locator('[data-testid=advice][data-advice=check-bound-object]')
  await expect(check.getByTestId('advice-command')).toHaveText(
    "kubectl get node -o jsonpath='{.metadata.uid}' -- gke-main-pool-1-abcd",
  )
  await expect(page.locator('[data-testid=advice][data-advice=can-i] [data-testid=advice-command]')).toHaveText(
    'kubectl auth can-i --list -n monitoring --as=system:serviceaccount:monitoring:node-probe',
  )
  await unfold(page, 'Identity, shape, provider')
  await check.getByRole('button', { name: /Copy command/ }).click()
  await expect(check.getByRole('button', { name: /Copy command/ })).toHaveText(/Copied/)
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    "kubectl get node -o jsonpath='{.metadata.uid}' -- gke-main-pool-1-abcd",
  )
  await expect(page.getByTestId('k8s-risks')).toHaveCount(0)
})

test('a secret-bound token: kind, identity, OpenShift, a foreign audience and the advice', async ({ page }) => {
  await at(page, NOW + 60)
  await paste(page, await secretBound())
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'k8s-bound-secret')
  await expect(page.getByTestId('identity')).toHaveAttribute('data-username', 'system:serviceaccount:ci:builder')
  await expect(page.getByTestId('identity').getByTestId('extra')).toHaveCount(0)
  await expect(page.getByTestId('provider')).toHaveAttribute('data-provider', 'openshift')
  await expect(page.locator('[data-testid=audience][data-target=vault]')).toContainText('vault')
  await expect(page.locator('[data-testid=risk][data-risk=foreign-audience]')).toContainText('vault')
  await expect(
    page.locator('[data-testid=advice][data-advice=check-bound-object] [data-testid=advice-command]'),
  ).toHaveText("kubectl get secret -n ci -o jsonpath='{.metadata.uid}' -- builder-dockercfg-x7k2p")
  await expect(page.locator('[data-testid=advice][data-advice=reissue] [data-testid=advice-command]')).toHaveText(
    'kubectl create token -n ci --audience=vault --bound-object-kind Secret --bound-object-name builder-dockercfg-x7k2p --duration 7200s -- builder',
  )
})

test('an inconsistent token shows its findings instead of failing', async ({ page }) => {
  await at(page, NOW + 60)
  const token = await sign({
    exp: NOW + 3600,
    iat: NOW,
    iss: OPENSHIFT,
    sub: 'system:serviceaccount:ci:someone-else',
    'kubernetes.io': {
      namespace: 'ci',
      pod: { name: 'p', uid: 'u' },
      secret: { name: 's', uid: 'v' },
      serviceaccount: { name: 'builder', uid: 'w' },
    },
  })
  await paste(page, token)
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'k8s-bound-pod')
  await expect(page.locator('[data-testid=diagnostic][data-code=K8S_BOUND_CONFLICT]')).toHaveAttribute(
    'data-severity',
    'error',
  )
  await expect(page.locator('[data-testid=diagnostic][data-code=K8S_SUB_MISMATCH]')).toBeVisible()
  await expect(page.getByTestId('identity')).toHaveAttribute('data-username', 'system:serviceaccount:ci:builder')
  await expect(page.getByTestId('provider')).toHaveAttribute('data-provider', 'ambiguous')
})

for (const scheme of ['light', 'dark'] as const) {
  test(`the Kubernetes banner and panel pass axe in the ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme })
    await at(page, NOW)
    await paste(page, fixtureToken('seed-legacy-v1.20'))
    await expect(page.getByTestId('k8s-risks')).toBeVisible()
    await expect(page.getByTestId('kubernetes-panel')).toBeVisible()
    const scan = async () => {
      const result = await new AxeBuilder({ page })
        .include('[data-testid=k8s-risks]')
        .include('[data-testid=kubernetes-panel]')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze()
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    }
    await scan()
    await paste(page, await secretBound())
    await expect(page.locator('[data-testid=risk][data-risk=foreign-audience]')).toBeVisible()
    await scan()
  })
}

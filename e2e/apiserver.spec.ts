import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { createHash, createPublicKey } from 'node:crypto'
import { SignJWT, exportJWK, generateKeyPair } from 'jose'
import { expect, paste, test } from './fixtures.ts'

test.describe.configure({ timeout: 90_000 })

const ISS = 'https://kubernetes.default.svc.cluster.local'
const now = () => Math.floor(Date.now() / 1000)

/** A kind-style pod-bound token and the JWKS (`kubectl get --raw /openid/v1/jwks`) of its key. */
async function kindToken() {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true })
  const jwk = await exportJWK(publicKey)
  const der = createPublicKey({ key: jwk as never, format: 'jwk' }).export({ type: 'spki', format: 'der' })
  const kid = createHash('sha256').update(der).digest('base64url')
  const token = await new SignJWT({
    aud: [ISS],
    iss: ISS,
    jti: '6b1f0e2c-5a4d-4c3b-9a8f-7e6d5c4b3a21',
    sub: 'system:serviceaccount:default:default',
    nbf: now() - 5,
    'kubernetes.io': {
      namespace: 'default',
      pod: { name: 'web-0', uid: '8a1f3b2c-7d6e-4f5a-9b8c-1d2e3f4a5b6c' },
      serviceaccount: { name: 'default', uid: '0f6f3c3e-7b7e-4c4e-9a55-2f5b8d7e1a10' },
    },
  })
    .setProtectedHeader({ alg: 'RS256', kid })
    .setIssuedAt(now() - 5)
    .setExpirationTime(now() + 3600)
    .sign(privateKey)
  const jwks = JSON.stringify({ keys: [{ use: 'sig', kty: 'RSA', kid, alg: 'RS256', n: jwk.n, e: jwk.e }] })
  return { token, jwks }
}

async function idpToken(claims: Record<string, unknown>) {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true })
  const jwk = await exportJWK(publicKey)
  const token = await new SignJWT({ iss: 'https://idp.example.com', aud: 'kubernetes', ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: 'idp-1' })
    .setExpirationTime(now() + 600)
    .sign(privateKey)
  return { token, jwks: JSON.stringify({ keys: [{ ...jwk, kid: 'idp-1', use: 'sig' }] }) }
}

const AUTH_CONFIG = `apiVersion: apiserver.config.k8s.io/v1
kind: AuthenticationConfiguration
jwt:
- issuer:
    url: https://idp.example.com
    audiences: [kubernetes]
  claimMappings:
    username:
      expression: '"oidc:" + claims.preferred_username'
    groups:
      expression: 'claims.groups.map(g, "oidc:" + g)'
`

async function expectNoViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .include('[data-testid=api-server-panel]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

test('a bound token with the kind defaults and its JWKS: authenticated as its service account', async ({ page }) => {
  const { token, jwks } = await kindToken()
  await page.goto('./')
  await paste(page, token)
  await page.getByTestId('key-input').fill(jwks)
  const verdict = page.getByTestId('api-server-verdict')
  await expect(verdict).toHaveAttribute('data-state', 'authenticated')
  await expect(verdict).toHaveAttribute('data-authenticator', 'service-account')
  await expect(verdict).toHaveAttribute('data-username', 'system:serviceaccount:default:default')
  await expect(verdict).toHaveAttribute('data-uid', '0f6f3c3e-7b7e-4c4e-9a55-2f5b8d7e1a10')
  await expect(page.getByTestId('api-server-group')).toHaveText([
    'system:serviceaccounts',
    'system:serviceaccounts:default',
    'system:authenticated',
  ])
  await expect(
    page.locator('[data-testid=api-server-extra][data-key="authentication.kubernetes.io/credential-id"]'),
  ).toHaveText('JTI=6b1f0e2c-5a4d-4c3b-9a8f-7e6d5c4b3a21')
  await expect(page.getByTestId('token-review')).toContainText('authenticated: true')
  await expect(page.getByTestId('token-review')).toContainText('username: system:serviceaccount:default:default')
})

test('the same token with --api-audiences=vault: rejected on audience, with the API server’s message', async ({
  page,
}) => {
  const { token, jwks } = await kindToken()
  await page.goto('./')
  await paste(page, token)
  await page.getByTestId('key-input').fill(jwks)
  await page.getByTestId('cluster-config').fill('--api-audiences=vault')
  const verdict = page.getByTestId('api-server-verdict')
  await expect(verdict).toHaveAttribute('data-state', 'rejected')
  await expect(verdict).toHaveAttribute('data-reason', 'SA_AUDIENCE')
  await expect(verdict).toContainText(`token audiences ["${ISS}"] is invalid for the target audiences ["vault"]`)
  await expect(page.getByTestId('token-review')).toContainText("error: '[invalid bearer token, token audiences")
})

test('an OIDC token against an AuthenticationConfiguration with CEL mappings: the mapped user', async ({ page }) => {
  const { token, jwks } = await idpToken({ preferred_username: 'jane', groups: ['dev', 'ops'] })
  await page.goto('./')
  await paste(page, token)
  await page.getByTestId('key-input').fill(jwks)
  await page.getByTestId('cluster-config').fill(AUTH_CONFIG)
  const verdict = page.getByTestId('api-server-verdict')
  await expect(verdict).toHaveAttribute('data-state', 'authenticated')
  await expect(verdict).toHaveAttribute('data-authenticator', 'jwt:https://idp.example.com')
  await expect(verdict).toHaveAttribute('data-username', 'oidc:jane')
  await expect(page.getByTestId('api-server-group')).toHaveText(['oidc:dev', 'oidc:ops', 'system:authenticated'])
})

test('a CEL error is the API server’s message, naming the expression', async ({ page }) => {
  const { token, jwks } = await idpToken({ groups: ['dev'] })
  await page.goto('./')
  await paste(page, token)
  await page.getByTestId('key-input').fill(jwks)
  await page.getByTestId('cluster-config').fill(AUTH_CONFIG)
  const verdict = page.getByTestId('api-server-verdict')
  await expect(verdict).toHaveAttribute('data-state', 'rejected')
  await expect(verdict).toHaveAttribute('data-reason', 'JWT_USERNAME')
  await expect(verdict).toContainText(
    `expression '"oidc:" + claims.preferred_username' resulted in error: no such key: preferred_username`,
  )
})

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme })
    test('the API server panel passes axe, settled and rejected', async ({ page }) => {
      const { token, jwks } = await kindToken()
      await page.goto('./')
      await paste(page, token)
      await page.getByTestId('key-input').fill(jwks)
      await expect(page.getByTestId('api-server-verdict')).toHaveAttribute('data-state', 'authenticated')
      await page.getByText('As a TokenReview').click()
      await expectNoViolations(page)
      await page.getByTestId('cluster-config').fill('--api-audiences=vault')
      await expect(page.getByTestId('api-server-verdict')).toHaveAttribute('data-state', 'rejected')
      await expectNoViolations(page)
    })
  })
}

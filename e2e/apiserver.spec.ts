import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { createHash, createPublicKey } from 'node:crypto'
import { SignJWT, exportJWK, generateKeyPair } from 'jose'
import { expect, fixtureToken, paste, test, unfold } from './fixtures.ts'

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
  await unfold(page, 'Would the cluster accept it?')
  await page.getByTestId('cluster-config').fill('--api-audiences=vault')
  const verdict = page.getByTestId('api-server-verdict')
  await expect(verdict).toHaveAttribute('data-state', 'rejected')
  await expect(verdict).toHaveAttribute('data-reason', 'SA_AUDIENCE')
  await expect(verdict).toContainText(`token audiences ["${ISS}"] is invalid for the target audiences ["vault"]`)
  await expect(page.getByTestId('token-review')).toContainText("error: '[invalid bearer token, token audiences")
  // Which check, what it compared, and which inputs caused it.
  const cause = page.getByTestId('api-server-cause')
  await expect(cause).toHaveAttribute('data-check', 'audience')
  await expect(cause).toContainText(`aud ["${ISS}"] has nothing in common with the API audiences ["vault"]`)
  await expect(cause).toContainText('the token’s aud; --api-audiences')
  // The same setting is where the plain claim checks read the expected audience.
  await expect(page.locator('[data-testid=claim-check][data-claim=aud]')).toHaveAttribute('data-state', 'fail')
  await expect(page.getByTestId('claim-check-source')).toContainText('audience from --api-audiences')
})

test('an OIDC token against an AuthenticationConfiguration with CEL mappings: the mapped user', async ({ page }) => {
  const { token, jwks } = await idpToken({ preferred_username: 'jane', groups: ['dev', 'ops'] })
  await page.goto('./')
  await paste(page, token)
  await page.getByTestId('key-input').fill(jwks)
  await unfold(page, 'Would the cluster accept it?')
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
  await unfold(page, 'Would the cluster accept it?')
  await page.getByTestId('cluster-config').fill(AUTH_CONFIG)
  const verdict = page.getByTestId('api-server-verdict')
  await expect(verdict).toHaveAttribute('data-state', 'rejected')
  await expect(verdict).toHaveAttribute('data-reason', 'JWT_USERNAME')
  await expect(verdict).toContainText(
    `expression '"oidc:" + claims.preferred_username' resulted in error: no such key: preferred_username`,
  )
})

const SEED = fixtureToken('seed-bound-pod-v1.24')
/** The seed token's claims, as the kind v1.24 cluster issued them. */
const seedClaims = () => JSON.parse(Buffer.from(SEED.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>
/** An instant inside the seed token's validity window (it was issued at 1660909741). */
const SEED_NOW = (1660909741 + 600) * 1000

/** The seed token's exact claims, signed by a key made here, with that key's JWKS and Kubernetes kid. */
async function reSignedSeed() {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true })
  const jwk = await exportJWK(publicKey)
  const der = createPublicKey({ key: jwk as never, format: 'jwk' }).export({ type: 'spki', format: 'der' })
  const kid = createHash('sha256').update(der).digest('base64url')
  const token = await new SignJWT(seedClaims()).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey)
  return { token, jwks: JSON.stringify({ keys: [{ use: 'sig', kty: 'RSA', kid, alg: 'RS256', n: jwk.n, e: jwk.e }] }) }
}

test('the seed bound token with no settings: the defaults apply, and without its key it is unverified', async ({
  page,
}) => {
  await page.clock.setFixedTime(SEED_NOW)
  await page.goto('./')
  await paste(page, SEED)
  await expect(page.getByTestId('cluster-config-defaults')).toContainText('the defaults apply')
  // Using the box brings the checks; nothing typed keeps the defaults.
  await unfold(page, 'Would the cluster accept it?')
  await page.getByTestId('cluster-config').focus()
  const verdict = page.getByTestId('api-server-verdict')
  await expect(verdict).toHaveAttribute('data-state', 'unverified')
  await expect(verdict).toHaveAttribute('data-authenticator', 'service-account')
  await expect(verdict).toHaveAttribute('data-username', 'system:serviceaccount:default:default')
  await expect(verdict).toHaveAttribute('data-uid', '8208ff56-0a67-47bb-8175-a198423dacf8')
  await expect(page.locator('[data-testid=api-server-step][data-check=signature]')).toHaveAttribute(
    'data-outcome',
    'not-checked',
  )
  await expect(page.getByTestId('cluster-config-defaults')).toContainText(
    'The token’s own issuer is taken as the service account issuer',
  )
  // Nothing stated, so the plain claim checks compare no issuer or audience.
  await expect(page.locator('[data-testid=claim-check][data-claim=aud]')).toHaveCount(0)
})

test('the seed token’s claims signed by a pasted key: authenticated, with its live checks and trace', async ({
  page,
}) => {
  const { token, jwks } = await reSignedSeed()
  await page.clock.setFixedTime(SEED_NOW)
  await page.goto('./')
  await paste(page, token)
  await page.getByTestId('key-input').fill(jwks)
  const verdict = page.getByTestId('api-server-verdict')
  await expect(verdict).toHaveAttribute('data-state', 'authenticated')
  await expect(verdict).toHaveAttribute('data-username', 'system:serviceaccount:default:default')
  await expect(verdict).toHaveAttribute('data-uid', '8208ff56-0a67-47bb-8175-a198423dacf8')
  await expect(page.getByTestId('api-server-group')).toHaveText([
    'system:serviceaccounts',
    'system:serviceaccounts:default',
    'system:authenticated',
  ])
  await expect(
    page.locator('[data-testid=api-server-extra][data-key="authentication.kubernetes.io/pod-name"]'),
  ).toHaveText('busybox')
  // No jti before 1.29: no credential id.
  await expect(
    page.locator('[data-testid=api-server-extra][data-key="authentication.kubernetes.io/credential-id"]'),
  ).toHaveCount(0)
  await expect(page.locator('[data-testid=api-server-live-check][data-check=pod] code')).toHaveText(
    `kubectl get pod -n default -o 'jsonpath={.metadata.uid}{" "}{.metadata.deletionTimestamp}' -- busybox`,
  )
  await expect(page.locator('[data-testid=api-server-live-check][data-check=serviceaccount] code')).toHaveText(
    `kubectl get serviceaccount -n default -o 'jsonpath={.metadata.uid}{" "}{.metadata.deletionTimestamp}' -- default`,
  )
  // The trace: the legacy authenticator passes the token on, the bound one checks it in upstream's order.
  await expect(
    page.locator('[data-testid=api-server-step][data-authenticator="service-account (legacy)"][data-check=issuer]'),
  ).toHaveAttribute('data-outcome', 'skip')
  expect(
    await page
      .locator('[data-testid=api-server-step][data-authenticator="service-account"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-check'))),
  ).toEqual(['issuer', 'signature', 'audience', 'nbf', 'exp', 'iat', 'user'])
  for (const check of ['issuer', 'signature', 'audience', 'nbf', 'exp', 'iat', 'user'])
    await expect(
      page.locator(`[data-testid=api-server-step][data-authenticator="service-account"][data-check="${check}"]`),
    ).toHaveAttribute('data-outcome', 'pass')
  await expect(page.locator('[data-testid=api-server-step][data-check=audience][data-outcome=pass]')).toContainText(
    'aud ∩ API audiences = ["https://kubernetes.default.svc.cluster.local"]',
  )
})

test('invalid settings are a settings error with the API server’s message and field path, and no verdict', async ({
  page,
}) => {
  const { token, jwks } = await idpToken({ preferred_username: 'jane', groups: [] })
  await page.goto('./')
  await paste(page, token)
  await page.getByTestId('key-input').fill(jwks)
  await unfold(page, 'Would the cluster accept it?')
  await page
    .getByTestId('cluster-config')
    .fill(AUTH_CONFIG.replace('url: https://idp.example.com', 'url: http://idp.example.com'))
  const error = page.locator('[data-testid=cluster-config-error][data-where="jwt[0].issuer.url"]')
  await expect(error).toContainText(
    'jwt[0].issuer.url: Invalid value: "http://idp.example.com": URL scheme must be https',
  )
  await expect(page.getByTestId('cluster-config')).toHaveAttribute('aria-invalid', 'true')
  const verdict = page.getByTestId('api-server-verdict')
  await expect(verdict).toHaveAttribute('data-state', 'undetermined')
  await expect(verdict).toHaveAttribute('data-reason', 'SETTINGS_INVALID')
  await expect(verdict).not.toHaveAttribute('data-username')
  await expect(page.getByTestId('api-server-group')).toHaveCount(0)
  // Fixed, the verdict comes back.
  await unfold(page, 'Would the cluster accept it?')
  await page.getByTestId('cluster-config').fill(AUTH_CONFIG)
  await expect(verdict).toHaveAttribute('data-state', 'authenticated')
  await expect(page.getByTestId('cluster-config-error')).toHaveCount(0)
})

test('the cluster settings stay in the tab: not in a share link, the address, storage or any request', async ({
  page,
  browser,
  guards,
}) => {
  const marker = 'marker-audience-5c1e'
  const { token, jwks } = await kindToken()
  await page.goto('./')
  await paste(page, token)
  await page.getByTestId('key-input').fill(jwks)
  await unfold(page, 'Would the cluster accept it?')
  await page.getByTestId('cluster-config').fill(`--service-account-issuer=${ISS}\n--api-audiences=${marker}`)
  await expect(page.getByTestId('api-server-verdict')).toHaveAttribute('data-state', 'rejected')
  await page.getByTestId('share-button').click()
  await expect(page.getByTestId('share-link')).toHaveValue(/#v1=/)
  // Even the link that carries the whole token carries no settings.
  await page.getByTestId('share-include-token').check()
  await expect(page.getByTestId('share-link')).toHaveAttribute('data-includes-token', 'true')
  const link = await page.getByTestId('share-link').inputValue()
  expect(page.url()).not.toContain(marker)
  await page.waitForLoadState('networkidle')
  expect(guards.requests.filter((u) => u.includes(marker) || u.includes('api-audiences'))).toEqual([])
  const stored = await page.evaluate(() =>
    JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie, history.state]),
  )
  expect(stored).not.toContain(marker)
  // The link, opened elsewhere, brings the token and no settings.
  const other = await browser.newPage()
  await other.goto(link)
  await expect(other.getByTestId('token-input')).toHaveValue(token)
  await expect(other.getByTestId('cluster-config')).toHaveValue('')
  await expect(other.locator('body')).not.toContainText(marker)
  await other.close()
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
      await unfold(page, 'Would the cluster accept it?')
      await page.getByText('As a TokenReview').click()
      await page.getByText(/^Step by step/).click()
      await expectNoViolations(page)
      await page.getByTestId('cluster-config').fill('--api-audiences=vault')
      await expect(page.getByTestId('api-server-verdict')).toHaveAttribute('data-state', 'rejected')
      await expectNoViolations(page)
      // A start-up error in place of a verdict.
      await unfold(page, 'Would the cluster accept it?')
      await page.getByTestId('cluster-config').fill('--service-account-issuer=')
      await expect(page.getByTestId('cluster-config-error')).toContainText(
        'service-account-issuer should not be an empty string',
      )
      await expectNoViolations(page)
    })
  })
}

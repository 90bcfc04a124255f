import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto'
import type { Page } from '@playwright/test'
import { expect, fixtureToken, pageTraces, paste, test } from './fixtures.ts'

const NOW = Date.parse('2026-12-01T12:00:00Z')

const field = (page: Page, id: string) => page.locator(`[data-testid=compose-field][data-field=${id}]`)
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString())
const headerOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0] as string, 'base64url').toString())

async function openCompose(page: Page) {
  await page.clock.setFixedTime(NOW)
  await page.goto('./#compose')
  await expect(page.getByTestId('compose-payload')).toBeVisible()
}

test('a bound pod token with a generated ES256 key: Decode and verify reads verified, kid match, the identity', async ({
  page,
}) => {
  await openCompose(page)
  await expect(page.getByRole('tab', { name: 'Compose' })).toHaveAttribute('aria-selected', 'true')
  // The template's times are from now: iat = nbf = now, one auto-extended year, warnafter at 3607 s.
  const start = claimsOf(
    `e30.${Buffer.from(await page.getByTestId('compose-payload').inputValue()).toString('base64url')}.`,
  )
  expect(start).toMatchObject({ iat: NOW / 1000, nbf: NOW / 1000, exp: NOW / 1000 + 31536000 })
  expect(start['kubernetes.io'].warnafter).toBe(NOW / 1000 + 3607)
  expect(typeof start.jti).toBe('string')
  await expect(page.getByTestId('compose-issuer-note')).toContainText('real clusters will not accept this token')
  // Fields write into the JSON, and the JSON into the fields.
  await field(page, 'namespace').fill('team-a')
  await field(page, 'serviceAccount').fill('builder')
  await field(page, 'pod').fill('builder-0')
  await expect(page.getByTestId('compose-payload')).toHaveValue(/"sub": "system:serviceaccount:team-a:builder"/)
  const text = await page.getByTestId('compose-payload').inputValue()
  await page.getByTestId('compose-payload').fill(text.replace('"builder-0"', '"builder-1"'))
  await expect(field(page, 'pod')).toHaveValue('builder-1')

  await page.getByTestId('compose-alg').selectOption('ES256')
  await page.getByTestId('compose-generate-key').click()
  await expect(page.getByTestId('compose-key-status')).toHaveAttribute('data-state', 'ready')
  // Nothing is signed until the user asks.
  await expect(page.getByTestId('compose-token')).toHaveAttribute('data-state', 'none')
  await expect(page.getByTestId('compose-token')).toHaveValue('')
  await page.getByRole('button', { name: 'Sign', exact: true }).click()
  await expect(page.getByTestId('compose-token')).toHaveAttribute('data-state', 'signed')
  const token = await page.getByTestId('compose-token').inputValue()
  const jwks = JSON.parse(await page.getByTestId('compose-public-jwks').inputValue())
  const jwk = jwks.keys[0]
  // The Kubernetes key id: base64url(SHA-256(DER SubjectPublicKeyInfo)), worked out here independently.
  const spki = createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'der' })
  const kid = createHash('sha256').update(spki).digest('base64url')
  expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid })
  expect(jwk.d).toBeUndefined()
  expect(headerOf(token)).toEqual({ alg: 'ES256', kid })
  await expect(page.getByTestId('compose-header')).toHaveValue(new RegExp(`"kid": "${kid}"`))
  await expect(page.getByTestId('compose-public-pem')).toHaveValue(/^-----BEGIN PUBLIC KEY-----/)

  await page.getByRole('button', { name: 'Decode and verify' }).click()
  await expect(page.getByRole('tab', { name: 'Decode' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByTestId('token-input')).toHaveValue(token)
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'k8s-bound-pod')
  await expect(page.getByTestId('key-input')).toHaveValue(JSON.stringify(jwks, null, 2))
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified')
  await expect(page.getByTestId('kid-check')).toHaveAttribute('data-state', 'match')
  await expect(page.getByTestId('identity')).toHaveAttribute('data-username', 'system:serviceaccount:team-a:builder')
})

test('a pasted private key stays in the compose view: not in storage, the address or the decode view', async ({
  page,
}) => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()
  const body = pem.replace(/-----[^-]+-----|\s/g, '')
  // The private members (a PEM line may also hold the public modulus, which the JWK Set shows).
  const jwk = privateKey.export({ format: 'jwk' })
  const secrets = [body, ...(['d', 'p', 'q', 'dp', 'dq', 'qi'] as const).map((m) => jwk[m] as string)]
  const b64 = (u: string) => Buffer.from(u, 'base64url').toString('base64').replace(/=+$/, '')
  await openCompose(page)
  await page.getByTestId('compose-key').fill(pem)
  await expect(page.getByTestId('compose-key-status')).toHaveAttribute('data-state', 'ready')
  await expect(page.getByTestId('compose-key-status')).toContainText('RSA 2048-bit')
  await page.getByRole('button', { name: 'Sign', exact: true }).click()
  const token = await page.getByTestId('compose-token').inputValue()
  expect(headerOf(token).alg).toBe('RS256')
  await page.getByRole('button', { name: 'Decode and verify' }).click()
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified')
  // Leaving the view cleared the key; the token (not secret) is still there.
  await page.getByRole('tab', { name: 'Compose' }).click()
  await expect(page.getByTestId('compose-key')).toHaveValue('')
  await expect(page.getByTestId('compose-key-status')).toHaveAttribute('data-state', 'none')
  await expect(page.getByTestId('compose-token')).toHaveValue(token)
  const decodeView = await page
    .locator('#panel-decode')
    .evaluate((el) =>
      [
        el.textContent,
        ...Array.from(el.querySelectorAll('textarea, input')).map((i) => (i as HTMLInputElement).value),
      ].join('\n'),
    )
  const traces = await pageTraces(page)
  const wholePage = await page.evaluate(() =>
    [
      document.body.textContent,
      ...Array.from(document.querySelectorAll('textarea, input')).map((i) => (i as HTMLInputElement).value),
    ].join('\n'),
  )
  const flat = (t: string) => t.replace(/\s/g, '')
  for (const secret of secrets)
    for (const form of [secret, b64(secret)]) {
      expect(flat(decodeView)).not.toContain(form)
      expect(flat(traces)).not.toContain(form)
      expect(flat(wholePage)).not.toContain(form)
    }
})

test('"Forget key" drops the key, and an edit after signing never signs again by itself', async ({ page }) => {
  await openCompose(page)
  await page.getByTestId('compose-alg').selectOption('HS256')
  await page.getByTestId('compose-generate-key').click()
  await expect(page.getByTestId('compose-key-status')).toHaveAttribute('data-state', 'ready')
  const secret = await page.locator('#compose-secret').inputValue()
  expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/)
  await page.getByRole('button', { name: 'Sign', exact: true }).click()
  const token = await page.getByTestId('compose-token').inputValue()
  await field(page, 'namespace').fill('other')
  await expect(page.getByTestId('compose-token')).toHaveAttribute('data-state', 'stale')
  await expect(page.getByTestId('compose-token')).toHaveValue(token)
  await page.getByTestId('compose-forget-key').click()
  await expect(page.getByTestId('compose-key-status')).toHaveAttribute('data-state', 'none')
  await expect(page.locator('#compose-secret')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Sign', exact: true })).toBeDisabled()
  // An HMAC token goes to Decode without its secret: the user pastes it there.
  await page.getByRole('button', { name: 'Decode and verify' }).click()
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'unverified')
  await expect(page.getByTestId('key-input')).toHaveValue('')
  expect(await pageTraces(page)).not.toContain(secret)
})

test('the JSON is checked as it is typed, with line and column; none comes with a warning', async ({ page }) => {
  await openCompose(page)
  await page.getByTestId('compose-payload').fill('{\n  "sub": "x",\n  oops\n}')
  const problem = page.locator('[data-testid=compose-diagnostic][data-code=COMPOSE_JSON_INVALID]')
  await expect(problem).toContainText('line 3, column 3')
  await expect(page.getByTestId('compose-payload')).toHaveAttribute('aria-invalid', 'true')
  await expect(field(page, 'namespace')).toBeDisabled()
  await page.getByTestId('compose-payload').fill('{"sub": "x", "sub": "y"}')
  await expect(page.locator('[data-testid=compose-diagnostic][data-code=JSON_DUPLICATE_MEMBER]')).toContainText(
    'column 14',
  )
  await page.getByTestId('compose-alg').selectOption('none')
  await expect(page.getByTestId('compose-alg-none')).toContainText('use it only to test that yours refuses it')
  await page.getByRole('button', { name: 'Make the unsigned token' }).click()
  await expect(page.getByTestId('compose-token')).toHaveAttribute('data-state', 'unsigned')
  await expect(page.getByTestId('compose-token')).toHaveValue(/\.$/)
  await expect(page.locator('[data-testid=compose-diagnostic][data-code=ALG_NONE]')).toHaveCount(1)
})

test('templates start from now, and only the GitHub one names a real issuer', async ({ page }) => {
  await openCompose(page)
  const iss = async () => JSON.parse(await page.getByTestId('compose-payload').inputValue()).iss as string | undefined
  const expected: Record<string, string | undefined> = {
    'k8s-legacy': 'kubernetes/serviceaccount',
    'k8s-bound-node': 'https://kubernetes.default.svc.cluster.local',
    'k8s-token-request': 'https://kubernetes.default.svc.cluster.local',
    'oidc-id-token': 'https://server.example.com',
    'github-actions': 'https://token.actions.githubusercontent.com',
    empty: undefined,
  }
  for (const [id, issuer] of Object.entries(expected)) {
    await page.getByTestId('compose-template').selectOption(id)
    expect(await iss()).toBe(issuer)
    const claims = JSON.parse(await page.getByTestId('compose-payload').inputValue())
    if (id !== 'empty' && id !== 'k8s-legacy') expect(claims.iat).toBe(NOW / 1000)
    await expect(page.getByTestId('compose-issuer-note')).not.toBeEmpty()
  }
  await page.getByTestId('compose-template').selectOption('k8s-bound-node')
  await expect(field(page, 'node')).toHaveValue('example-node')
  await expect(field(page, 'pod')).toHaveCount(0)
})

test('"Edit a copy" takes the header and claims into Compose, unsigned', async ({ page }) => {
  await page.goto('./')
  const seed = fixtureToken('seed-bound-pod-v1.24')
  await paste(page, seed)
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'k8s-bound-pod')
  await page.getByRole('button', { name: 'Edit a copy' }).click()
  await expect(page.getByRole('tab', { name: 'Compose' })).toHaveAttribute('aria-selected', 'true')
  expect(JSON.parse(await page.getByTestId('compose-payload').inputValue())).toEqual(claimsOf(seed))
  expect(JSON.parse(await page.getByTestId('compose-header').inputValue())).toEqual(headerOf(seed))
  await expect(page.getByTestId('compose-copy-note')).toContainText('without its signature')
  await expect(page.getByTestId('compose-token')).toHaveValue('')
  await expect(field(page, 'pod')).toHaveValue('busybox')
  await expect(page.getByRole('button', { name: 'Sign', exact: true })).toBeDisabled()
  // The decode view still shows the original, and its verdict is untouched.
  await page.getByRole('tab', { name: 'Decode' }).click()
  await expect(page.getByTestId('token-input')).toHaveValue(seed)
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'unverified')
})

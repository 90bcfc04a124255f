import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { createHash, createPublicKey } from 'node:crypto'
import { SignJWT, exportJWK, exportPKCS8, generateKeyPair } from 'jose'
import { K8S_RSA_PEM } from '../src/test/k8s-key-vectors.ts'
import { expect, fixtureToken, paste, test, unfold } from './fixtures.ts'

test.describe.configure({ timeout: 90_000 })

const ISS = 'https://kubernetes.default.svc.cluster.local'

/** A Kubernetes-style RS256 token whose kid is derived from its key as the API server does. */
async function clusterToken() {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true })
  const jwk = await exportJWK(publicKey)
  const der = createPublicKey({ key: jwk as never, format: 'jwk' }).export({ type: 'spki', format: 'der' })
  const kid = createHash('sha256').update(der).digest('base64url')
  const token = await new SignJWT({
    aud: [ISS],
    iss: ISS,
    sub: 'system:serviceaccount:default:default',
    'kubernetes.io': {
      namespace: 'default',
      serviceaccount: { name: 'default', uid: '0f6f3c3e-7b7e-4c4e-9a55-2f5b8d7e1a10' },
    },
  })
    .setProtectedHeader({ alg: 'RS256', kid })
    .setIssuedAt(1_700_000_000)
    .setExpirationTime(1_700_003_600)
    .sign(privateKey)
  const jwks = JSON.stringify({ keys: [{ use: 'sig', kty: 'RSA', kid, alg: 'RS256', n: jwk.n, e: jwk.e }] })
  return { token, jwks, kid, jwk, privateKey }
}

async function expectNoViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .include('[aria-labelledby=verify-title]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

test('a token and the JWKS it was signed with: verified and kid match; one changed character: invalid', async ({
  page,
  guards,
}) => {
  const { token, jwks, kid } = await clusterToken()
  await page.goto('./')
  // The panel comes with the chunk after the first view; the key reader and jose only on demand.
  const loaded = (name: string) => guards.requests.filter((u) => new RegExp(`/assets/${name}-[^/]+\\.js$`).test(u))
  expect(loaded('later')).toEqual([])
  expect(loaded('verify')).toEqual([])
  await paste(page, token)
  const status = page.getByTestId('signature-status')
  await expect(status).toHaveAttribute('data-state', 'unverified')
  expect(loaded('later').length).toBeGreaterThan(0)
  expect(loaded('verify')).toEqual([])

  const started = Date.now()
  await page.getByTestId('key-input').fill(jwks)
  await expect(status).toHaveAttribute('data-state', 'verified')
  console.log(`verification shown ${Date.now() - started} ms after pasting the JWKS`)
  await expect(status).toContainText('does not show that this key belongs to an issuer you trust')
  await expect(page.getByTestId('kid-check')).toHaveAttribute('data-state', 'match')
  await expect(page.getByTestId('kid-check')).toContainText(kid)
  expect(loaded('verify').length).toBeGreaterThan(0)
  await expect(page.locator('#key-recognised')).toContainText('A JWK Set with 1 key.')

  const dot = token.lastIndexOf('.')
  const changed = token.slice(0, dot + 5) + (token[dot + 5] === 'A' ? 'B' : 'A') + token.slice(dot + 6)
  await paste(page, changed)
  await expect(status).toHaveAttribute('data-state', 'invalid')
  // The kid still names this key: it is the signature that does not match.
  await expect(page.getByTestId('kid-check')).toHaveAttribute('data-state', 'match')
  await paste(page, token)
  await expect(status).toHaveAttribute('data-state', 'verified')
  // No request for the issuer, its discovery document or its keys: only the page's own files.
  expect(guards.requests.filter((u) => /kubernetes\.default|openid|jwks/.test(u))).toEqual([])
})

test('replacing a verified key with a wrong one never shows the old verdict, not even for a frame', async ({
  page,
}) => {
  const right = await clusterToken()
  const wrong = await clusterToken()
  await page.goto('./')
  await paste(page, right.token)
  const status = page.getByTestId('signature-status')
  await page.getByTestId('key-input').fill(right.jwks)
  await expect(status).toHaveAttribute('data-state', 'verified')
  // Record every state the status passes through from here on.
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { __states: string[] }).__states = seen
    const el = document.querySelector('[data-testid=signature-status]') as HTMLElement
    // aria-busy flips while the new key is checked, so a stale verdict that keeps its data-state is recorded too.
    new MutationObserver(() => seen.push(el.dataset.state ?? '')).observe(el, {
      attributes: true,
      attributeFilter: ['data-state', 'aria-busy'],
    })
  })
  // The wrong key set reuses the right kid, so that the check really runs against it.
  const wrongJwks = JSON.stringify({ keys: [{ ...JSON.parse(wrong.jwks).keys[0], kid: right.kid }] })
  await page.getByTestId('key-input').fill(wrongJwks)
  await expect(status).toHaveAttribute('data-state', 'invalid')
  const states = await page.evaluate(() => (window as unknown as { __states: string[] }).__states)
  expect(states).not.toContain('verified')
  expect(states.at(-1)).toBe('invalid')
})

test('a JWKS without the token kid: no-matching-key', async ({ page }) => {
  const { token, jwk } = await clusterToken()
  await page.goto('./')
  await paste(page, token)
  await page
    .getByTestId('key-input')
    .fill(
      JSON.stringify({ keys: [{ use: 'sig', kty: 'RSA', kid: 'some-other-key', alg: 'RS256', n: jwk.n, e: jwk.e }] }),
    )
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'no-matching-key')
  await expect(page.getByTestId('signature-status')).toContainText('is not in the key set')
})

test('a pasted private key is refused and cleared', async ({ page }) => {
  const { token, privateKey } = await clusterToken()
  await page.goto('./')
  await paste(page, token)
  await page.getByTestId('key-input').fill(await exportPKCS8(privateKey))
  await expect(page.getByTestId('key-refused')).toContainText('private key')
  await expect(page.getByTestId('key-input')).toHaveValue('')
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'key-error')
})

test('the minikube fixture verifies with its PEM and its kid recomputes to a match', async ({ page }) => {
  const { default: tokens } = await import('../src/test/public-tokens.json', { with: { type: 'json' } })
  const fixture = tokens.find((t) => t.name === 'vault-minikube-bound-pod-kid') as {
    token: string
    publicKey: { pem: string }
  }
  await page.goto('./')
  await paste(page, fixture.token)
  await page.getByTestId('key-input').fill(fixture.publicKey.pem)
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified')
  await expect(page.getByTestId('kid-check')).toHaveAttribute('data-state', 'match')
})

test('alg none is never verified', async ({ page }) => {
  await page.goto('./')
  await paste(page, fixtureToken('rfc7519-6.1-unsecured'))
  await page.getByTestId('key-input').fill('{"kty":"oct","k":"c2VjcmV0"}')
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'unsupported')
})

test('an HMAC secret: the encoding is selectable, and a public key is never used as the secret', async ({ page }) => {
  const { default: tokens } = await import('../src/test/public-tokens.json', { with: { type: 'json' } })
  const fixture = tokens.find((t) => t.name === 'rfc7515-a1-hs256') as {
    token: string
    publicKey: { jwk: { k: string } }
  }
  await page.goto('./')
  await paste(page, fixture.token)
  const status = page.getByTestId('signature-status')
  await page.getByTestId('key-input').fill(fixture.publicKey.jwk.k)
  await expect(status).toHaveAttribute('data-state', 'invalid')
  await page.getByLabel('Secret written as').selectOption('base64url')
  await expect(status).toHaveAttribute('data-state', 'verified')
  await expect(page.getByTestId('kid-check')).toHaveAttribute('data-state', 'not-applicable')
  await page.getByTestId('key-input').fill(K8S_RSA_PEM)
  await expect(status).toHaveAttribute('data-state', 'no-matching-key')
  await expect(page.locator('[data-testid=diagnostic][data-code=ALG_KEY_CONFUSION]')).toBeVisible()
})

test('a discovery document: no keys, its jwks_uri and the command to fetch it', async ({ page, guards }) => {
  const { token } = await clusterToken()
  await page.goto('./')
  await paste(page, token)
  await page.getByTestId('key-input').fill(
    JSON.stringify({
      issuer: ISS,
      jwks_uri: 'https://172.18.0.2:6443/openid/v1/jwks',
      response_types_supported: ['id_token'],
    }),
  )
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'no-matching-key')
  await expect(page.getByTestId('discovery-commands')).toContainText('kubectl get --raw /openid/v1/jwks')
  await expect(page.locator('[data-testid=diagnostic][data-code=DISCOVERY_HAS_NO_KEYS]')).toContainText(
    'https://172.18.0.2:6443/openid/v1/jwks',
  )
  expect(guards.requests.filter((u) => u.includes('172.18.0.2'))).toEqual([])
})

for (const scheme of ['light', 'dark'] as const) {
  test(`the verification panel passes axe (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme })
    const { token, jwks } = await clusterToken()
    await page.goto('./')
    await paste(page, token)
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'unverified')
    await expectNoViolations(page)
    await page.getByTestId('key-input').fill(jwks)
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified')
    await page.getByText('Where to get the keys').click()
    // The expected audience is stated where the cluster's settings are.
    await unfold(page, 'Would the cluster accept it?')
    await page.getByTestId('cluster-config').fill('--api-audiences=sts.amazonaws.com')
    await expect(page.locator('[data-testid=claim-check][data-claim=aud]')).toHaveAttribute('data-state', 'fail')
    await expectNoViolations(page)
    await page.getByTestId('key-input').fill('not a key')
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'key-error')
    await expectNoViolations(page)
  })
}

import type { Page, Route } from '@playwright/test'
import { createHash, createPublicKey } from 'node:crypto'
import { SignJWT, exportJWK, generateKeyPair } from 'jose'
import { expect, fixtureToken, paste, test, unfold } from './fixtures.ts'

// The first decoded view needs nothing that loads lazily. These tests hold
// the lazy chunks back and check that the rows are on screen anyway, and that the explanations,
// the time details and the verification panel fill in once the chunks arrive.

/** Holds every request whose path matches until `release` is called. */
async function holdChunks(page: Page, pattern: RegExp) {
  const held: Route[] = []
  let open = false
  await page.route(pattern, (route) => (open ? route.continue() : void held.push(route)))
  return {
    count: () => held.length,
    release: async () => {
      open = true
      await Promise.all(held.map((r) => r.continue()))
    },
  }
}

// The two chunks after the first view (vite.config.ts): the knowledge base, and the rest (time,
// Kubernetes, the verification panel, the banner).
const LAZY = /\/assets\/(knowledge|later)-[^/]*\.js$/

test('a #token= link shows its rows at once; explanations, time details and verification fill in after', async ({
  page,
}) => {
  const token = fixtureToken('seed-bound-pod-v1.24')
  const gate = await holdChunks(page, LAZY)
  await page.goto(`/#token=${token}`)
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'k8s-bound-pod')
  const sub = page.locator('[data-testid=claim][data-path="/sub"]')
  await expect(sub).toContainText('system:serviceaccount:')
  // Nothing lazy has arrived, yet the rows are there, with their values as written.
  await expect(page.getByTestId('claim-meaning')).toHaveCount(0)
  await expect(page.locator('[data-testid=claim][data-path="/exp"]')).toContainText(/\d{10}/)
  await expect(page.getByText('Loading signature verification…')).toBeVisible()
  await expect.poll(() => gate.count()).toBeGreaterThan(0)
  await gate.release()
  await expect(sub.getByTestId('claim-meaning').first()).toBeAttached()
  await expect(page.getByTestId('key-input')).toBeVisible()
  await unfold(page, 'Timeline, time zone')
  await expect(page.getByTestId('timeline')).toBeVisible()
})

test('a pasted token: rows first, the lazily loaded parts once they arrive, and nothing fetched before the first view', async ({
  page,
}) => {
  const gate = await holdChunks(page, LAZY)
  await page.goto('/')
  // Before any token: nothing lazy is asked for while the page is busy starting up.
  expect(gate.count()).toBe(0)
  await paste(page, fixtureToken('seed-legacy-v1.20'))
  await expect(page.getByTestId('token-kind')).toBeVisible()
  await expect(page.locator('[data-testid=claim][data-path="/iss"]')).toContainText('kubernetes/serviceaccount')
  await gate.release()
  await expect(
    page.locator('[data-testid=claim][data-path="/iss"]').getByTestId('claim-meaning').first(),
  ).toBeAttached()
})

test('the JSON source is filled in when opened, and follows a new paste', async ({ page }) => {
  await page.goto('/')
  await paste(page, fixtureToken('seed-legacy-v1.20'))
  const payload = page.getByRole('region', { name: 'Payload (claims)' })
  const source = payload.getByTestId('json-source')
  await expect(source).toBeHidden()
  await expect(source).toHaveText('')
  await payload.getByRole('tab', { name: 'JSON' }).click()
  await expect(source.locator('pre')).toContainText('"iss": "kubernetes/serviceaccount"')
  await paste(page, fixtureToken('seed-bound-pod-v1.24'))
  await expect(source.locator('pre')).toContainText('"kubernetes.io": {')
})

test('a key set: verified by the right key, and every key gets its Kubernetes key id', async ({ page }) => {
  const pairs = await Promise.all([0, 1, 2].map(() => generateKeyPair('ES256', { extractable: true })))
  const jwks = await Promise.all(pairs.map((p) => exportJWK(p.publicKey)))
  const kids = jwks.map((jwk) =>
    createHash('sha256')
      .update(createPublicKey({ key: jwk as never, format: 'jwk' }).export({ type: 'spki', format: 'der' }))
      .digest('base64url'),
  )
  const token = await new SignJWT({ sub: 'system:serviceaccount:default:default' })
    .setProtectedHeader({ alg: 'ES256', kid: kids[1]! })
    .sign(pairs[1]!.privateKey)
  await page.goto('/')
  await paste(page, token)
  await page
    .getByTestId('key-input')
    .fill(JSON.stringify({ keys: jwks.map((j, i) => ({ ...j, kid: kids[i], alg: 'ES256', use: 'sig' })) }, null, 2))
  await expect(page.locator('[data-testid=signature-status]')).toHaveAttribute('data-state', 'verified')
  await expect(page.getByTestId('signature-status')).toContainText('key 2 of 3')
  const list = page.getByRole('list', { name: 'Keys recognised' })
  for (const kid of kids) await expect(list).toContainText(kid)
  // The one key that verified (the others were not needed) is the token's own.
  await expect(list.getByRole('listitem').filter({ hasText: 'verified this token' })).toContainText(kids[1]!)
})

/** The chunks a page has fetched so far, by name (`later`, `jwt`…), from the resource timings. */
async function chunksFetched(page: Page): Promise<string[]> {
  const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))
  return urls.flatMap((u) => /\/assets\/([A-Za-z0-9]+)-[^/]*\.js$/.exec(u)?.[1] ?? []).sort()
}

// What the bench's "explained" figure counts: a pod's bound token needs none of the on-demand
// chunks that other tokens bring (decoding's notes with the shape checks, any other JWT's
// summary facts), and those tokens do bring them.
test('a bound pod token, fully explained, loads only the start-up chunk, later and knowledge', async ({ page }) => {
  await page.goto(`/#token=${fixtureToken('seed-bound-pod-v1.24')}`)
  await expect(page.getByTestId('summary-fact').first()).toBeAttached()
  await expect(
    page.locator('[data-testid=claim][data-path="/sub"]').getByTestId('claim-meaning').first(),
  ).toBeAttached()
  await expect(page.getByTestId('timeline')).toBeAttached()
  await expect(page.getByTestId('kubernetes-panel')).toBeAttached()
  await expect.poll(() => chunksFetched(page)).toEqual(['index', 'knowledge', 'later', 'rolldown'])
  // And nothing more once the page has gone idle.
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 1000))))
  expect(await chunksFetched(page)).toEqual(['index', 'knowledge', 'later', 'rolldown'])
})

test('an OpenID Connect ID token brings its summary facts, and a JWE its decoding note', async ({ page }) => {
  await page.goto(`/#token=${fixtureToken('oidc-core-a2-id-token')}`)
  await expect(page.locator('[data-testid=summary-fact][data-fact=who]')).toContainText('sub')
  expect(await chunksFetched(page)).toContain('jwt')
  await paste(page, fixtureToken('rfc7516-a1-jwe'))
  await expect(page.locator('[data-testid=diagnostic][data-code=JWE_ENCRYPTED]')).toBeAttached()
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText('Encrypted.')
  expect(await chunksFetched(page)).toContain('shapes')
})

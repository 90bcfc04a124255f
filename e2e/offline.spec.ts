import { expect, fixtureToken, paste, test } from './fixtures.ts'
import { UPDATE_PORT } from './ports.ts'
import { requireBuild, serveStatic } from './servers.ts'

test('after one visit the app loads, decodes and shares with the network off', async ({ page, context, guards }) => {
  await page.goto('./')
  // The service worker precaches the app on the first visit and then takes control of the page.
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated')
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
  await context.setOffline(true)
  await page.reload()
  await expect(page.getByRole('heading', { name: 'JWT Explorer' })).toBeVisible()
  expect(await page.evaluate(() => navigator.onLine)).toBe(false)
  await paste(page, fixtureToken('seed-bound-pod-v1.24'))
  await expect(page.locator('[data-testid=claim][data-path="/kubernetes.io/pod/name"]')).toContainText('busybox')
  // The lazily loaded share panel comes from the cache too.
  await page.getByTestId('share-button').click()
  await expect(page.getByTestId('share-link')).toHaveValue(/#v1=z\./)
  expect(guards.requests.length).toBeGreaterThan(0)
  // The only thing stored is the app itself: the cache holds its own files, never a token.
  const cached = await page.evaluate(async () => {
    const urls: string[] = []
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(r.url)
    return urls
  })
  expect(cached.length).toBeGreaterThan(5)
  for (const url of cached)
    expect(new URL(url).pathname).toMatch(
      /\/(index\.html|registerSW\.js|manifest\.webmanifest|favicon\.svg|assets\/[\w.-]+\.(js|css))$/,
    )
})

test('the web app manifest is linked and served', async ({ page, request }) => {
  await page.goto('./')
  const href = await page.locator('link[rel=manifest]').getAttribute('href')
  const manifest = await (await request.get(new URL(href as string, page.url()).href)).json()
  expect(manifest).toMatchObject({ name: 'JWT Explorer', start_url: './', display: 'standalone' })
  // Registration is an external script: the CSP needs no inline script for it.
  await expect(page.locator('script[src$="registerSW.js"]')).toHaveCount(1)
})

test('a new version is picked up on the next visit, with a small notice to reload', async ({ page, guards }) => {
  let version = 1
  // A changed sw.js is what a new deployment looks like to the browser.
  const server = await serveStatic(requireBuild('dist', 'npx vite build'), '/app/', UPDATE_PORT, (file, body) =>
    file.endsWith('sw.js') ? Buffer.concat([body, Buffer.from(`\n// deployment ${version}\n`)]) : body,
  )
  try {
    guards.allowedOrigins.push(server.origin)
    await page.goto(server.url)
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
    await expect(page.getByTestId('update-notice')).toHaveCount(0)
    version = 2
    await page.reload()
    await expect(page.getByTestId('update-notice')).toBeVisible({ timeout: 15_000 })
    await expect(page.getByTestId('update-notice')).toContainText('updated')
    await page.getByRole('button', { name: 'Reload to use the new version' }).click()
    await expect(page.getByRole('heading', { name: 'JWT Explorer' })).toBeVisible()
    await expect(page.getByTestId('update-notice')).toHaveCount(0)
  } finally {
    await server.close()
  }
})

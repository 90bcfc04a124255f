import { pathToFileURL } from 'node:url'
import { expect, fixtureToken, paste, test } from './fixtures.ts'
import { SUBPATH_PORT } from './ports.ts'
import { requireBuild, serveStatic } from './servers.ts'

// Extra servers use their own ports, next to the preview server's (see README, "Hosting").
const seed = fixtureToken('seed-bound-pod-v1.24')

test('the single-file build works opened from file://, under a hash-only CSP, and shares from there', async ({
  page,
  guards,
}) => {
  const file = pathToFileURL(`${requireBuild('dist-single', 'npm run build:single')}/index.html`).href
  guards.allowedOrigins.push(file)
  await page.goto(file)
  const csp = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content')
  expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/)
  expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/)
  expect(csp).not.toContain('unsafe-inline')
  await paste(page, seed)
  await expect(page.locator('[data-testid=claim][data-path="/kubernetes.io/pod/name"]')).toContainText('busybox')
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', /^(jwt|k8s-)/)
  // Styles applied: the inlined stylesheet was allowed by its hash.
  expect(await page.getByRole('main').evaluate((el) => getComputedStyle(el).display)).toBe('grid')
  await page.getByTestId('share-button').click()
  const link = await page.getByTestId('share-link').inputValue()
  expect(link.startsWith(`${file}#v1=`)).toBe(true)
  await page.goto(link)
  await expect(page.getByTestId('shared-banner')).toHaveAttribute('data-state', 'signature-removed')
  // Nothing but the file itself (and inline data: URLs) was ever requested.
  expect(guards.requests.filter((u) => !u.startsWith('data:') && u.split('#')[0] !== file)).toEqual([])
})

test('the production build works served under a sub-path (/tools/jwt/)', async ({ page, guards }) => {
  const server = await serveStatic(requireBuild('dist', 'npx vite build'), '/tools/jwt/', SUBPATH_PORT)
  try {
    guards.allowedOrigins.push(server.origin)
    await page.goto(server.url)
    await paste(page, seed)
    await expect(page.locator('[data-testid=claim][data-path="/kubernetes.io/pod/name"]')).toContainText('busybox')
    await page.getByTestId('share-button').click()
    const link = await page.getByTestId('share-link').inputValue()
    expect(link.startsWith(`${server.url}#v1=`)).toBe(true)
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)
    expect(scope).toBe(server.url)
    // Every file came from under the sub-path: nothing assumed the site root.
    expect(guards.requests.filter((u) => !u.startsWith(server.url))).toEqual([])
  } finally {
    await server.close()
  }
})

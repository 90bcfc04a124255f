import { expect, fixtureToken, paste, test } from './fixtures.ts'

test('the built page carries a CSP that forbids other origins and inline script', async ({ page, guards }) => {
  guards.expectedConsoleErrors.push(/Content Security Policy/)
  await page.goto('./')
  const csp = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content')
  expect(csp).toContain("script-src 'self'")
  expect(csp).toContain("connect-src 'self'")
  expect(csp).toContain("object-src 'none'")
  expect(csp).toContain("base-uri 'none'")
  expect(csp).not.toContain('unsafe-inline')
  // The policy is enforced, not just present: an injected inline script is blocked.
  const blocked = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true })
        const s = document.createElement('script')
        s.textContent = 'window.__inline = 1'
        document.body.append(s)
        setTimeout(() => resolve('not blocked'), 2000)
      }),
  )
  expect(blocked).toBe('script-src-elem')
  // And a request to another origin is refused by connect-src.
  const fetched = await page.evaluate(() =>
    fetch('https://example.com/').then(
      () => 'sent',
      () => 'refused',
    ),
  )
  expect(fetched).toBe('refused')
})

test('decoding every example requests nothing beyond the page files and stores nothing', async ({
  page,
  guards,
  baseURL,
}) => {
  await page.goto('./')
  for (const name of ['seed-bound-pod-v1.24', 'seed-legacy-v1.20', 'oidc-core-a2-id-token', 'rfc7516-a1-jwe']) {
    await paste(page, fixtureToken(name))
    await expect(page.getByTestId('token-kind')).toBeVisible()
  }
  await page.waitForLoadState('networkidle')
  const origin = new URL(baseURL as string).origin
  expect(guards.requests.length).toBeGreaterThan(0)
  for (const url of guards.requests) expect(new URL(url).origin).toBe(origin)
  const stored = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookies: document.cookie,
    idb: (await indexedDB.databases()).length,
  }))
  expect(stored).toEqual({ local: 0, session: 0, cookies: '', idb: 0 })
})

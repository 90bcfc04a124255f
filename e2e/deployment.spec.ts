import { expect, fixtureToken, paste, test } from './fixtures.ts'

// A tab left open across a deployment still runs the old code, and asks for lazily loaded chunks
// by the old names: the server no longer has them. The page must say so and offer a reload, and
// keep everything it already has. (With a service worker the page would be served from its cache;
// this is the host without one, or the moment the new worker has cleaned the old cache.)
test.use({ serviceWorkers: 'block' })

const GONE = /\/assets\/(later|knowledge)-[^/]*\.js$/

test('chunks a new deployment removed: each part says so and offers a reload; the claims stay', async ({
  page,
  guards,
}) => {
  guards.expectedConsoleErrors.push(/Failed to load resource: the server responded with a status of 404/)
  await page.route(GONE, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'gone' }))
  await page.goto('./')
  await paste(page, fixtureToken('seed-bound-pod-v1.24'))
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'k8s-bound-pod')
  await expect(page.locator('[data-testid=claim][data-path="/kubernetes.io/pod/name"]')).toContainText('busybox')
  // The knowledge base: not a silent loss of the header and claim checks.
  const checks = page.locator(
    '[data-testid=load-failed][data-what="the claim explanations and the header and claim checks"]',
  )
  await expect(checks).toContainText("Couldn't load the claim explanations and the header and claim checks")
  await expect(checks).toContainText('without the header and claim checks')
  // Verification: its place says so, the decoded claims stay.
  await expect(page.locator('[data-testid=load-failed][data-what="signature verification"]')).toBeVisible()
  await expect(page.locator('[data-testid=load-failed][data-what="the validity and timeline"]')).toBeVisible()
  await expect(page.getByTestId('claim')).not.toHaveCount(0)
  await expect(page.locator('[data-code=INTERNAL_ERROR]')).toHaveCount(0)
  // The update notice explains it.
  const notice = page.getByTestId('update-notice')
  await expect(notice).toHaveAttribute('data-reason', 'load-failed')
  await expect(notice).toContainText('a new version was deployed since this tab was opened')
  // Once reloaded on the new deployment, everything is there again.
  await page.unroute(GONE)
  await checks.getByRole('button', { name: 'Reload the page' }).click()
  await expect(page.getByTestId('token-input')).toHaveValue('')
  await paste(page, fixtureToken('seed-bound-pod-v1.24'))
  await expect(page.getByTestId('claim-meaning').first()).toBeAttached()
  await expect(page.getByTestId('key-input')).toBeVisible()
  await expect(page.getByTestId('load-failed')).toHaveCount(0)
  await expect(page.getByTestId('update-notice')).toHaveCount(0)
})

test('the verification code gone: pasting a key says so, and the token stays decoded', async ({ page, guards }) => {
  guards.expectedConsoleErrors.push(/Failed to load resource: the server responded with a status of 404/)
  await page.route(/\/assets\/verify-[^/]*\.js$/, (route) => route.fulfill({ status: 404, body: 'gone' }))
  await page.goto('./')
  await paste(page, fixtureToken('seed-bound-pod-v1.24'))
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'unverified')
  await page.getByTestId('key-input').fill('{"keys":[]}')
  await expect(page.locator('[data-testid=load-failed][data-what="signature verification"]')).toBeVisible()
  await expect(page.getByTestId('update-notice')).toHaveAttribute('data-reason', 'load-failed')
  await expect(page.locator('[data-testid=claim][data-path="/sub"]')).toContainText('system:serviceaccount:')
})

test('a paste whose extractor chunk is gone says so, with a reload, and asks for the token itself', async ({
  page,
  guards,
}) => {
  guards.expectedConsoleErrors.push(/Failed to load resource: the server responded with a status of 404/)
  await page.route(/\/assets\/extractor-[^/]*\.js$/, (route) => route.fulfill({ status: 404, body: 'gone' }))
  await page.goto('./')
  await paste(page, JSON.stringify({ access_token: fixtureToken('seed-bound-pod-v1.24') }))
  const failed = page.getByTestId('load-failed')
  await expect(failed).toContainText("Couldn't load the code that finds a token in this kind of paste")
  await expect(failed).toContainText('paste the token itself')
  await expect(failed.getByRole('button', { name: 'Reload the page' })).toBeVisible()
})

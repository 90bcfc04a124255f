import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, fixtureToken, paste, test } from './fixtures.ts'

const seed = fixtureToken('seed-bound-pod-v1.24')
const [, , signature] = seed.split('.') as [string, string, string]
const NOW = new Date('2022-08-19T12:00:00Z')

/** What the decoded view shows, in a form two pages can be compared by. */
async function snapshot(page: Page) {
  await expect(page.getByTestId('token-kind')).toBeVisible()
  // The explanations and the date conversions fill in just after the first decoded view:
  // compare views once they are complete.
  await expect(page.locator('[data-testid=claim] [data-testid=claim-meaning]').first()).toBeAttached()
  if ((await page.locator('[data-testid=claim][data-path="/exp"]').count()) > 0)
    await expect(page.locator('[data-testid=claim] time').first()).toBeVisible()
  return {
    kind: await page.getByTestId('token-kind').getAttribute('data-kind'),
    claims: await page
      .locator('[data-testid=claim]')
      .evaluateAll((rows) =>
        rows.map(
          (r) =>
            `${r.getAttribute('data-path') ?? `header:${r.getAttribute('data-header-path')}`} = ${(r as HTMLElement).innerText.replace(/\s+/g, ' ')}`,
        ),
      ),
    times: await page
      .locator('[data-testid=claim] time')
      .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime'))),
    // The Kubernetes panel loads lazily; the seed token is pod-bound, so it must appear.
    identity: await page.getByTestId('identity').getAttribute('data-username'),
    groups: await page.getByTestId('group').allInnerTexts(),
    provider: await page.getByTestId('provider').getAttribute('data-provider'),
  }
}

/** The guards only watch the test's own page; a page in a second context gets the same checks here. */
function guard(page: Page, origin: string) {
  const foreign: string[] = []
  const errors: string[] = []
  page.on('request', (r) => {
    if (!/^(data|blob):/.test(r.url()) && new URL(r.url()).origin !== origin) foreign.push(r.url())
  })
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  page.on('pageerror', (e) => errors.push(e.message))
  return () => {
    expect(foreign, 'requests that left the origin').toEqual([])
    expect(errors, 'console errors').toEqual([])
  }
}

async function makeLink(page: Page) {
  await page.getByTestId('share-button').click()
  const link = page.getByTestId('share-link')
  await expect(link).toHaveValue(/#v1=/)
  return link.inputValue()
}

test('a shared link opens the same view in a fresh browser, without the signature', async ({
  page,
  browser,
  baseURL,
}) => {
  await page.clock.setFixedTime(NOW)
  await page.goto('./')
  await paste(page, seed)
  const original = await snapshot(page)
  expect(original.claims.length).toBeGreaterThan(10)
  expect(original.identity).toBe('system:serviceaccount:default:default')
  expect(original.times).toEqual([
    '2023-08-19T11:49:01Z',
    '2022-08-19T11:49:01Z',
    '2022-08-19T12:49:08Z',
    '2022-08-19T11:49:01Z',
  ])
  const url = await makeLink(page)
  expect(url).not.toContain(signature)
  expect(url).not.toContain(seed.split('.')[1])
  expect(url.startsWith(new URL('./', baseURL).href)).toBe(true)
  // Typing and sharing never touched the address bar.
  expect(page.url()).not.toContain('#')

  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Paris' })
  const other = await context.newPage()
  const check = guard(other, new URL(baseURL as string).origin)
  await other.clock.setFixedTime(NOW)
  await other.goto(url)
  await expect(other.getByTestId('shared-banner')).toHaveAttribute('data-state', 'signature-removed')
  await expect(other.getByTestId('shared-banner')).toContainText('not a usable credential')
  const shared = await snapshot(other)
  expect(shared).toEqual(original)
  await expect(other.locator('[data-testid=diagnostic][data-code=SIGNATURE_REMOVED_FOR_SHARING]')).toBeVisible()
  await expect(other.locator('[data-testid=diagnostic][data-code=SIGNATURE_EMPTY]')).toHaveCount(0)
  await expect(other.getByTestId('token-input')).not.toHaveValue(new RegExp(signature.slice(0, 20)))
  check()
  await context.close()
})

test('redacted values are replaced in the link and named in the shared view', async ({ page }) => {
  await page.goto('./')
  await paste(page, seed)
  await page.getByTestId('share-button').click()
  await page.getByTestId('redact-uids').check()
  await page.getByTestId('redact-names').check()
  await page.getByRole('group', { name: 'Redact before sharing' }).locator('summary').click()
  await page.locator('[data-testid=redact-claim][data-path="/nbf"]').check()
  const link = page.getByTestId('share-link')
  await expect(link.locator('xpath=..').locator('..')).toContainText('6 values redacted')
  const url = await link.inputValue()
  await page.goto(url)
  await expect(page.getByTestId('redaction')).toHaveCount(6)
  await expect(page.locator('[data-testid=redaction][data-path="/kubernetes.io/pod/uid"]')).toHaveAttribute(
    'data-category',
    'uid',
  )
  await expect(page.locator('[data-testid=claim][data-path="/kubernetes.io/pod/uid"]')).toContainText('[redacted uid]')
  await expect(
    page.locator('[data-testid=claim][data-path="/kubernetes.io/pod/uid"] [data-code=SHARED_VALUE_REDACTED]'),
  ).toBeAttached()
  await expect(page.locator('[data-testid=claim][data-path="/sub"]')).toContainText(
    'system:serviceaccount:default:[redacted name]',
  )
  await expect(page.locator('[data-testid=claim][data-path="/nbf"]')).toContainText('[redacted]')
  // What was not chosen is untouched.
  await expect(page.locator('[data-testid=claim][data-path="/kubernetes.io/namespace"]')).toContainText('default')
  await expect(page.locator('[data-testid=claim][data-path="/iat"]')).toContainText('1660909741')
  await expect(page.locator('body')).not.toContainText('d822ba5f-4290-4bca-94ce-f3bc0dca2e36')
})

test('the full token goes into the link only when switched on, with a warning', async ({ page }) => {
  await page.goto('./')
  await paste(page, seed)
  expect(await makeLink(page)).not.toContain(signature)
  await page.getByTestId('share-include-token').check()
  await expect(page.getByRole('alert')).toContainText('working credential')
  await expect(page.getByTestId('redact-uids')).toBeDisabled()
  await expect(page.getByTestId('share-link')).toHaveAttribute('data-includes-token', 'true')
  const url = await page.getByTestId('share-link').inputValue()
  await page.goto(url)
  await expect(page.getByTestId('shared-banner')).toHaveAttribute('data-state', 'full-token')
  await expect(page.getByTestId('token-input')).toHaveValue(seed)
  await page.getByTestId('remove-token-from-url').click()
  await expect(page.getByTestId('address-cleared')).toBeVisible()
  expect(page.url()).not.toContain('#')
})

test('a jwt.io-style #token= link is decoded, and the token can be removed from the address', async ({ page }) => {
  await page.goto(`./#token=${seed}`)
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', /^(jwt|k8s-)/)
  await expect(page.locator('[data-testid=claim][data-path="/kubernetes.io/pod/name"]')).toContainText('busybox')
  await expect(page.getByTestId('shared-banner')).toHaveAttribute('data-state', 'token')
  const before = await page.evaluate(() => history.length)
  // Editing the input does not take the token out of the address, so the offer stays.
  await paste(page, fixtureToken('rfc7515-a1-hs256'))
  await expect(page.locator('[data-testid=claim][data-path="/iss"]')).toContainText('joe')
  await page.getByTestId('remove-token-from-url').click()
  expect(page.url()).not.toContain(signature)
  // replaceState rewrites the entry instead of adding one, so Back does not lead to the token.
  expect(await page.evaluate(() => history.length)).toBe(before)
  // The page itself is left as it was.
  await expect(page.locator('[data-testid=claim][data-path="/iss"]')).toContainText('joe')
})

test('#id_token= and #access_token= work too, and a damaged link explains itself', async ({ page }) => {
  const idToken = fixtureToken('oidc-core-a2-id-token')
  await page.goto(`./#state=x&id_token=${idToken}`)
  await expect(page.getByTestId('token-input')).toHaveValue(idToken)
  await page.goto(`./#access_token=${seed}&token_type=Bearer`)
  await expect(page.getByTestId('token-input')).toHaveValue(seed)
  await page.goto('./#v1=z.lVHbSsNAFPwVmecl6SVt7D6KVQpaixeEZotsdrc2bZ')
  await expect(page.getByTestId('shared-banner')).toHaveAttribute('data-state', 'error')
  await expect(page.locator('[data-testid=diagnostic][data-code=PERMALINK_TRUNCATED]')).toContainText('cut off')
})

/** Checks only the part this feature adds (the rest of the page is a11y.spec.ts's job), which keeps axe fast. */
async function expectNoViolations(page: Page, selector: string) {
  const result = await new AxeBuilder({ page })
    .include(selector)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

for (const scheme of ['light', 'dark'] as const) {
  test(`share panel and opened-link banners pass axe (${scheme} theme), keyboard only`, async ({ page }) => {
    // Five axe runs: on a busy machine this outgrows the default timeout.
    test.slow()
    await page.emulateMedia({ colorScheme: scheme })
    await page.goto('./')
    await paste(page, seed)
    await page.getByTestId('share-button').focus()
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('share-link')).toHaveValue(/#v1=/)
    await page.keyboard.press('Tab')
    await expect(page.getByTestId('share-include-token')).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(page.getByTestId('redact-uids')).toBeFocused()
    await page.keyboard.press('Space')
    await expect(page.getByTestId('redact-uids')).toBeChecked()
    await page.getByRole('group', { name: 'Redact before sharing' }).locator('summary').click()
    const url = await page.getByTestId('share-link').inputValue()
    await page.getByTestId('share-include-token').check()
    await expectNoViolations(page, 'div:has(> [data-testid=share-button])')
    await page.goto(url)
    await expect(page.getByTestId('redaction')).toHaveCount(2)
    await expectNoViolations(page, '[data-testid=shared-banner]')
    await expectNoViolations(page, '[data-testid=claim][data-path="/kubernetes.io/pod/uid"]')
    await page.goto(`./#token=${seed}`)
    await expect(page.getByTestId('shared-banner')).toHaveAttribute('data-state', 'token')
    await expectNoViolations(page, '[data-testid=shared-banner]')
    await page.goto('./#v2=z.abc')
    await expect(page.getByTestId('shared-banner')).toHaveAttribute('data-state', 'error')
    await expectNoViolations(page, '[data-testid=shared-banner]')
  })
}

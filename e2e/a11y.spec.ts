import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { expect, fixtureToken, paste, test } from './fixtures.ts'

async function expectNoViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme })

    test('empty, decoded and error states pass axe', async ({ page }) => {
      await page.goto('./')
      await expectNoViolations(page)
      await paste(page, fixtureToken('seed-bound-pod-v1.24'))
      await expect(page.getByTestId('token-kind')).toBeVisible()
      await expectNoViolations(page)
      // Unfolded: every row expanded, the coloured token open, and the header shown as JSON.
      await expect(page.getByRole('button', { name: /^Expand all/ })).toHaveCount(2)
      for (const expand of await page.getByRole('button', { name: /^Expand all/ }).all()) await expand.click()
      await page.getByText('Coloured by part').click()
      await page.getByRole('tab', { name: 'JSON' }).first().click()
      await expect(page.getByTestId('json-source').first()).toContainText('"alg"')
      await expectNoViolations(page)
      await paste(page, 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIi!.abc')
      await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'invalid')
      await expectNoViolations(page)
    })

    test('the compare view passes axe: empty, compared (same rows open) and with an unreadable side', async ({
      page,
    }) => {
      await page.goto('./#compare')
      await expect(page.getByTestId('compare-left')).toBeVisible()
      await expectNoViolations(page)
      await page.getByTestId('compare-left').fill(fixtureToken('seed-legacy-v1.20'))
      await page.getByTestId('compare-right').fill(fixtureToken('seed-bound-pod-v1.24'))
      await expect(page.locator('[data-testid=compare-note][data-note=kind-changed]')).toBeVisible()
      await page.getByTestId('compare-same').locator('summary').click()
      await expectNoViolations(page)
      await page.getByTestId('compare-right').fill('not a token')
      await expect(page.locator('[data-testid=compare-side][data-side=right]')).toHaveAttribute('data-kind', 'invalid')
      await expectNoViolations(page)
    })

    test('the compose view passes axe: a template, a signed token, broken JSON and alg none', async ({ page }) => {
      await page.goto('./#compose')
      await expect(page.getByTestId('compose-payload')).toBeVisible()
      await expectNoViolations(page)
      await page.getByTestId('compose-alg').selectOption('ES256')
      await page.getByTestId('compose-generate-key').click()
      await page.getByRole('button', { name: 'Sign', exact: true }).click()
      await expect(page.getByTestId('compose-token')).toHaveAttribute('data-state', 'signed')
      await page.getByTestId('compose-payload').fill('{"sub": ')
      await expect(page.getByTestId('compose-token')).toHaveAttribute('data-state', 'stale')
      await expectNoViolations(page)
      await page.getByTestId('compose-alg').selectOption('HS256')
      await page.getByTestId('compose-key').fill('short')
      await expect(page.getByTestId('compose-key-status')).toHaveAttribute('data-state', 'ready')
      await expectNoViolations(page)
      await page.getByTestId('compose-alg').selectOption('none')
      await expect(page.getByTestId('compose-alg-none')).toBeVisible()
      await expectNoViolations(page)
    })
  })
}

test('the theme toggle switches themes and the page still passes axe', async ({ page }) => {
  await page.goto('./')
  await paste(page, fixtureToken('oidc-core-a2-id-token'))
  const toggle = page.getByRole('button', { name: /Theme:/ })
  await toggle.click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await toggle.click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expectNoViolations(page)
})

test('the page works with the keyboard alone', async ({ page }) => {
  await page.goto('./')
  // The tabs arrive after the first view (here: once the empty page has gone idle).
  await expect(page.getByRole('tab', { name: 'Decode' })).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: /Theme:/ })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('tab', { name: 'Decode' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('token-input')).toBeFocused()
  await page.keyboard.insertText(fixtureToken('rfc7515-a3-es256'))
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'jwt')
  // Tab on to the examples menu and pick the first example (the seed pod-bound token) with the arrow keys.
  const menu = page.getByTestId('example-menu')
  for (let i = 0; i < 8 && !(await menu.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab')
  await expect(menu).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'k8s-bound-pod')
  await expect(page.getByTestId('token-input')).toHaveValue(fixtureToken('seed-bound-pod-v1.24'))
})

test('the views are tabs for the keyboard: arrows move between them, and the compare view is usable', async ({
  page,
}) => {
  await page.goto('./')
  const tab = (name: string) => page.getByRole('tab', { name })
  await expect(tab('Decode')).toBeVisible()
  await tab('Decode').focus()
  await page.keyboard.press('ArrowRight')
  await expect(tab('Compare')).toBeFocused()
  await expect(tab('Compare')).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('End')
  await expect(tab('Compose')).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(tab('Decode')).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await expect(tab('Compose')).toBeFocused()
  await page.keyboard.press('Home')
  await page.keyboard.press('ArrowRight')
  await expect(tab('Compare')).toHaveAttribute('aria-selected', 'true')
  // Only the open tab is in the tab order: Tab goes on into its panel (once its code has arrived).
  await expect(page.getByTestId('compare-left')).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('compare-left')).toBeFocused()
  await page.keyboard.insertText(fixtureToken('seed-legacy-v1.20'))
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('compare-right')).toBeFocused()
  await page.keyboard.insertText(fixtureToken('seed-bound-pod-v1.24'))
  await expect(page.locator('[data-testid=compare-note][data-note=kind-changed]')).toBeVisible()
  // The folded same rows open with the keyboard (past the notes' links to their rows).
  const summary = page.getByTestId('compare-same').locator('summary')
  for (let i = 0; i < 30 && !(await summary.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab')
  await expect(summary).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.locator('[data-testid=compare-row][data-path="/sub"]')).toBeVisible()
})

test('the compose view works with the keyboard: pick an algorithm, make a key, sign, decode and verify', async ({
  page,
}) => {
  await page.goto('./#compose')
  const focusOn = async (target: Locator) => {
    for (let i = 0; i < 40 && !(await target.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab')
    await expect(target).toBeFocused()
  }
  await expect(page.getByTestId('compose-alg')).toBeVisible()
  await page.getByRole('tab', { name: 'Compose' }).focus()
  await focusOn(page.getByTestId('compose-alg'))
  // RS256 is first: two steps down is ES256.
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(page.getByTestId('compose-alg')).toHaveValue('ES256')
  await focusOn(page.getByTestId('compose-generate-key'))
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('compose-key-status')).toHaveAttribute('data-state', 'ready')
  await focusOn(page.getByRole('button', { name: 'Sign', exact: true }))
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('compose-token')).toHaveAttribute('data-state', 'signed')
  await focusOn(page.getByRole('button', { name: 'Decode and verify' }))
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified')
})

import type { Page } from '@playwright/test'
import { expect, fixtureToken, paste, test } from './fixtures.ts'

const SEED = 'seed-bound-pod-v1.24'
const b64u = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
const unsigned = (claims: Record<string, unknown>) => `${b64u({ alg: 'none', typ: 'JWT' })}.${b64u(claims)}.`
const row = (page: Page, pointer: string) => page.locator(`[data-testid=claim][data-path="${pointer}"]`)

test('a compact row folds its explanation, which stays in the row and in the DOM', async ({ page }) => {
  await page.goto('./')
  await paste(page, fixtureToken(SEED))
  const iss = row(page, '/iss')
  // The one-line title, once the knowledge base is there; the meaning and its spec link are folded.
  await expect(iss).toContainText('Issuer')
  const meaning = iss.getByTestId('claim-meaning').first()
  await expect(meaning).toBeAttached()
  await expect(meaning).toBeHidden()
  await expect(meaning.getByTestId('claim-spec')).toHaveAttribute('href', /^https:\/\//)
  await expect(iss.getByTestId('claim-value')).toBeVisible()
  // The disclosure works with the keyboard.
  const disclosure = iss.locator('summary')
  await disclosure.focus()
  await page.keyboard.press('Enter')
  await expect(meaning).toBeVisible()
  await page.keyboard.press('Space')
  await expect(meaning).toBeHidden()
  // The date rows show the readable date beside the number, with the time element.
  await expect(row(page, '/exp').locator('time')).toBeVisible()
  await expect(row(page, '/exp').locator('time')).toHaveAttribute('datetime', '2023-08-19T11:49:01Z')
})

test('expand all and collapse all open and close every row of a part, and hold for the next token', async ({
  page,
}) => {
  await page.goto('./')
  await paste(page, fixtureToken(SEED))
  const payload = page.getByRole('region', { name: 'Payload (claims)' })
  const meanings = payload.getByTestId('claim-meaning')
  await expect(meanings.first()).toBeAttached()
  await payload.getByRole('button', { name: 'Expand all payload rows' }).click()
  for (const m of await meanings.all()) await expect(m).toBeVisible()
  // The header keeps its own state.
  await expect(page.locator('[data-header-path="/alg"]').getByTestId('claim-meaning').first()).toBeHidden()
  await paste(page, fixtureToken('seed-legacy-v1.20'))
  await expect(row(page, '/iss').getByTestId('claim-meaning').first()).toBeVisible()
  await payload.getByRole('button', { name: 'Collapse all payload rows' }).click()
  for (const m of await meanings.all()) await expect(m).toBeHidden()
})

test('a row with an error or a warning is open, with a state icon in its compact line', async ({ page }) => {
  await page.goto('./')
  await paste(page, unsigned({ sub: 'a', iat: 1764331200, exp: (1764331200 + 7200) * 1000, nbf: '1764331200' }))
  const nbf = row(page, '/nbf')
  await expect(nbf.getByTestId('diagnostic')).toHaveAttribute('data-code', 'TIME_NOT_A_NUMBER')
  await expect(nbf.getByTestId('diagnostic')).toBeVisible()
  await expect(nbf.getByRole('img', { name: 'error' })).toBeVisible()
  await expect(row(page, '/exp').getByTestId('diagnostic')).toBeVisible()
  // Folding it keeps the diagnostic in the DOM.
  await nbf.locator('summary').click()
  await expect(nbf.getByTestId('diagnostic')).toBeHidden()
  await expect(nbf.getByTestId('diagnostic')).toHaveAttribute('data-severity', 'error')
})

test('the Claims | JSON tabs switch with the keyboard, and both panels stay in the page', async ({ page }) => {
  await page.goto('./')
  await paste(page, fixtureToken(SEED))
  const payload = page.getByRole('region', { name: 'Payload (claims)' })
  const claims = payload.getByRole('tab', { name: 'Claims' })
  const json = payload.getByRole('tab', { name: 'JSON' })
  await expect(claims).toHaveAttribute('aria-selected', 'true')
  await claims.focus()
  await page.keyboard.press('ArrowRight')
  await expect(json).toBeFocused()
  await expect(json).toHaveAttribute('aria-selected', 'true')
  const source = payload.getByTestId('json-source')
  await expect(source).toBeVisible()
  // Member names in the payload's colour, the colour of the coloured token's payload part.
  const name = source.getByText('"aud"')
  const payloadColour = await page
    .getByTestId('colored-token')
    .locator('[title=payload]')
    .evaluate((e) => getComputedStyle(e).color)
  await expect(name).toHaveCSS('color', payloadColour)
  // The rows are hidden, not gone: their hooks are still there.
  await expect(row(page, '/iss')).toBeHidden()
  await expect(row(page, '/iss')).toBeAttached()
  await page.keyboard.press('Home')
  await expect(claims).toBeFocused()
  await expect(row(page, '/iss')).toBeVisible()
  await page.keyboard.press('End')
  await expect(json).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('ArrowLeft')
  await expect(claims).toHaveAttribute('aria-selected', 'true')
  await expect(source).toBeHidden()
})

test('the coloured token is folded, and opens by itself when characters are marked', async ({ page }) => {
  await page.goto('./')
  await paste(page, fixtureToken(SEED))
  const colored = page.getByTestId('colored-token')
  await expect(colored).toBeAttached()
  await expect(colored).toBeHidden()
  await paste(page, 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIi!.abc')
  await expect(colored.locator('mark').first()).toBeVisible()
})

test('/ focuses the claim filter, Esc clears it, and a paste outside any input lands in the token input', async ({
  page,
}) => {
  await page.goto('./')
  // On the empty page, a paste on the page itself decodes.
  await expect(page.getByTestId('example-menu')).toBeVisible()
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  const pasteOnPage = (text: string) =>
    page.evaluate((t) => {
      const data = new DataTransfer()
      data.setData('text/plain', t)
      document.activeElement?.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      )
    }, text)
  await pasteOnPage(fixtureToken(SEED))
  await expect(page.getByTestId('token-input')).toHaveValue(fixtureToken(SEED))
  await expect(page.getByTestId('token-input')).toBeFocused()
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'k8s-bound-pod')
  // Typing / in the token input is text, not the shortcut.
  const filter = page.getByTestId('claim-filter')
  await page.keyboard.press('End')
  await page.keyboard.press('/')
  await expect(filter).not.toBeFocused()
  await paste(page, fixtureToken(SEED))
  // Elsewhere on the page, / focuses the filter; Esc empties it.
  await page.getByRole('tab', { name: 'Claims' }).focus()
  await page.keyboard.press('/')
  await expect(filter).toBeFocused()
  await expect(filter).toHaveValue('')
  await page.keyboard.type('namespace')
  await expect(page.locator('[data-testid=claim][data-path]')).toHaveCount(1)
  await page.keyboard.press('Escape')
  await expect(filter).toHaveValue('')
  await expect(page.locator('[data-testid=claim][data-path]')).not.toHaveCount(1)
  // A paste into another input stays there.
  await filter.focus()
  await pasteOnPage('iss')
  await expect(page.getByTestId('token-input')).toHaveValue(fixtureToken(SEED))
  // From a focused button, the paste replaces the token.
  await page.getByRole('tab', { name: 'Claims' }).focus()
  await pasteOnPage(fixtureToken('seed-legacy-v1.20'))
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'k8s-legacy')
  // In another view, the hidden token input takes no paste.
  await page.getByRole('tab', { name: 'Compare' }).click()
  await page.getByRole('tab', { name: 'Compare' }).focus()
  await pasteOnPage(fixtureToken(SEED))
  await expect(page.getByTestId('token-input')).toHaveValue(fixtureToken('seed-legacy-v1.20'))
})

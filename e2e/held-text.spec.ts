import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

// A text of more than 256 KB is decoded but held beside the token box, not in it: Chromium would
// otherwise lay it out in one long frame (issue 12, src/ui/input/TokenInput.tsx).
const b64u = (s: string) => Buffer.from(s, 'utf8').toString('base64url')
const bigToken = (claims: number) =>
  `${b64u('{"alg":"RS256","typ":"JWT"}')}.${b64u(JSON.stringify({ sub: 'big', ...Object.fromEntries(Array.from({ length: claims }, (_, i) => [`claim${i}`, `value-${i}`])) }))}.${b64u('s'.repeat(256))}`
const BIG = bigToken(12_000)
const held = (page: Page) => page.locator('#held-text')

test('a large text filled into the box is decoded, and held beside the box until asked for', async ({ page }) => {
  expect(BIG.length).toBeGreaterThan(256 * 1024)
  await page.goto('./')
  const box = page.getByTestId('token-input')
  await box.fill(BIG)
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'jwt')
  await expect(page.locator('[data-testid=claim][data-path="/sub"]')).toContainText('big')
  await expect(held(page)).toContainText(`The ${BIG.length.toLocaleString('en')} characters are decoded below`)
  await expect(box).toHaveValue('')
  await expect(box).toHaveAttribute('aria-describedby', 'held-text')
  await expect(box).toBeVisible()

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(axe.violations.map((v) => v.id)).toEqual([])

  // By keyboard: the button shows the whole text in the box, where it can be edited.
  await held(page).getByRole('button', { name: 'Show them in the box' }).focus()
  await page.keyboard.press('Enter')
  await expect(box).toHaveValue(BIG)
  await expect(held(page)).toHaveCount(0)
})

test('pasting a large text takes it over before the box does, and typing replaces it', async ({ page }) => {
  await page.goto('./')
  const box = page.getByTestId('token-input')
  await box.fill('abc')
  await box.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(1, 2))
  // A clipboard paste as Chromium delivers it: a cancelable beforeinput carrying the text.
  const taken = await box.evaluate((el: HTMLTextAreaElement, text) => {
    const data = new DataTransfer()
    data.setData('text/plain', text)
    const e = new InputEvent('beforeinput', {
      inputType: 'insertFromPaste',
      dataTransfer: data,
      cancelable: true,
      bubbles: true,
    })
    el.dispatchEvent(e)
    return e.defaultPrevented
  }, BIG)
  expect(taken).toBe(true)
  // What the paste would have made, the selection replaced: "a" + the text + "c".
  await expect(held(page)).toContainText(`The ${(BIG.length + 2).toLocaleString('en')} characters`)
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'invalid')
  await expect(box).toHaveValue('')

  await box.pressSequentially('eyJ')
  await expect(held(page)).toHaveCount(0)
  await expect(box).toHaveValue('eyJ')
})

test('Backspace or Delete in the empty box clears the held text, as fill("") does', async ({ page }) => {
  await page.goto('./')
  const box = page.getByTestId('token-input')
  await box.fill(BIG)
  await expect(held(page)).toBeVisible()
  await box.press('Backspace')
  await expect(held(page)).toHaveCount(0)
  await expect(page.getByTestId('token-kind')).toHaveCount(0)

  await box.fill(BIG)
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'jwt')
  await box.fill('')
  await expect(page.getByTestId('token-kind')).toHaveCount(0)
  await expect(held(page)).toHaveCount(0)
})

test('a large token opened from a share link is held too, and Clear empties the page', async ({ page }) => {
  await page.goto('./')
  await page.getByTestId('token-input').fill(BIG)
  await page.getByTestId('share-button').click()
  const link = await page.getByTestId('share-link').inputValue()
  const other = await page.context().newPage()
  await other.goto(link)
  await expect(other.getByTestId('token-kind')).toHaveAttribute('data-kind', 'jwt')
  await expect(held(other)).toBeVisible()
  await expect(other.getByTestId('token-input')).toHaveValue('')
  await other.getByRole('button', { name: 'Clear', exact: true }).click()
  await expect(held(other)).toHaveCount(0)
  await expect(other.getByTestId('token-kind')).toHaveCount(0)
})

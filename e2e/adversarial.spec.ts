import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { adversarialCorpus } from '../src/test/adversarial.mjs'

/**
 * Pastes the text in one input event, as a clipboard paste arrives. (fill() types multi-line text
 * line by line, and execCommand('insertText') takes minutes over 25,000 lines: both are the
 * browser's editing code, not the page's.)
 */
async function pasteText(page: Page, text: string) {
  await page.getByTestId('token-input').evaluate((box: HTMLTextAreaElement, t) => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(box, t)
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }))
  }, text)
}

test('the page survives every input of the adversarial corpus', async ({ page }) => {
  test.setTimeout(300_000)
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto('./')
  const input = page.getByTestId('token-input')
  for (const item of adversarialCorpus()) {
    const before = errors.length
    if (item.delivery === 'paste') {
      await pasteText(page, item.text)
      // Every paste shows what it is, or why it cannot be read.
      await expect(page.getByTestId('token-kind'), item.name).toBeVisible({ timeout: 20_000 })
    } else {
      // Same page, new fragment: the page opens it as it does on hashchange.
      await page.evaluate((hash) => {
        window.location.hash = hash
      }, item.text)
      await expect(
        page.getByTestId('token-kind').or(page.locator('[data-testid=shared-banner][data-state=error]')).first(),
        item.name,
      ).toBeVisible({ timeout: 20_000 })
    }
    expect(errors.slice(before), `page errors after ${item.name}`).toEqual([])
    expect(await page.locator('#root > *').count(), `blank root after ${item.name}`).toBeGreaterThan(0)
    await expect(page.locator('[data-code=INTERNAL_ERROR]'), item.name).toHaveCount(0)
    await expect(input, item.name).toBeVisible()
    await input.fill('')
  }
})

test('a table of 50,000 claims shows its first 100, grows by keyboard, and keeps data-path on what it shows', async ({
  page,
}) => {
  const claims = adversarialCorpus().find((i) => i.name === 'claims-50k-paste')
  if (!claims) throw new Error('claims-50k-paste is missing from the corpus')
  await page.goto('./')
  await page.getByTestId('token-input').fill(claims.text)
  const rows = page.locator('[data-testid=claim][data-path]')
  // The top level shows its first 100 members, with a line standing for the other 49,904.
  await expect(rows).toHaveCount(100)
  await expect(rows.first()).toHaveAttribute('data-path', '/iss')
  const more = page.getByTestId('claim-more')
  await expect(more).toHaveAttribute('data-hidden-count', '49904')
  await expect(more).toContainText('Showing 100 of 50,004 claims.')
  await more.getByRole('button', { name: 'Show 200 more' }).focus()
  await page.keyboard.press('Enter')
  await expect(rows).toHaveCount(300)
  await expect(rows.last()).toHaveAttribute('data-path', `/c${(295).toString(36)}`)
  await expect(page.getByTestId('claim-more')).toHaveAttribute('data-hidden-count', '49704')
  // The filter searches every claim, shown or not.
  await page.getByTestId('claim-filter').fill('c12kv')
  await expect(rows).toHaveCount(1)
  await expect(rows).toHaveAttribute('data-path', '/c12kv')
})

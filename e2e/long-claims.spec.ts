import AxeBuilder from '@axe-core/playwright'
import { expect, paste, test } from './fixtures.ts'

// Long scalar arrays (thousands of groups) render their first hundred values and grow on request
// (src/ui/decoded/ScalarList.tsx).
const b64u = (s: string) => Buffer.from(s, 'utf8').toString('base64url')
const tokenWithGroups = (n: number, prefix: string) =>
  `${b64u('{"alg":"RS256","typ":"JWT"}')}.${b64u(JSON.stringify({ sub: 'u', groups: Array.from({ length: n }, (_, i) => `${prefix}-${i}`) }))}.${b64u('x'.repeat(256))}`

test('a claim with 5,000 groups shows a hundred, grows on request, and starts collapsed on the next paste', async ({
  page,
}) => {
  await page.goto('./')
  await paste(page, tokenWithGroups(5000, 'team'))
  const row = page.locator('[data-testid=claim][data-path="/groups"]')
  await expect(row).toBeVisible()
  await expect(row.locator('li')).toHaveCount(100)
  await expect(row.getByTestId('claim-array-more')).toHaveAttribute('data-hidden-count', '4900')
  await expect(row.getByTestId('claim-array-more')).toContainText('Showing 100 of 5,000 values.')

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(axe.violations.map((v) => v.id)).toEqual([])

  await row.getByRole('button', { name: 'Show 1,000 more' }).click()
  await expect(row.locator('li')).toHaveCount(1100)
  // Never all at once: each click adds at most a thousand.
  for (const shown of [2100, 3100, 4100]) {
    await row.getByRole('button', { name: 'Show 1,000 more' }).click()
    await expect(row.locator('li')).toHaveCount(shown)
  }
  await row.getByRole('button', { name: 'Show 900 more' }).press('Enter')
  await expect(row.locator('li')).toHaveCount(5000)
  await expect(row.getByTestId('claim-array-more')).toHaveCount(0)
  await expect(row.getByTestId('claim-array')).toBeFocused()
  await expect(row.locator('li').last()).toHaveText('team-4999')

  await paste(page, tokenWithGroups(3000, 'other'))
  await expect(row.locator('li').first()).toHaveText('other-0')
  await expect(row.locator('li')).toHaveCount(100)
})

test('a value of 40,000 characters lays out its first 4,096, keeps the rest in the DOM, and shows it whole on request', async ({
  page,
}) => {
  await page.goto('./')
  const note = `${'x'.repeat(40_000)}END`
  await paste(
    page,
    `${b64u('{"alg":"RS256","typ":"JWT"}')}.${b64u(JSON.stringify({ sub: 'u', note }))}.${b64u('x'.repeat(256))}`,
  )
  const row = page.locator('[data-testid=claim][data-path="/note"]')
  const more = row.getByRole('button', { name: '… show the other 35,907 characters' })
  await expect(more).toBeVisible()
  // Folded, not absent: the whole value is in the row.
  expect(await row.textContent()).toContain(note)
  await expect(row.getByText('END')).toBeHidden()

  await more.click()
  await expect(more).toHaveCount(0)
  const blocks = row.locator('.long-text-chunk')
  await expect(blocks).toHaveCount(3)
  await blocks.last().scrollIntoViewIfNeeded()
  await expect(blocks.last()).toBeVisible()
  await expect(blocks.last()).toHaveText(/x+END$/)
  expect(await row.textContent()).toContain(note)
})

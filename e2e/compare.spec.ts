import type { Page } from '@playwright/test'
import { expect, fixtureToken, pageTraces, paste, test } from './fixtures.ts'

const legacy = fixtureToken('seed-legacy-v1.20')
const bound = fixtureToken('seed-bound-pod-v1.24')

const b64u = (s: string) => Buffer.from(s, 'utf8').toString('base64url')
/** An unsigned-looking token with these claims (the compare view reads claims, it checks no signature). */
const token = (claims: object, header: object = { alg: 'RS256', kid: 'k1' }) =>
  `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(claims))}.c2ln`

async function compare(page: Page, left: string, right: string) {
  await page.getByTestId('compare-left').fill(left)
  await page.getByTestId('compare-right').fill(right)
}

const note = (page: Page, id: string) => page.locator(`[data-testid=compare-note][data-note="${id}"]`)
const row = (page: Page, path: string) => page.locator(`[data-testid=compare-row][data-path="${path}"]`)

test('#compare opens the compare view, under tabs named Decode, Compare and Compose', async ({ page }) => {
  await page.goto('./#compare')
  const tabs = page.getByRole('tablist').getByRole('tab')
  await expect(tabs).toHaveText(['Decode', 'Compare', 'Compose'])
  await expect(page.getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByTestId('compare-left')).toBeVisible()
  await expect(page.getByTestId('token-input')).toBeHidden()
  await page.getByRole('tab', { name: 'Decode' }).click()
  await expect(page.getByTestId('token-input')).toBeVisible()
  await expect(page.getByTestId('compare-left')).toBeHidden()
  await expect(page).toHaveURL(/\/$/)
})

test('a #token= link still opens the decode view at once', async ({ page }) => {
  await page.goto(`./#token=${bound}`)
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'k8s-bound-pod')
  await expect(page.getByRole('tab', { name: 'Decode' })).toHaveAttribute('aria-selected', 'true')
  // Opening another view leaves the token link as it was opened.
  await page.getByRole('tab', { name: 'Compare' }).click()
  await expect(page.getByTestId('compare-left')).toBeVisible()
  expect(new URL(page.url()).hash).toBe(`#token=${bound}`)
})

test('the legacy and the bound seed tokens: another kind, audience and lifetime, row by row', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2024-01-01T00:00:00Z'))
  await page.goto('./#compare')
  await compare(page, legacy, bound)
  for (const id of ['kind-changed', 'audience-changed', 'lifetime-changed', 'same-identity', 'binding-changed'])
    await expect(note(page, id)).toHaveCount(1)
  // One sentence each, after the note's title.
  for (const n of await page.getByTestId('compare-note-sentence').all()) {
    const sentence = (await n.textContent()) ?? ''
    expect(sentence.split(/(?<=[.!?])\s+(?=[A-Z])/)).toHaveLength(1)
  }
  await expect(note(page, 'kind-changed')).toContainText('legacy Secret-based')
  await expect(note(page, 'audience-changed')).toContainText('"https://kubernetes.default.svc.cluster.local"')
  await expect(page.locator('[data-testid=compare-row][data-header-path="/kid"]')).toHaveAttribute(
    'data-change',
    'changed',
  )
  await expect(row(page, '/aud')).toHaveAttribute('data-change', 'added')
  await expect(row(page, '/kubernetes.io~1serviceaccount~1secret.name')).toHaveAttribute('data-change', 'removed')
  await expect(row(page, '/kubernetes.io/pod/name')).toHaveAttribute('data-change', 'added')
  await expect(row(page, '/iss')).toHaveAttribute('data-change', 'changed')
  // A NumericDate is shown readable (a time element with the UTC instant) and raw.
  const exp = row(page, '/exp')
  await expect(exp.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
  const raw = JSON.parse(Buffer.from(bound.split('.')[1] as string, 'base64url').toString()).exp as number
  await expect(exp).toContainText(String(raw))
  // Same rows are folded, not absent: in a closed <details>, with their hooks.
  const sub = row(page, '/sub')
  await expect(sub).toHaveAttribute('data-change', 'same')
  await expect(sub).toBeHidden()
  await expect(page.locator('[data-testid=compare-same]:not([open])').locator('[data-path="/sub"]')).toHaveCount(1)
  await page.getByTestId('compare-same').locator('summary').click()
  await expect(sub).toBeVisible()
})

test("a note's member links to its row, opening the fold of same rows, by keyboard too", async ({ page }) => {
  await page.goto('./#compare')
  await compare(page, legacy, bound)
  const audLink = note(page, 'audience-changed').getByTestId('compare-note-target')
  await expect(audLink).toHaveText('/aud')
  await audLink.click()
  await expect(row(page, '/aud').locator('th')).toBeFocused()
  // /sub is the same on both sides: its row sits in the closed fold until the link opens it.
  await expect(row(page, '/sub')).toBeHidden()
  const subLink = note(page, 'same-identity').getByTestId('compare-note-target')
  await expect(subLink).toHaveText('/sub')
  await subLink.focus()
  await page.keyboard.press('Enter')
  await expect(row(page, '/sub')).toBeVisible()
  await expect(row(page, '/sub').locator('th')).toBeFocused()
  // The key note points at the header members that changed.
  await expect(note(page, 'key-changed').getByTestId('compare-note-target')).toContainText(['header /kid'])
})

test('groups and audiences are diffed as sets; a NumericDate that moves says by how much', async ({ page }) => {
  await page.goto('./#compare')
  const base = { sub: 'u', iat: 1_700_000_000, exp: 1_700_003_600 }
  await compare(
    page,
    token({ ...base, aud: ['a', 'b'], groups: ['dev', 'ops'] }),
    token({ ...base, aud: ['b', 'c'], groups: ['ops', 'dev'], exp: 1_700_007_200 }),
  )
  await expect(row(page, '/aud')).toHaveAttribute('data-change', 'changed')
  await expect(row(page, '/aud')).toContainText('gained "c"')
  await expect(row(page, '/aud')).toContainText('lost "a"')
  // The same members in another order: the same set.
  await expect(row(page, '/groups')).toHaveAttribute('data-change', 'same')
  await expect(row(page, '/exp')).toContainText('1 h later')
  await expect(note(page, 'audience-changed')).toContainText('"c"')
})

test('each side takes what the main input takes, and says what it could not read', async ({ page }) => {
  await page.goto('./#compare')
  await compare(page, `curl -H "Authorization: Bearer ${legacy}" https://10.0.0.1:6443/api`, 'not a token at all')
  await expect(page.locator('[data-testid=compare-side][data-side=left]')).toHaveAttribute('data-kind', 'k8s-legacy')
  await expect(page.locator('[data-testid=compare-side][data-side=right]')).toHaveAttribute('data-kind', 'invalid')
  await expect(page.locator('[data-testid=compare-diagnostic][data-code=COMPARE_SIDE_UNREADABLE]')).toHaveCount(1)
  await expect(page.locator('[data-testid=compare-diagnostic][data-code=NO_TOKEN_FOUND]')).toHaveCount(1)
})

test('"Compare with another token…" puts the decoded token on the left; nothing is stored or linked', async ({
  page,
}) => {
  await page.goto('./')
  await paste(page, `Authorization: Bearer ${bound}`)
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'k8s-bound-pod')
  await page.getByRole('button', { name: 'Compare with another token…' }).click()
  await expect(page.getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByTestId('compare-left')).toHaveValue(bound)
  await page.getByTestId('compare-right').fill(legacy)
  await expect(note(page, 'kind-changed')).toHaveCount(1)
  expect(new URL(page.url()).hash).toBe('#compare')
  const traces = await pageTraces(page)
  for (const t of [bound, legacy]) for (const part of t.split('.')) expect(traces).not.toContain(part)
  // Back in the decode view, its token is still there.
  await page.getByRole('tab', { name: 'Decode' }).click()
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'k8s-bound-pod')
})

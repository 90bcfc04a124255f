import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, fixtureToken, paste, test, unfold } from './fixtures.ts'

const SEED = 'seed-bound-pod-v1.24'
const IAT = 1660909741
const WARNAFTER = 1660913348
const EXP = 1692445741

const b64u = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
/** An unsigned token with the given claims, for the states the fixtures do not cover. */
const unsigned = (claims: Record<string, unknown>) => `${b64u({ alg: 'none', typ: 'JWT' })}.${b64u(claims)}.`

const row = (page: Page, pointer: string) => page.locator(`[data-testid=claim][data-path="${pointer}"]`)

async function open(page: Page, token: string, nowSeconds: number) {
  await page.clock.setFixedTime(nowSeconds * 1000)
  await page.goto('./')
  await paste(page, token)
}

test('the seed bound token is expired in 2026, with exp shown as its UTC instant', async ({ page }) => {
  await open(page, fixtureToken(SEED), Date.UTC(2026, 0, 15) / 1000)
  await expect(page.getByTestId('validity')).toHaveAttribute('data-state', 'expired')
  await expect(page.getByTestId('validity')).toContainText('Expired')
  await expect(row(page, '/exp').locator('time')).toHaveAttribute('datetime', '2023-08-19T11:49:01Z')
  await expect(row(page, '/iat').locator('time')).toHaveAttribute('datetime', '2022-08-19T11:49:01Z')
  await expect(row(page, '/kubernetes.io/warnafter').locator('time')).toHaveAttribute(
    'datetime',
    '2022-08-19T12:49:08Z',
  )
  await expect(row(page, '/exp')).toContainText('2 years ago')
  await expect(page.getByTestId('lifetime')).toHaveAttribute('data-seconds', '31536000')
  await expect(page.getByTestId('lifetime')).toContainText('1 year')
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-shape', 'window')
})

test('the seed bound token is valid between iat and warnafter', async ({ page }) => {
  await open(page, fixtureToken(SEED), IAT + 1800)
  await expect(page.getByTestId('validity')).toHaveAttribute('data-state', 'valid')
  await expect(page.getByTestId('validity')).toContainText('Valid now')
  // The picture is described in words for screen readers, broken axis included.
  await expect(page.locator('[data-testid=timeline] desc')).toContainText('axis is broken')
})

test('the seed bound token is stale between warnafter and exp', async ({ page }) => {
  await open(page, fixtureToken(SEED), WARNAFTER + 86400)
  await expect(page.getByTestId('validity')).toHaveAttribute('data-state', 'stale')
  await expect(page.getByTestId('validity')).toContainText('Stale')
  await page.clock.setFixedTime((EXP - 3600) * 1000)
  await expect(page.getByTestId('validity')).toHaveAttribute('data-state', 'stale')
  await page.clock.setFixedTime(EXP * 1000)
  await expect(page.getByTestId('validity')).toHaveAttribute('data-state', 'expired')
})

test('the legacy seed token has no expiry, and the timeline says so', async ({ page }) => {
  await open(page, fixtureToken('seed-legacy-v1.20'), Date.UTC(2026, 0, 15) / 1000)
  await expect(page.getByTestId('validity')).toHaveAttribute('data-state', 'no-expiry')
  await expect(page.getByTestId('validity')).toContainText('No expiry')
  await expect(page.getByTestId('lifetime')).toHaveCount(0)
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-shape', 'no-times')
  await expect(page.getByTestId('timeline')).toContainText('No iat, nbf or exp')
})

test('the zone selector changes the local form and never the UTC instant', async ({ page }) => {
  await open(page, fixtureToken(SEED), Date.UTC(2026, 0, 15) / 1000)
  const exp = row(page, '/exp')
  // Playwright runs the browser in Europe/Paris: summer time in August.
  await expect(exp.getByTestId('time-local')).toContainText('19 Aug 2023, 13:49:01 UTC+02:00')
  await unfold(page, 'Timeline, time zone')
  await page.getByTestId('time-zone').selectOption('America/New_York')
  await expect(exp.getByTestId('time-local')).toContainText('19 Aug 2023, 07:49:01 UTC-04:00')
  await expect(exp.getByTestId('time-local')).toContainText('America/New_York')
  await expect(exp.locator('time')).toHaveAttribute('datetime', '2023-08-19T11:49:01Z')
  await page.getByTestId('time-zone').selectOption('UTC')
  await expect(exp.getByTestId('time-local')).toContainText('19 Aug 2023, 11:49:01 UTC+00:00')
  await expect(exp.locator('time')).toHaveAttribute('datetime', '2023-08-19T11:49:01Z')
  await page.getByTestId('time-zone').selectOption('Asia/Kolkata')
  await expect(exp.getByTestId('time-local')).toContainText('19 Aug 2023, 17:19:01 UTC+05:30 (Asia/Kolkata')
  await expect(exp.locator('time')).toHaveAttribute('datetime', '2023-08-19T11:49:01Z')
})

test('the leeway setting turns a just-expired token valid again', async ({ page }) => {
  const now = 1764331200
  await open(page, unsigned({ sub: 'a', iat: now - 600, exp: now - 30 }), now)
  await expect(page.getByTestId('validity')).toHaveAttribute('data-state', 'expired')
  await unfold(page, 'Timeline, time zone')
  await page.getByTestId('leeway').fill('60')
  await expect(page.getByTestId('validity')).toHaveAttribute('data-state', 'valid')
  await expect(page.getByTestId('validity').locator('..')).toContainText('60 s of clock-skew leeway')
  await page.getByTestId('leeway').fill('0')
  await expect(page.getByTestId('validity')).toHaveAttribute('data-state', 'expired')
})

test('a not-yet-valid token says so', async ({ page }) => {
  const now = 1764331200
  await open(page, unsigned({ sub: 'a', iat: now, nbf: now + 600, exp: now + 4200 }), now)
  await expect(page.getByTestId('validity')).toHaveAttribute('data-state', 'not-yet-valid')
  await expect(page.getByTestId('lifetime')).toHaveAttribute('data-seconds', '4200')
})

test('relative phrases count down live, about once a second', async ({ page }) => {
  const now = 1764331200
  // Installed a minute early and paused at `now` once the time row is drawn (React needs running
  // timers to reveal lazily loaded parts), however slow the load was.
  await page.clock.install({ time: (now - 60) * 1000 })
  await page.goto('./')
  await paste(page, unsigned({ sub: 'a', iat: now, exp: now + 65 }))
  const relative = row(page, '/exp').getByTestId('time-relative')
  await expect(relative).toBeVisible()
  await page.clock.pauseAt(now * 1000)
  await expect(relative).toHaveText('in 1 minute')
  await page.clock.runFor(10_000)
  await expect(relative).toHaveText('in 55 seconds')
  await page.clock.runFor(56_000)
  await expect(page.getByTestId('validity')).toHaveAttribute('data-state', 'expired')
})

test('time diagnostics are shown on their claim rows', async ({ page }) => {
  const now = 1764331200
  await open(page, unsigned({ sub: 'a', iat: now + 3600, exp: (now + 7200) * 1000, nbf: '1764331200' }), now)
  await expect(row(page, '/exp').getByTestId('diagnostic')).toHaveAttribute('data-code', 'TIME_IN_MILLISECONDS')
  await expect(row(page, '/nbf').getByTestId('diagnostic')).toHaveAttribute('data-code', 'TIME_NOT_A_NUMBER')
  await expect(row(page, '/iat').getByTestId('diagnostic')).toHaveAttribute('data-code', 'TIME_IAT_IN_FUTURE')
  // A value that is not a date in range gets no time element.
  await expect(row(page, '/exp').locator('time')).toHaveCount(0)
  await expect(row(page, '/iat').locator('time')).toHaveCount(1)
})

const AXE_CASES = {
  'stale extended token': [fixtureToken(SEED), WARNAFTER + 86400],
  'expired token, now past a break': [fixtureToken(SEED), Date.UTC(2026, 0, 15) / 1000],
  'no times at all': [fixtureToken('seed-legacy-v1.20'), Date.UTC(2026, 0, 15) / 1000],
  'not yet valid': [unsigned({ sub: 'a', iat: 1764331200, nbf: 1764331800, exp: 1764335400 }), 1764331300],
} as const

for (const scheme of ['light', 'dark'] as const) {
  test(`the time panel and timeline pass axe in the ${scheme} theme`, async ({ page }) => {
    test.setTimeout(120_000)
    await page.emulateMedia({ colorScheme: scheme })
    for (const [token, now] of Object.values(AXE_CASES)) {
      await open(page, token, now)
      await unfold(page, 'Timeline, time zone')
      await expect(page.getByTestId('timeline')).toBeVisible()
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    }
  })
}

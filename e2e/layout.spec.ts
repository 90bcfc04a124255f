import type { Locator, Page } from '@playwright/test'
import { expect, fixtureToken, paste, test } from './fixtures.ts'

/**
 * The answer at a glance (issue 14): what a user came to learn is on the first screen, without
 * scrolling, and the page is short enough to read. The clock is pinned to 2026-12-01, when the
 * seed tokens are long expired.
 */
const NOW = new Date('2026-12-01T00:00:00Z')
const DESKTOP = { width: 1280, height: 800 }
const PHONE = { width: 390, height: 844 }

/** The key box is at hand: its top within this many pixels of the page's top (it was at 6,803). */
const KEY_INPUT_TOP = 1200
/** The whole page, with every section folded as it opens (it was 7,448 px, and 13,057 px on a phone). */
const DESKTOP_HEIGHT = 2400
const PHONE_HEIGHT = 5000

const pageHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight)
/** The first payload claim's row (header rows carry data-header-path instead). */
const firstClaim = (page: Page) => page.locator('[data-testid=claim][data-path]').first()

async function open(page: Page, viewport: { width: number; height: number }, token: string) {
  await page.setViewportSize(viewport)
  await page.clock.setFixedTime(NOW)
  await page.goto('./')
  await paste(page, fixtureToken(token))
  // Everything that follows the first view has arrived: the key box, the facts, the sections.
  await expect(page.getByTestId('key-input')).toBeVisible()
  await expect(page.locator('[data-testid=summary-fact][data-fact=top-risk]')).toBeVisible()
  await expect(page.getByRole('heading', { name: /^Time: / })).toBeVisible()
}

/**
 * Asserts that the element lies wholly on the first screen, with the page not scrolled. A fact
 * of the summary card is measured by its answer (the fact itself lays out its name and answer
 * in the card's grid, and has no box of its own).
 */
async function onFirstScreen(page: Page, element: Locator, height: number) {
  expect(await page.evaluate(() => window.scrollY)).toBe(0)
  const isFact = (await element.getAttribute('data-testid')) === 'summary-fact'
  const locator = isFact ? element.locator('dd') : element
  const box = await locator.boundingBox()
  expect(box, 'laid out').not.toBeNull()
  expect(box!.y).toBeGreaterThanOrEqual(0)
  expect(box!.y + box!.height, `${await locator.textContent()} ends at`).toBeLessThanOrEqual(height)
}

const fact = (page: Page, name: string) => page.locator(`[data-testid=summary-fact][data-fact=${name}]`)

async function keyInputTop(page: Page) {
  const box = await page.getByTestId('key-input').boundingBox()
  return box!.y + (await page.evaluate(() => window.scrollY))
}

test.describe('at 1280×800', () => {
  test('the seed bound token: kind, pod, identity, validity, provider and signature on the first screen', async ({
    page,
  }) => {
    await open(page, DESKTOP, 'seed-bound-pod-v1.24')
    const kind = page.getByTestId('token-kind')
    await expect(kind).toContainText('Kubernetes service account token, bound to pod busybox')
    await expect(fact(page, 'who')).toContainText('system:serviceaccount:default:default')
    await expect(fact(page, 'valid-now')).toHaveAttribute('data-state', 'expired')
    await expect(fact(page, 'valid-now')).toContainText('expired 3 years ago')
    await expect(fact(page, 'valid-now')).toContainText('lifetime 1 year')
    await expect(fact(page, 'from')).toContainText('kubeadm')
    await expect(fact(page, 'signature')).toHaveAttribute('data-state', 'unverified')
    await expect(fact(page, 'signature')).toContainText('not verified')
    // Its one risk is the expiry that "Valid now" states: the top risk points there, not repeats it.
    await expect(fact(page, 'top-risk')).toContainText('its validity, stated above')
    await expect(fact(page, 'top-risk')).not.toContainText('expired')
    for (const l of [kind, fact(page, 'who'), fact(page, 'valid-now'), fact(page, 'from'), fact(page, 'signature')])
      await onFirstScreen(page, l, DESKTOP.height)
    // The inputs are at hand: the token's, the key's, and sharing.
    await onFirstScreen(page, page.getByTestId('token-input'), DESKTOP.height)
    expect(await keyInputTop(page)).toBeLessThanOrEqual(KEY_INPUT_TOP)
    await expect(page.getByTestId('share-button')).toBeVisible()
    // The decoded token begins on the first screen too, as on jwt.io.
    await expect(firstClaim(page)).toHaveAttribute('data-path', '/aud')
    await onFirstScreen(page, firstClaim(page), DESKTOP.height)
    expect(await pageHeight(page)).toBeLessThanOrEqual(DESKTOP_HEIGHT)
  })

  test('the legacy seed token: the same answers, with its never-expiring risk', async ({ page }) => {
    await open(page, DESKTOP, 'seed-legacy-v1.20')
    await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'k8s-legacy')
    await expect(fact(page, 'who')).toContainText('system:serviceaccount:default:default')
    await expect(fact(page, 'valid-now')).toHaveAttribute('data-state', 'no-expiry')
    await expect(fact(page, 'top-risk')).toContainText('never expires')
    for (const name of ['who', 'valid-now', 'from', 'signature', 'top-risk'])
      await onFirstScreen(page, fact(page, name), DESKTOP.height)
    await onFirstScreen(page, page.getByTestId('token-kind'), DESKTOP.height)
    await onFirstScreen(page, firstClaim(page), DESKTOP.height)
    expect(await keyInputTop(page)).toBeLessThanOrEqual(KEY_INPUT_TOP)
    expect(await pageHeight(page)).toBeLessThanOrEqual(DESKTOP_HEIGHT)
  })

  test('an OpenID Connect ID token: sub and iss in place of the identity, the issuer host as origin', async ({
    page,
  }) => {
    await open(page, DESKTOP, 'oidc-core-a2-id-token')
    await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'jwt')
    await expect(fact(page, 'who')).toContainText('sub 248289761001')
    await expect(fact(page, 'who')).toContainText('iss https://server.example.com')
    await expect(fact(page, 'from')).toContainText('server.example.com')
    await expect(fact(page, 'valid-now')).toHaveAttribute('data-state', 'expired')
    for (const name of ['who', 'valid-now', 'from', 'signature'])
      await onFirstScreen(page, fact(page, name), DESKTOP.height)
    await onFirstScreen(page, firstClaim(page), DESKTOP.height)
    expect(await keyInputTop(page)).toBeLessThanOrEqual(KEY_INPUT_TOP)
    expect(await pageHeight(page)).toBeLessThanOrEqual(DESKTOP_HEIGHT)
  })
})

test.describe('at 390×844', () => {
  for (const token of ['seed-bound-pod-v1.24', 'seed-legacy-v1.20', 'oidc-core-a2-id-token'])
    test(`${token}: kind, who and validity on the first phone screen, in the designed order`, async ({ page }) => {
      await open(page, PHONE, token)
      for (const l of [page.getByTestId('token-kind'), fact(page, 'who'), fact(page, 'valid-now')])
        await onFirstScreen(page, l, PHONE.height)
      // Input, then the summary card, then the key and sharing, then the details.
      const top = async (l: Locator) => (await l.boundingBox())!.y
      const input = await top(page.getByTestId('token-input'))
      const card = await top(page.getByTestId('summary-card'))
      const key = await top(page.getByTestId('key-input'))
      const share = await top(page.getByTestId('share-button'))
      const details = await top(page.getByRole('heading', { name: /^Time: / }))
      expect(input).toBeLessThan(card)
      expect(card).toBeLessThan(key)
      expect(key).toBeLessThan(share)
      expect(share).toBeLessThan(details)
      expect(await keyInputTop(page)).toBeLessThanOrEqual(2 * KEY_INPUT_TOP)
      expect(await pageHeight(page)).toBeLessThanOrEqual(PHONE_HEIGHT)
    })
})

test('each fact of the summary card takes the focus to its section, and an opened section stays open', async ({
  page,
}) => {
  await open(page, DESKTOP, 'seed-bound-pod-v1.24')
  await fact(page, 'valid-now').getByRole('button').click()
  await expect(page.getByRole('heading', { name: /^Time: expired 3 years ago · lifetime 1 year/ })).toBeFocused()
  await fact(page, 'who').getByRole('button').click()
  const k8s = page.getByRole('heading', { name: /^Kubernetes: system:serviceaccount:default:default/ })
  await expect(k8s).toBeFocused()
  // The Kubernetes fold opened with it: the identity is on screen.
  await expect(page.getByTestId('identity')).toBeVisible()
  await fact(page, 'signature').getByRole('button').click()
  await expect(page.getByTestId('key-input')).toBeFocused()
  // The next token keeps the folds the user opened.
  await paste(page, fixtureToken('seed-legacy-v1.20'))
  await expect(page.getByTestId('identity')).toHaveAttribute('data-username', 'system:serviceaccount:default:default')
  await expect(page.getByTestId('identity')).toBeVisible()
})

test('the section headings state their results', async ({ page }) => {
  await open(page, DESKTOP, 'seed-bound-pod-v1.24')
  await expect(page.getByRole('heading', { name: 'Signature: not verified' })).toBeVisible()
  await expect(
    page.getByRole('heading', {
      name: /^Kubernetes: system:serviceaccount:default:default · 1 risk · \d+ next steps$/,
    }),
  ).toBeVisible()
  await expect(page.getByRole('heading', { name: /^Findings: / })).toBeVisible()
  // Folded is not absent: the timeline and the identity are in the page before any click.
  await expect(page.getByTestId('timeline')).toBeAttached()
  await expect(page.getByTestId('identity').getByTestId('group')).toHaveCount(3)
})

test('the signature fact repeats the verification panel’s verdict, for this token only', async ({ page }) => {
  const { default: tokens } = await import('../src/test/public-tokens.json', { with: { type: 'json' } })
  const fixture = tokens.find((t) => t.name === 'rfc7515-a1-hs256') as {
    token: string
    publicKey: { jwk: { k: string } }
  }
  await page.goto('./')
  await paste(page, fixture.token)
  await page.getByTestId('key-input').fill(fixture.publicKey.jwk.k)
  await page.getByLabel('Secret written as').selectOption('base64url')
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified')
  await expect(fact(page, 'signature')).toHaveAttribute('data-state', 'verified')
  await expect(fact(page, 'signature')).toContainText('verified with key 1')
  await expect(page.getByRole('heading', { name: 'Signature: verified with key 1' })).toBeVisible()
  // Another token: the key stays, and the verdict is this token's own.
  await paste(page, fixtureToken('oidc-core-a2-id-token'))
  await expect(page.getByTestId('signature-status')).not.toHaveAttribute('data-state', 'verified')
  await expect(fact(page, 'signature')).not.toHaveAttribute('data-state', 'verified')
})

// Writes the README's pictures into docs/: the decode view for a bound token, a legacy token and
// a broken one, the phone view, dark mode, and the Compare and Compose views. `npm run screenshots` builds first; this is not
// part of `npm test`. The clock, zone and locale are pinned, so a run changes the pictures only
// when the page changes, except the Compose picture: its key, jti and signature are new each run.
import { readFileSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { preview } from 'vite'

const NOW = new Date('2026-12-01T00:00:00Z')
const PORT = Number(process.env.SCREENSHOT_PORT ?? 4395)
const tokens = JSON.parse(readFileSync(new URL('../src/test/public-tokens.json', import.meta.url), 'utf8'))
const token = (name) => tokens.find((t) => t.name === name).token

const DESKTOP = { width: 1280, height: 800 }
const PHONE = { width: 390, height: 844 }
const SHOTS = [
  { file: 'screenshot-bound.png', text: token('seed-bound-pod-v1.24'), viewport: DESKTOP, scheme: 'light' },
  { file: 'screenshot-legacy.png', text: token('seed-legacy-v1.20'), viewport: DESKTOP, scheme: 'light' },
  // A payload with a character outside base64url: the page names the part and the character.
  { file: 'screenshot-broken.png', text: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIi!.abc', viewport: DESKTOP, scheme: 'light' },
  { file: 'screenshot-phone.png', text: token('seed-bound-pod-v1.24'), viewport: PHONE, scheme: 'light' },
  { file: 'screenshot-dark.png', text: token('seed-bound-pod-v1.24'), viewport: DESKTOP, scheme: 'dark' },
  // A legacy Secret token on the left and its projected replacement on the right.
  { file: 'screenshot-compare.png', view: 'compare', viewport: DESKTOP, scheme: 'light' },
  // The bound pod template, signed with a key generated in the page.
  { file: 'screenshot-compose.png', view: 'compose', viewport: { width: 1280, height: 1200 }, scheme: 'light' },
]

/** Brings the page to what the picture shows. @param {import('@playwright/test').Page} page */
async function prepare(page, shot) {
  if (shot.view === 'compare') {
    await page.goto(`http://127.0.0.1:${PORT}/#compare`)
    await page.getByTestId('compare-left').fill(token('seed-legacy-v1.20'))
    await page.getByTestId('compare-right').fill(token('seed-bound-pod-v1.24'))
    await page.locator('[data-testid=compare-note][data-note=kind-changed]').waitFor()
    return
  }
  if (shot.view === 'compose') {
    await page.goto(`http://127.0.0.1:${PORT}/#compose`)
    await page.getByTestId('compose-alg').selectOption('ES256')
    await page.getByTestId('compose-generate-key').click()
    await page.locator('[data-testid=compose-key-status][data-state=ready]').waitFor()
    await page.getByRole('button', { name: 'Sign', exact: true }).click()
    await page.locator('[data-testid=compose-token][data-state=signed]').waitFor()
    return
  }
  await page.goto(`http://127.0.0.1:${PORT}/`)
  await page.getByTestId('token-input').fill(shot.text)
  await page.getByTestId('token-kind').waitFor()
  // What follows the first view has arrived (the key box comes with it), then let it settle.
  if (!shot.file.includes('broken')) await page.getByTestId('key-input').waitFor()
}

const server = await preview({ preview: { port: PORT, host: '127.0.0.1', strictPort: true } })
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
})
try {
  for (const shot of SHOTS) {
    const context = await browser.newContext({
      viewport: shot.viewport,
      colorScheme: shot.scheme,
      locale: 'en-GB',
      timezoneId: 'UTC',
      deviceScaleFactor: 1,
    })
    const page = await context.newPage()
    await page.clock.setFixedTime(NOW)
    await prepare(page, shot)
    await page.waitForTimeout(500)
    // The caret and the focus ring of the input are not part of the picture.
    await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : null))
    // Signing scrolls the button into view; the picture starts at the top of the page.
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: `docs/${shot.file}` })
    console.log(`docs/${shot.file}`)
    await context.close()
  }
} finally {
  await browser.close()
  await new Promise((resolve) => server.httpServer.close(resolve))
}

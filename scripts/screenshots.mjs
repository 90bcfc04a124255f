// Writes the README's pictures into docs/: the decode view for a bound token, a legacy token and
// a broken one, the phone view and dark mode. `npm run screenshots` builds first; this is not
// part of `npm test`. The clock, zone and locale are pinned, so a run changes the pictures only
// when the page changes.
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
]

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
    await page.goto(`http://127.0.0.1:${PORT}/`)
    await page.getByTestId('token-input').fill(shot.text)
    await page.getByTestId('token-kind').waitFor()
    // What follows the first view has arrived (the key box comes with it), then let it settle.
    if (!shot.file.includes('broken')) await page.getByTestId('key-input').waitFor()
    await page.waitForTimeout(500)
    // The caret and the focus ring of the input are not part of the picture.
    await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : null))
    await page.screenshot({ path: `docs/${shot.file}` })
    console.log(`docs/${shot.file}`)
    await context.close()
  }
} finally {
  await browser.close()
  await new Promise((resolve) => server.httpServer.close(resolve))
}

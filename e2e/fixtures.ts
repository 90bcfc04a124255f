import { test as base, expect, type Page } from '@playwright/test'
import tokens from '../src/test/public-tokens.json' with { type: 'json' }

/** Fixture tokens by name, from the shared public fixtures. */
export function fixtureToken(name: string): string {
  const t = tokens.find((x) => x.name === name)
  if (!t) throw new Error(`no fixture named ${name}`)
  return t.token
}

interface Guards {
  /** Every URL the page requested, for the privacy assertions. */
  requests: string[]
  consoleErrors: string[]
  /** Console errors a test provokes on purpose (a CSP violation it checks for, say). */
  expectedConsoleErrors: RegExp[]
  /**
   * Origins besides baseURL's that a test deliberately serves the app from (a sub-path server,
   * nginx). A file:// page counts as the origin of its own file URL.
   */
  allowedOrigins: string[]
}

const originOf = (url: string): string => (url.startsWith('file:') ? (url.split('#')[0] ?? url) : new URL(url).origin)

/**
 * Every e2e test runs with these guards: each request the page makes is recorded and must stay on
 * the page's own origin, and the console must stay free of errors. A test that needs to inspect
 * the list can read `guards`.
 */
export const test = base.extend<{ guards: Guards }>({
  guards: [
    async ({ page, baseURL }, use) => {
      const guards: Guards = { requests: [], consoleErrors: [], expectedConsoleErrors: [], allowedOrigins: [] }
      page.on('request', (r) => guards.requests.push(r.url()))
      page.on('console', (m) => {
        if (m.type() === 'error') guards.consoleErrors.push(m.text())
      })
      page.on('pageerror', (e) => guards.consoleErrors.push(`pageerror: ${e.message}`))
      await use(guards)
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin
      const foreign = guards.requests.filter((u) => {
        if (u.startsWith('data:') || u.startsWith('blob:')) return false
        return originOf(u) !== origin && !guards.allowedOrigins.includes(originOf(u))
      })
      expect(foreign, 'requests that left the page origin').toEqual([])
      const unexpected = guards.consoleErrors.filter((m) => !guards.expectedConsoleErrors.some((re) => re.test(m)))
      expect(unexpected, 'console errors').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }

/** Pastes text into the main input, as a user would. */
export async function paste(page: Page, text: string): Promise<void> {
  await page.getByTestId('token-input').fill(text)
}

/**
 * Everything the page could have kept or put in view of others: its address, the history state,
 * Web Storage, cookies, IndexedDB and the Cache Storage (whose names and request URLs are listed).
 * A test asserts that a secret is nowhere in it.
 */
export async function pageTraces(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const cached: string[] = []
    if ('caches' in self)
      for (const name of await caches.keys()) {
        cached.push(name)
        for (const request of await (await caches.open(name)).keys()) cached.push(request.url)
      }
    return JSON.stringify({
      url: location.href,
      history: history.state,
      local: { ...localStorage },
      session: { ...sessionStorage },
      cookies: document.cookie,
      idb: (await indexedDB.databases()).map((d) => d.name),
      cached,
    })
  })
}

/**
 * Opens a fold (a `<details>`) by the words of the line that opens it, as a user would; an open
 * one stays open. The sections keep their long parts folded: the timeline and time settings, the
 * Kubernetes details, the cluster settings.
 */
export async function unfold(page: Page, text: string | RegExp): Promise<void> {
  const summary = page.locator('details > summary', { hasText: text }).first()
  const isOpen = () => summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open)
  // Until the fold is seen open: once in a full run on a loaded machine the cluster settings were
  // found folded again after the click (a panel re-rendered around it as its code arrived).
  await expect(async () => {
    if (!(await isOpen())) await summary.click()
    expect(await isOpen()).toBe(true)
  }).toPass({ timeout: 20_000 })
}

// @ts-check
// The measurements, each on a fresh browser context. Times come from the page's own clock (see
// probe.mjs); Playwright only drives the page and collects the figures.
import { installProbe } from './probe.mjs'
import { markerPointer, sizedToken } from './tokens.mjs'

const KIND = '[data-testid=token-kind]'
const INPUT = '[data-testid=token-input]'
const KEY_INPUT = '[data-testid=key-input]'
const VERIFIED = '[data-testid=signature-status][data-state=verified]'

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {{ t0: number, rendered: number, nextFrame: number, maxLongTask: number, longTaskTotal: number }} Timing */

/** @param {Browser} browser */
async function freshPage(browser) {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Paris' })
  await context.addInitScript(installProbe, KIND)
  const page = await context.newPage()
  return { context, page }
}

/**
 * One timed paste: arms the probe, fills, and returns the page-side timing.
 * @param {Page} page
 * @param {string} selector the element that means "rendered"
 * @param {string} text
 * @param {string} into
 * @returns {Promise<Timing>}
 */
async function timedFill(page, selector, text, into = INPUT) {
  await page.evaluate((sel) => /** @type {any} */ (window).__bench.arm(sel), selector)
  await page.locator(into).fill(text)
  return page.evaluate(() => /** @type {any} */ (window).__bench.result())
}

/**
 * One timed paste the way a clipboard paste arrives: the whole text in a single insertion (one
 * beforeinput/input pair). Playwright's fill() types multi-line text into a text area line by
 * line, with a layout after each line, which no user paste does; for a 167-line key set that
 * alone cost 40–95 ms here, none of it the app's.
 * @param {Page} page
 * @param {string} selector the element that means "rendered"
 * @param {string} text
 * @param {string} into
 * @returns {Promise<Timing>}
 */
async function timedPaste(page, selector, text, into) {
  await page.locator(into).focus()
  await page.evaluate((sel) => /** @type {any} */ (window).__bench.arm(sel), selector)
  await page.evaluate((t) => {
    const el = /** @type {HTMLTextAreaElement} */ (document.activeElement)
    el.select()
    document.execCommand('insertText', false, t)
  }, text)
  return page.evaluate(() => /** @type {any} */ (window).__bench.result())
}

/** @param {Page} page */
async function clearInput(page, into = INPUT) {
  await page.locator(into).fill('')
  if (into === INPUT) await page.locator(KIND).waitFor({ state: 'detached' })
  await page.evaluate(() => /** @type {any} */ (window).__bench.nextFrame())
}

/**
 * Does this build open `#token=` links? Probed once; until the feature lands the bench types the
 * token right after load instead, and says so in the results.
 * @param {Browser} browser
 * @param {string} baseUrl
 * @param {string} token
 */
export async function detectOpenMethod(browser, baseUrl, token) {
  const { context, page } = await freshPage(browser)
  try {
    await page.goto(`${baseUrl}#token=${encodeURIComponent(token)}`, { waitUntil: 'load' })
    const shown = await page
      .locator(KIND)
      .waitFor({ timeout: 3000 })
      .then(
        () => true,
        () => false,
      )
    return shown ? 'hash' : 'fill-after-load'
  } finally {
    await context.close()
  }
}

/**
 * Cold start to decoded view, in a fresh context (empty cache) each run. Also returns the URLs
 * the page loaded before the view showed, for the start-up bytes.
 * @param {Browser} browser
 * @param {string} baseUrl
 * @param {string} token
 * @param {'hash' | 'fill-after-load'} method
 */
export async function coldStart(browser, baseUrl, token, method) {
  const { context, page } = await freshPage(browser)
  try {
    if (method === 'hash') {
      await page.goto(`${baseUrl}#token=${encodeURIComponent(token)}`, { waitUntil: 'commit' })
    } else {
      await page.goto(baseUrl, { waitUntil: 'commit' })
      await page.locator(INPUT).fill(token)
    }
    return await page.evaluate(async () => {
      const b = /** @type {any} */ (window).__bench
      const decodedView = await b.kindSeen
      await b.nextFrame()
      await b.nextFrame()
      const nav = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0])
      const resources = performance
        .getEntriesByType('resource')
        .filter((e) => /** @type {PerformanceResourceTiming} */ (e).responseEnd <= decodedView)
        .map((e) => e.name)
      const longTasks = /** @type {{ start: number, duration: number }[]} */ (b.longTasks).filter(
        (t) => t.start <= decodedView,
      )
      return {
        decodedView,
        lcp: /** @type {number} */ (b.lcp()),
        longTaskTotal: longTasks.reduce((s, t) => s + t.duration, 0),
        domContentLoaded: nav ? nav.domContentLoadedEventEnd : NaN,
        urls: [location.href.split('#')[0] ?? '', ...resources],
      }
    })
  } finally {
    await context.close()
  }
}

/**
 * Paste to render: from the input event to the pasted token's own claim row in the DOM (and to
 * the next frame after it). The input is cleared between runs, so each run renders from empty.
 * @param {Browser} browser
 * @param {string} baseUrl
 * @param {number} chars token size
 * @param {number} runs
 */
export async function pasteToRender(browser, baseUrl, chars, runs) {
  const { context, page } = await freshPage(browser)
  try {
    await page.goto(baseUrl, { waitUntil: 'load' })
    // One untimed paste first, so that the figures are not the first-ever render's.
    await page.locator(INPUT).fill(sizedToken(1024, 'warmup'))
    await page.locator(KIND).waitFor()
    await clearInput(page)
    /** @type {Timing[]} */
    const out = []
    for (let i = 0; i < runs; i++) {
      const marker = `p${chars}x${i}`
      const token = sizedToken(chars, marker)
      out.push(await timedFill(page, `[data-testid=claim][data-path="${markerPointer(marker)}"]`, token))
      await clearInput(page)
    }
    return out
  } finally {
    await context.close()
  }
}

/**
 * Verification: from pasting the JWKS to `verified`. Skipped (null) when the build has no key input.
 * @param {Browser} browser
 * @param {string} baseUrl
 * @param {{ token: string, jwks: string, jwksVariants: string[] }} signed
 * @param {number} runs
 * @returns {Promise<Timing[] | null>}
 */
export async function verification(browser, baseUrl, signed, runs) {
  const { context, page } = await freshPage(browser)
  try {
    await page.goto(baseUrl, { waitUntil: 'load' })
    await page.locator(INPUT).fill(signed.token)
    await page.locator(KIND).waitFor()
    // The verification UI may load lazily after the decoded view: give it a few seconds.
    const hasKeyInput = await page
      .locator(KEY_INPUT)
      .waitFor({ timeout: 5000 })
      .then(
        () => true,
        () => false,
      )
    if (!hasKeyInput) return null
    /** @type {Timing[]} */
    const out = []
    if (runs + 1 > signed.jwksVariants.length)
      throw new Error(`verification: at most ${signed.jwksVariants.length - 1} runs, so that no key set repeats`)
    for (let i = 0; i <= runs; i++) {
      await page.locator(KEY_INPUT).fill('')
      await page.locator(VERIFIED).waitFor({ state: 'detached' })
      // A key-set text not pasted before in this page (see jwksVariants), so nothing is cached.
      const jwks = signed.jwksVariants[i] ?? signed.jwks
      const t = await timedPaste(page, VERIFIED, jwks, KEY_INPUT)
      if (i > 0) out.push(t) // the first run loads the verification code: warm-up, not counted
    }
    return out
  } finally {
    await context.close()
  }
}

/** Heap growth after the pastes above which the bench waits for expiring caches and looks again. */
const LEAK_RECHECK_BYTES = 512 * 1024
const CACHE_EXPIRY_MS = 65_000

/**
 * JS heap after a forced garbage collection, through the DevTools protocol.
 * @param {import('@playwright/test').CDPSession} cdp
 */
async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const { metrics } = await cdp.send('Performance.getMetrics')
  /** @param {string} name */
  const get = (name) => metrics.find((m) => m.name === name)?.value ?? NaN
  return { heap: get('JSHeapUsedSize'), nodes: get('Nodes'), listeners: get('JSEventListeners') }
}

/**
 * Main-thread time per second while the page just sits there showing a token: what the clock
 * ticks cost. A page that re-renders everything each second shows up here.
 * @param {import('@playwright/test').CDPSession} cdp
 * @param {number} ms
 */
async function idleCost(cdp, ms) {
  /** @returns {Promise<Record<string, number>>} */
  const read = async () =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]))
  const a = await read()
  await new Promise((resolve) => setTimeout(resolve, ms))
  const b = await read()
  /** @param {string} k metrics in seconds, turned into ms of work per second of wall time */
  const perSecond = (k) => (((b[k] ?? NaN) - (a[k] ?? NaN)) * 1000 * 1000) / ms
  return {
    taskMsPerSecond: perSecond('TaskDuration'),
    scriptMsPerSecond: perSecond('ScriptDuration'),
    layoutMsPerSecond: perSecond('LayoutDuration'),
    styleMsPerSecond: perSecond('RecalcStyleDuration'),
  }
}

/**
 * Memory: heap when the 256 KB token is shown, and whether 100 different pastes leave anything
 * behind once the input is cleared again.
 * @param {Browser} browser
 * @param {string} baseUrl
 * @param {number} pastes
 */
export async function memory(browser, baseUrl, pastes) {
  const { context, page } = await freshPage(browser)
  try {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable')
    await page.goto(baseUrl, { waitUntil: 'load' })
    /** @param {string} token @param {string} marker */
    const show = async (token, marker) => {
      await page.locator(INPUT).fill(token)
      await page.locator(`[data-testid=claim][data-path="${markerPointer(marker)}"]`).waitFor()
    }
    // Warm-up with the same mix first: compiled code and caches grow over the first pastes and
    // then stay; only what keeps growing after that is a leak.
    /** @param {number} i */
    const sizeOf = (i) => (i % 10 === 9 ? 256 * 1024 : 16 * 1024)
    for (let i = 0; i < 10; i++) await show(sizedToken(sizeOf(i), `w${i}`), `w${i}`)
    await clearInput(page)
    const baseline = await heapAfterGc(cdp)
    await show(sizedToken(256 * 1024, 'm-256'), 'm-256')
    const with256k = await heapAfterGc(cdp)
    const idle = await idleCost(cdp, 3000)
    await clearInput(page)
    const afterFirstClear = await heapAfterGc(cdp)
    for (let i = 0; i < pastes; i++) {
      // Mostly 16 KB tokens, every tenth a 256 KB one, all different.
      await show(sizedToken(sizeOf(i), `m${i}`), `m${i}`)
    }
    const withLast = await heapAfterGc(cdp)
    await clearInput(page)
    const afterPastes = await heapAfterGc(cdp)
    // Caches with a time-based expiry (react-query's gcTime is 60 s by default) hold on to recent
    // tokens for a while. Growth that comes back once they expire is not a leak: when the heap has
    // grown, wait them out and measure again; the budget applies to what is still there.
    const retained = afterPastes.heap - baseline.heap
    const afterIdle =
      retained > LEAK_RECHECK_BYTES ? (await page.waitForTimeout(CACHE_EXPIRY_MS), await heapAfterGc(cdp)) : null
    const growth = (afterIdle ?? afterPastes).heap - baseline.heap
    return { baseline, with256k, idle, afterFirstClear, withLast, afterPastes, afterIdle, pastes, retained, growth }
  } finally {
    await context.close()
  }
}

/** The hooks a fully explained Kubernetes token shows once every lazily loaded part has arrived. */
const EXPLAINED = [
  '[data-testid=claim-meaning]',
  '[data-testid=kubernetes-panel]',
  '[data-testid=k8s-risks]',
  '[data-testid=timeline]',
  '[data-testid=key-input]',
  '[data-testid=claim] time',
]
/** How long the page must fetch nothing new before everything it wanted counts as loaded. */
const QUIET_MS = 2000

/**
 * Everything a Kubernetes token opened from a `#token=` link loads once the page has gone idle:
 * waits for every part of the explained view, then until no new request has started for a
 * while, and returns every URL the page loaded (the start-up files and every lazy chunk).
 * @param {Browser} browser
 * @param {string} baseUrl
 * @param {string} token
 * @returns {Promise<string[]>}
 */
export async function fullyExplained(browser, baseUrl, token) {
  const { context, page } = await freshPage(browser)
  try {
    await page.goto(`${baseUrl}#token=${encodeURIComponent(token)}`, { waitUntil: 'load' })
    // Attached, not visible: the meanings sit in each row's fold (folded is not absent).
    for (const selector of EXPLAINED)
      await page.locator(selector).first().waitFor({ state: 'attached', timeout: 15_000 })
    return await page.evaluate(async (quietMs) => {
      const count = () => performance.getEntriesByType('resource').length
      let seen = count()
      let quietSince = performance.now()
      while (performance.now() - quietSince < quietMs) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        if (count() !== seen) {
          seen = count()
          quietSince = performance.now()
        }
      }
      return [location.href.split('#')[0] ?? '', ...performance.getEntriesByType('resource').map((e) => e.name)]
    }, QUIET_MS)
  } finally {
    await context.close()
  }
}

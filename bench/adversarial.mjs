// @ts-check
// The adversarial step of the bench (issue 12 item 2): inputs crafted to make the page do more
// than linear work, pasted or opened from a link. Budget: the first view shows with no
// main-thread task over 200 ms, and a click is answered (next frame) within 100 ms; typing in the
// claim filter over 50,000 claims is answered within 100 ms per keystroke.
//
// A page that freezes cannot answer page.evaluate, so every wait races a timeout: a run that
// times out is recorded as frozen, with the time waited as a lower bound, and its context closed.
import { installProbe } from './probe.mjs'
import { costInputs, moreCostInputs } from '../src/test/adversarial.mjs'

const KIND = '[data-testid=token-kind]'
const INPUT = '[data-testid=token-input]'
const SHARE = '[data-testid=share-button]'
const FILTER = '[data-testid=claim-filter]'
/** The page is taken as settled once no long task has run for this long. */
const QUIET_MS = 1000
/** What the filter step types, one keystroke at a time, then erases. */
const FILTER_QUERY = 'c12k'

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {import('@playwright/test').Page} Page */
/**
 * @typedef {object} AdversarialRun
 * @property {number} firstView ms from the paste (or navigation start, for a link) to the decoded view
 * @property {number} maxLongTask longest main-thread task from then until the page settled
 * @property {number} longTaskTotal
 * @property {number} click ms from a click on the share button to the next frame
 * @property {number} clickLongTask longest task in the three seconds after that click
 * @property {number} [keystroke] slowest keystroke (to next frame) while typing the filter
 * @property {boolean} frozen the page stopped answering within the timeout
 * @property {string} [frozenAt] the step it stopped answering in: first view, settling, filter or click
 * @property {boolean} blank the root was empty, or the page threw
 * @property {string[]} errors page errors
 */

/**
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @returns {Promise<{ ok: true, value: T } | { ok: false }>}
 */
async function within(promise, ms) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ ok: false }), ms)
  })
  const done = promise.then(
    (value) => ({ ok: /** @type {const} */ (true), value }),
    () => ({ ok: /** @type {const} */ (false) }),
  )
  const r = /** @type {{ ok: true, value: T } | { ok: false }} */ (await Promise.race([done, timeout]))
  clearTimeout(timer)
  return r
}

/** In-page: resolves with performance.now() when `selector` first matches. */
function seen(/** @type {string} */ selector) {
  return new Promise((resolve) => {
    const check = () => {
      if (!document.querySelector(selector)) return false
      obs.disconnect()
      resolve(performance.now())
      return true
    }
    const obs = new MutationObserver(check)
    obs.observe(document, { subtree: true, childList: true, attributes: true })
    check()
  })
}

/**
 * In-page: waits until no long task has run for `quiet` ms (at most `max` ms after `from`), then
 * gives the longest and total task time since `from`.
 * @param {{ from: number, quiet: number, max: number }} o
 */
async function settle({ from, quiet, max }) {
  const tasks = /** @type {{ start: number, duration: number }[]} */ (/** @type {any} */ (window).__bench.longTasks)
  const lastEnd = () => tasks.reduce((m, t) => Math.max(m, t.start + t.duration), from)
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    const now = performance.now()
    if (now - lastEnd() >= quiet || now - from > max) break
  }
  const during = tasks.filter((t) => t.start + t.duration >= from)
  const root = document.getElementById('root')
  return {
    maxLongTask: during.reduce((m, t) => Math.max(m, t.duration), 0),
    longTaskTotal: during.reduce((s, t) => s + t.duration, 0),
    blank: !root || root.childElementCount === 0 || !document.querySelector('[data-testid=token-input]'),
  }
}

/**
 * In-page: clicks `selector` (a real event, dispatched from the page) and measures to the frame
 * after the click's handlers and render; then the longest task in the next three seconds.
 */
async function timedClick(/** @type {string} */ selector) {
  const el = /** @type {HTMLElement | null} */ (document.querySelector(selector))
  if (!el) return { click: NaN, clickLongTask: NaN }
  const tasks = /** @type {{ start: number, duration: number }[]} */ (/** @type {any} */ (window).__bench.longTasks)
  const t0 = performance.now()
  el.click()
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
  const click = performance.now() - t0
  await new Promise((resolve) => setTimeout(resolve, 3000))
  const after = tasks.filter((t) => t.start + t.duration >= t0)
  return { click, clickLongTask: after.reduce((m, t) => Math.max(m, t.duration), 0) }
}

/**
 * One run of one input in a fresh context.
 * @param {Browser} browser
 * @param {string} baseUrl
 * @param {import('../src/test/adversarial.mjs').AdversarialInput} input
 * @param {{ timeoutMs: number, filter: boolean }} o
 * @returns {Promise<AdversarialRun>}
 */
async function runOnce(browser, baseUrl, input, { timeoutMs, filter }) {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Paris' })
  await context.addInitScript(installProbe, KIND)
  const page = await context.newPage()
  /** @type {string[]} */
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  /** @type {AdversarialRun} */
  const run = {
    firstView: NaN,
    maxLongTask: NaN,
    longTaskTotal: NaN,
    click: NaN,
    clickLongTask: NaN,
    frozen: false,
    blank: false,
    errors,
  }
  const started = Date.now()
  const left = () => Math.max(1, timeoutMs - (Date.now() - started))
  try {
    let t0 = 0
    if (input.delivery === 'link') {
      await page.goto(`${baseUrl}${input.text}`, { waitUntil: 'commit' })
    } else {
      await page.goto(baseUrl, { waitUntil: 'load' })
      // As a visitor who opened the page and then pastes: the lazily loaded parts have arrived.
      await page.waitForTimeout(2500)
      await page.evaluate((sel) => /** @type {any} */ (window).__bench.arm(sel), KIND)
      // One input event with the whole text, as a clipboard paste arrives (fill() types
      // multi-line text line by line, which is Playwright's time, not the page's).
      await page.locator(INPUT).evaluate((box, t) => {
        const area = /** @type {HTMLTextAreaElement} */ (box)
        Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(area, t)
        area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }))
      }, input.text)
    }
    const shown = await within(
      input.delivery === 'link'
        ? page.evaluate(seen, KIND)
        : page
            .evaluate(() => /** @type {any} */ (window).__bench.result())
            .then((r) => {
              t0 = r.t0
              return r.t0 + r.rendered
            }),
      left(),
    )
    if (!shown.ok) {
      run.frozen = true
      run.frozenAt = 'first view'
      run.firstView = timeoutMs
      return run
    }
    run.firstView = /** @type {number} */ (shown.value) - t0
    const settled = await within(page.evaluate(settle, { from: t0, quiet: QUIET_MS, max: 60_000 }), left())
    if (!settled.ok) {
      run.frozen = true
      run.frozenAt = 'settling'
      return run
    }
    run.maxLongTask = settled.value.maxLongTask
    run.longTaskTotal = settled.value.longTaskTotal
    run.blank = settled.value.blank
    if (filter) {
      const slowest = await within(typeFilter(page), left())
      if (!slowest.ok) {
        run.frozen = true
        run.frozenAt = 'filter'
        return run
      }
      run.keystroke = slowest.value
    }
    const clicked = await within(page.evaluate(timedClick, SHARE), left())
    if (!clicked.ok) {
      run.frozen = true
      run.frozenAt = 'click'
      return run
    }
    run.click = clicked.value.click
    run.clickLongTask = clicked.value.clickLongTask
    return run
  } catch (e) {
    errors.push(`bench: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`)
    run.blank = true
    return run
  } finally {
    run.blank ||= errors.some((m) => !m.startsWith('bench:'))
    await within(context.close(), 10_000)
  }
}

/**
 * Types FILTER_QUERY into the claim filter and erases it, a keystroke at a time, and returns the
 * slowest keystroke: from the key event to the frame after the page answered it.
 * @param {Page} page
 */
async function typeFilter(page) {
  await page.locator(FILTER).focus()
  let slowest = 0
  const keys = [...FILTER_QUERY, ...Array.from(FILTER_QUERY, () => 'Backspace')]
  for (const key of keys) {
    await page.evaluate(() => {
      const w = /** @type {any} */ (window)
      w.__key = new Promise((resolve) => {
        window.addEventListener(
          'keydown',
          () => {
            const t0 = performance.now()
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0))
          },
          { once: true, capture: true },
        )
      })
    })
    await page.keyboard.press(key)
    const ms = await page.evaluate(() => /** @type {any} */ (window).__key)
    slowest = Math.max(slowest, /** @type {number} */ (ms))
    // Let a deferred render that the keystroke scheduled finish before the next key.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)))
  }
  return slowest
}

/**
 * Every cost input of the corpus (src/test/adversarial.mjs: costInputs and moreCostInputs),
 * `runs` times each, plus the claim filter typed over the 50,000 claims.
 * @param {Browser} browser
 * @param {string} baseUrl
 * @param {number} runs
 * @param {(msg: string) => void} log
 * @param {{ timeoutMs?: number }} [options]
 */
export async function adversarial(browser, baseUrl, runs, log, options = {}) {
  const timeoutMs = options.timeoutMs ?? 90_000
  /** @type {Record<string, { delivery: string, runs: AdversarialRun[] }>} */
  const out = {}
  // The five inputs, then the corpus's other crafted shapes (long names, deep nesting,
  // thousands of tokens, bound objects or users): the budget holds for any input the page accepts.
  const inputs = [...costInputs(), ...moreCostInputs()]
  const claims = inputs.find((i) => i.name === 'claims-50k-paste')
  /** @type {{ key: string, input: import('../src/test/adversarial.mjs').AdversarialInput, filter: boolean }[]} */
  const plan = inputs.map((input) => ({ key: input.name, input, filter: false }))
  if (claims) plan.push({ key: 'filter-50k-claims', input: claims, filter: true })
  for (const { key, input, filter } of plan) {
    log(`adversarial ${key} × ${runs}`)
    const list = []
    for (let i = 0; i < runs; i++) {
      const r = await runOnce(browser, baseUrl, input, { timeoutMs, filter })
      list.push(r)
      if (r.frozen) {
        log(`  ${key}: frozen at ${r.frozenAt} (no answer within ${timeoutMs / 1000} s in all); not repeated`)
        break
      }
    }
    out[key] = { delivery: input.delivery, runs: list }
  }
  return out
}

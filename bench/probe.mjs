// @ts-check
// In-page instruments, installed as an init script before any of the app's code runs, so that
// every figure is taken on the page's own clock (performance.now(), zero at navigation start)
// and no Playwright round trip is counted in it.

/**
 * Runs in the page. Keep it self-contained: Playwright serialises the function's source.
 * @param {string} kindSelector the element whose appearance means "decoded view shown"
 */
export function installProbe(kindSelector) {
  /** @type {any} */
  const w = window
  /** @type {{ start: number, duration: number }[]} */
  const longTasks = []
  let lcp = NaN
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) lcp = e.startTime
    }).observe({ type: 'largest-contentful-paint', buffered: true })
  } catch {
    // An engine without these entry types: the figures stay empty rather than break the page.
  }
  try {
    // A long task ends with its script; the style, layout and paint that follow it in the same
    // frame block the main thread just as much (a megabyte laid out in a textarea, say) but are
    // not in the entry. A long animation frame reports that render phase: it counts as a task.
    new PerformanceObserver((list) => {
      for (const e of /** @type {any[]} */ (list.getEntries())) {
        const end = e.startTime + e.duration
        if (e.renderStart > 0 && end - e.renderStart >= 50)
          longTasks.push({ start: e.renderStart, duration: end - e.renderStart })
      }
    }).observe({ type: 'long-animation-frame', buffered: true })
  } catch {
    // No long-animation-frame entries (Chromium before 123): tasks are counted without their render phase.
  }

  /** Resolves with performance.now() when `selector` first matches. */
  const seen = (/** @type {string} */ selector) =>
    new Promise((resolve) => {
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

  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))

  /** @type {Promise<unknown> | null} */
  let pending = null

  w.__bench = {
    kindSeen: seen(kindSelector),
    longTasks,
    lcp: () => lcp,
    nextFrame,
    /**
     * Arms a measurement: the first beforeinput/input event after this call starts the clock,
     * and the first match of `selector` stops it. `await __bench.result()` gives the times.
     */
    arm(/** @type {string} */ selector) {
      let t0 = NaN
      const onInput = () => {
        if (Number.isNaN(t0)) t0 = performance.now()
      }
      window.addEventListener('beforeinput', onInput, true)
      window.addEventListener('input', onInput, true)
      pending = seen(selector).then(async (t1) => {
        window.removeEventListener('beforeinput', onInput, true)
        window.removeEventListener('input', onInput, true)
        await nextFrame()
        const t2 = performance.now()
        const during = longTasks.filter((t) => t.start + t.duration >= t0 && t.start <= t2)
        return {
          t0,
          rendered: /** @type {number} */ (t1) - t0,
          nextFrame: t2 - t0,
          maxLongTask: during.reduce((m, t) => Math.max(m, t.duration), 0),
          longTaskTotal: during.reduce((s, t) => s + t.duration, 0),
        }
      })
    },
    result: () => pending,
  }
}

// @ts-check
// Compares the results against bench/budgets.json. Pure, so that it is unit-tested.

/**
 * @typedef {object} Budget
 * @property {string} metric dotted path into the results, e.g. "paste.16KB.rendered.median"
 * @property {number} max
 * @property {'ms' | 'bytes'} unit
 * @property {string} label
 */
/**
 * @typedef {object} Budgets
 * @property {number} timeMargin fraction added to time budgets for noise (0.15 = 15 %)
 * @property {Budget[]} full
 * @property {Budget[]} quick
 */
/**
 * @typedef {object} Verdict
 * @property {string} label
 * @property {string} metric
 * @property {number | undefined} value
 * @property {number} max
 * @property {number} limit the budget plus the margin
 * @property {'ms' | 'bytes'} unit
 * @property {'pass' | 'margin' | 'fail' | 'skipped'} status `margin`: over the budget, within the noise margin
 */

/**
 * The value at a dotted path, or undefined when any step is missing (a skipped measurement).
 * @param {unknown} results
 * @param {string} path
 * @returns {number | undefined}
 */
export function metricAt(results, path) {
  /** @type {unknown} */
  let v = results
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined
    v = /** @type {Record<string, unknown>} */ (v)[key]
  }
  return typeof v === 'number' ? v : undefined
}

/**
 * Checks every budget of one mode. Times get the noise margin; byte counts are exact and don't.
 * A figure that is NaN (every run failed) fails its budget; a missing one is skipped.
 * @param {unknown} results
 * @param {Budgets} budgets
 * @param {'full' | 'quick'} mode
 * @returns {Verdict[]}
 */
export function checkBudgets(results, budgets, mode) {
  return budgets[mode].map((b) => {
    const value = metricAt(results, b.metric)
    const limit = b.unit === 'ms' ? b.max * (1 + budgets.timeMargin) : b.max
    /** @type {Verdict['status']} */
    let status
    if (value === undefined) status = 'skipped'
    else if (Number.isNaN(value) || value > limit) status = 'fail'
    else if (value > b.max) status = 'margin'
    else status = 'pass'
    return { label: b.label, metric: b.metric, value, max: b.max, limit, unit: b.unit, status }
  })
}

/** @param {number | undefined} v @param {'ms' | 'bytes'} unit */
export function formatValue(v, unit) {
  if (v === undefined) return '—'
  if (unit === 'bytes') return `${(v / 1024).toFixed(1)} KB`
  return `${v.toFixed(v < 10 ? 2 : 1)} ms`
}

// @ts-check
// Order statistics for the bench: these machines are noisy, so budgets compare medians and the
// report shows how far the runs spread, never a single run or a mean.

/**
 * @typedef {object} Summary
 * @property {number} n number of samples
 * @property {number} median
 * @property {number} p25 first quartile
 * @property {number} p75 third quartile
 * @property {number} p90
 * @property {number} iqr interquartile range (p75 − p25)
 * @property {number} mad median absolute deviation from the median
 * @property {number} min
 * @property {number} max
 */

/**
 * Sorted copy of the finite samples; NaN and infinities (a run that never finished) are dropped.
 * @param {readonly number[]} samples
 * @returns {number[]}
 */
function sortedFinite(samples) {
  return samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b)
}

/**
 * The q-quantile (0 ≤ q ≤ 1) by linear interpolation between closest ranks (R's type 7, the
 * spreadsheet PERCENTILE), so that the median of an even count is the mean of the middle two.
 * NaN when there are no finite samples.
 * @param {readonly number[]} samples
 * @param {number} q
 * @returns {number}
 */
export function quantile(samples, q) {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: q must be within [0, 1], got ${q}`)
  const s = sortedFinite(samples)
  if (s.length === 0) return NaN
  const pos = (s.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  const a = /** @type {number} */ (s[lo])
  const b = /** @type {number} */ (s[hi])
  return a + (b - a) * (pos - lo)
}

/**
 * @param {readonly number[]} samples
 * @returns {number}
 */
export function median(samples) {
  return quantile(samples, 0.5)
}

/**
 * Interquartile range: the width of the middle half of the runs.
 * @param {readonly number[]} samples
 * @returns {number}
 */
export function iqr(samples) {
  return quantile(samples, 0.75) - quantile(samples, 0.25)
}

/**
 * Median absolute deviation: a spread that one stray run (a GC pause, another session's build)
 * cannot inflate, unlike the standard deviation.
 * @param {readonly number[]} samples
 * @returns {number}
 */
export function mad(samples) {
  const m = median(samples)
  return median(sortedFinite(samples).map((x) => Math.abs(x - m)))
}

/**
 * Everything the report prints about one measured figure.
 * @param {readonly number[]} samples
 * @returns {Summary}
 */
export function summarize(samples) {
  const s = sortedFinite(samples)
  return {
    n: s.length,
    median: median(s),
    p25: quantile(s, 0.25),
    p75: quantile(s, 0.75),
    p90: quantile(s, 0.9),
    iqr: iqr(s),
    mad: mad(s),
    min: s.length ? /** @type {number} */ (s[0]) : NaN,
    max: s.length ? /** @type {number} */ (s[s.length - 1]) : NaN,
  }
}

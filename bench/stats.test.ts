import { describe, expect, it } from 'vitest'
import { iqr, mad, median, quantile, summarize } from './stats.mjs'
import { checkBudgets, metricAt, type Budgets } from './budgets.mjs'

describe('bench statistics', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5)
    expect(median([3])).toBe(3)
  })

  it('averages the middle two of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })

  it('interpolates quantiles between ranks (type 7)', () => {
    const s = [10, 20, 30, 40, 50]
    expect(quantile(s, 0)).toBe(10)
    expect(quantile(s, 1)).toBe(50)
    expect(quantile(s, 0.25)).toBe(20)
    expect(quantile(s, 0.9)).toBeCloseTo(46)
    expect(quantile([1, 2], 0.75)).toBe(1.75)
  })

  it('rejects a quantile outside [0, 1]', () => {
    expect(() => quantile([1], 1.5)).toThrow(RangeError)
    expect(() => quantile([1], -0.1)).toThrow(RangeError)
  })

  it('measures spread as IQR and MAD, which one stray run does not blow up', () => {
    const steady = [10, 11, 12, 13, 14]
    const withOutlier = [10, 11, 12, 13, 1000]
    expect(iqr(steady)).toBe(2)
    expect(iqr(withOutlier)).toBe(2)
    expect(mad(steady)).toBe(1)
    expect(mad(withOutlier)).toBe(1)
    expect(median(withOutlier)).toBe(12)
  })

  it('ignores runs that never finished (NaN, Infinity) and is NaN with no data', () => {
    expect(median([NaN, 4, Infinity, 2])).toBe(3)
    expect(median([])).toBeNaN()
    const s = summarize([NaN])
    expect(s.n).toBe(0)
    expect(s.median).toBeNaN()
    expect(s.max).toBeNaN()
  })

  it('summarises every figure the report prints', () => {
    expect(summarize([5, 1, 4, 2, 3])).toEqual({
      n: 5,
      median: 3,
      p25: 2,
      p75: 4,
      p90: 4.6,
      iqr: 2,
      mad: 1,
      min: 1,
      max: 5,
    })
  })
})

describe('bench budgets', () => {
  const budgets: Budgets = {
    timeMargin: 0.25,
    full: [
      { metric: 'paste.16KB.rendered.median', max: 16, unit: 'ms', label: 'paste' },
      { metric: 'startup.js.gzip', max: 1000, unit: 'bytes', label: 'js' },
      { metric: 'verify.RS256.rendered.median', max: 50, unit: 'ms', label: 'verify' },
    ],
    quick: [],
  }
  const results = (paste: number, js: number) => ({
    paste: { '16KB': { rendered: { median: paste } } },
    startup: { js: { gzip: js } },
    verify: { available: false },
  })
  const statuses = (r: unknown) => checkBudgets(r, budgets, 'full').map((v) => v.status)

  it('reads dotted paths and treats a missing step as missing', () => {
    expect(metricAt(results(3, 4), 'startup.js.gzip')).toBe(4)
    expect(metricAt(results(3, 4), 'verify.RS256.rendered.median')).toBeUndefined()
    expect(metricAt(null, 'a.b')).toBeUndefined()
  })

  it('passes within budget, tolerates times within the noise margin, and fails beyond it', () => {
    expect(statuses(results(16, 1000))).toEqual(['pass', 'pass', 'skipped'])
    expect(statuses(results(19.9, 1000))).toEqual(['margin', 'pass', 'skipped'])
    expect(statuses(results(20.1, 1000))).toEqual(['fail', 'pass', 'skipped'])
  })

  it('gives byte budgets no margin, and fails a figure that is NaN', () => {
    expect(statuses(results(1, 1001))).toEqual(['pass', 'fail', 'skipped'])
    expect(statuses(results(NaN, 10))).toEqual(['fail', 'pass', 'skipped'])
  })
})

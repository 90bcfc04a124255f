import { describe, expect, it } from 'vitest'
import { timelineGeometry, type Timeline } from './timeline.ts'

const seed = { iat: 1660909741, nbf: 1660909741, exp: 1692445741, 'kubernetes.io': { warnafter: 1660913348 } }
/** Labels in the same lane must not overlap, with the same width estimate the layout uses. */
function expectNoOverlap(t: Timeline) {
  const boxes = t.marks.map((m) => {
    const w = Math.max(m.label.length, m.detail.length) * 7
    const left = Math.min(Math.max(m.x - w / 2, 0), t.width - w)
    return { lane: m.lane, left, right: left + w }
  })
  for (const a of boxes)
    for (const b of boxes) if (a !== b && a.lane === b.lane) expect(a.right <= b.left || b.right <= a.left).toBe(true)
}
const mark = (t: Timeline, key: string) => t.marks.find((m) => m.key === key)

describe('timelineGeometry', () => {
  it('draws a 10-minute token linearly, with now in proportion', () => {
    const t = timelineGeometry({ iat: 1000, exp: 1600 }, 1300, 600)
    expect(t.shape).toBe('window')
    expect(t.breaks).toEqual([])
    expect(mark(t, 'iat')?.x).toBe(14)
    expect(mark(t, 'exp')?.x).toBe(586)
    expect(t.now).toEqual({ x: 300, where: 'inside' })
    expect(mark(t, 'exp')?.detail).toBe('+10 min')
  })
  it('merges iat and nbf at the same instant into one mark', () => {
    const t = timelineGeometry({ iat: 1000, nbf: 1000, exp: 4600 }, 1300, 600)
    expect(t.marks.map((m) => m.label)).toEqual(['iat = nbf', 'exp'])
  })
  it('breaks the axis of the one-year extended token so its first hour stays readable', () => {
    const t = timelineGeometry(seed, seed.iat + 60, 600)
    const iat = mark(t, 'iat')?.x ?? 0
    const rotation = mark(t, 'rotation')?.x ?? 0
    const warn = mark(t, 'warnafter')?.x ?? 0
    const exp = mark(t, 'exp')?.x ?? 0
    expect(t.breaks).toHaveLength(1)
    // Rotation and warnafter stand well apart from iat and from each other, before the break.
    expect(rotation - iat).toBeGreaterThan(200)
    expect(warn - rotation).toBeGreaterThan(50)
    expect(warn).toBeLessThan(t.breaks[0] ?? 0)
    expect(exp).toBe(586)
    expect(t.segments.map((s) => s.kind)).toEqual(['valid', 'stale'])
    expect(t.summary).toContain('axis is broken')
    expectNoOverlap(t)
  })
  it('keeps a day past warnafter clear of the break: log scale after it', () => {
    const t = timelineGeometry(seed, seed['kubernetes.io'].warnafter + 86400, 600)
    const brk = t.breaks[0] ?? 0
    expect(t.now.where).toBe('inside')
    expect(t.now.x - brk).toBeGreaterThan(40)
    expect(t.now.x).toBeLessThan(mark(t, 'exp')?.x ?? 0)
    // A month before exp is still short of exp by a visible gap.
    const late = timelineGeometry(seed, seed.exp - 30 * 86400, 600)
    expect((mark(late, 'exp')?.x ?? 0) - late.now.x).toBeGreaterThan(2)
  })
  it('keeps the shape of a token viewed years after it expired, now in a zone past a break', () => {
    const t = timelineGeometry(seed, 1790000000, 600)
    expect(t.now.where).toBe('after')
    expect(t.now.x).toBeGreaterThan(mark(t, 'exp')?.x ?? 0)
    expect(t.breaks).toHaveLength(2)
    expect(t.segments.at(-1)?.kind).toBe('after')
    expect(t.summary).toContain('Now is after expiry')
  })
  it('puts now before the start when the token is not yet valid', () => {
    const t = timelineGeometry({ nbf: 2000, exp: 3000 }, 1000, 600)
    expect(t.now.where).toBe('before')
    expect(t.now.x).toBeLessThan(mark(t, 'nbf')?.x ?? 0)
    expect(t.segments[0]?.kind).toBe('before')
  })
  it('draws a token without exp as open-ended', () => {
    const t = timelineGeometry({ iat: 1000 }, 5000, 600)
    expect(t.shape).toBe('open-ended')
    expect(t.segments.at(-1)?.kind).toBe('open')
    expect(t.summary).toContain('never expires')
  })
  it('draws a token with no times at all plainly', () => {
    const t = timelineGeometry({ iss: 'kubernetes/serviceaccount' }, 5000, 400)
    expect(t.shape).toBe('no-times')
    expect(t.marks).toEqual([])
    expect(t.summary).toContain('No iat, nbf or exp')
  })
  it('separates crowded labels into lanes at phone width', () => {
    const t = timelineGeometry(seed, seed.iat + 60, 320)
    const lanes = t.marks.map((m) => m.lane)
    expect(Math.max(...lanes)).toBeGreaterThan(0)
    expectNoOverlap(t)
    expect(t.height).toBeGreaterThan(t.axisY + 14 + 30)
  })
  it('survives iat after exp without dividing by zero', () => {
    const t = timelineGeometry({ iat: 2000, exp: 1000 }, 1500, 600)
    for (const m of t.marks) expect(Number.isFinite(m.x)).toBe(true)
  })
})

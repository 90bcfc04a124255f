import { describe, expect, it } from 'vitest'
import { unwrapPreloads } from '../build/noPreloadHelper.ts'

describe('the preload wrapper is taken off each import()', () => {
  it('leaves the import and what follows it, in place of the call', () => {
    const code = [
      'const ü = "→"; const m = {',
      '\tyaml: () => __vitePreload(() => import("./yaml-!~{004}~.js").then((n) => n.t).then((m) => m.parse), __VITE_PRELOAD__, import.meta.url),',
      '\tboth: () => Promise.all([__vitePreload(() => import("./a.js"), __VITE_PRELOAD__, import.meta.url), 1]),',
      '};',
      'const é = "__vitePreload(";',
    ].join('\n')
    expect(unwrapPreloads(code)).toBe(
      [
        'const ü = "→"; const m = {',
        '\tyaml: () => import("./yaml-!~{004}~.js").then((n) => n.t).then((m) => m.parse),',
        '\tboth: () => Promise.all([import("./a.js"), 1]),',
        '};',
        'const é = "__vitePreload(";',
      ].join('\n'),
    )
  })

  it('leaves a call of any other shape to the helper, which fails on a dependency list', () => {
    const code =
      'x(() => __vitePreload(() => import("./a.js"), ["./b.js"], import.meta.url), __vitePreload(load, __VITE_PRELOAD__))'
    expect(unwrapPreloads(code)).toBe(code)
  })
})

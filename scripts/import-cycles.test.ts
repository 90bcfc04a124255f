// No module in src/ may import itself through others: a cycle makes the evaluation order (and so
// which binding is still undefined) depend on which module is imported first, and it ties chunks
// together. Type-only imports are erased by the compiler and do not count.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const src = join(root, 'src')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : []
  })
}

// Static imports and re-exports with a relative specifier, except `import type` / `export type`.
const IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm

/** The relative modules a file imports at run time. */
export function runtimeImports(file: string, text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(IMPORT)) if (!m[1]) out.push(resolve(dirname(file), m[2]!))
  return out
}

/** One cycle in the graph, as a list of files, or undefined. */
export function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node]
    state.set(node, 'open')
    stack.push(node)
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next)
      if (cycle) return cycle
    }
    stack.pop()
    state.set(node, 'done')
    return undefined
  }
  for (const node of graph.keys()) {
    const cycle = visit(node)
    if (cycle) return cycle
  }
  return undefined
}

describe('import graph', () => {
  it('finds a cycle when there is one, and none in a tree', () => {
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual(['a', 'b', 'c', 'a'])
    expect(
      findCycle(
        new Map([
          ['a', ['b', 'c']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toBeUndefined()
    expect(runtimeImports('/x/a.ts', "import type { T } from './t.ts'\nimport { v } from './v.ts'\n")).toEqual([
      '/x/v.ts',
    ])
  })

  it('has no cycle among the modules of src/ (type-only imports aside)', () => {
    const files = sources(src)
    const graph = new Map(files.map((f) => [f, runtimeImports(f, readFileSync(f, 'utf8'))]))
    // The reading itself works: most modules import others.
    expect([...graph.values()].flat().length).toBeGreaterThan(files.length)
    const cycle = findCycle(graph)
    expect(cycle?.map((f) => relative(root, f))).toBeUndefined()
  })
})

// Each folder of src/core states its public API in its index.ts: a `@module` header that says what
// the folder is for, and explicit names (no `export *`, which hides what a folder offers and lets
// an internal helper become public by accident). Modules outside a folder may still import a file
// inside it directly, because chunks are cut by file and the start-up chunk must name exactly what
// it carries; but only names the index declares public, so the index stays the whole API. A file
// that loads in another chunk than its folder's index (the knowledge base's packs, say) would pull
// that chunk in if the index re-exported it; the index names it in a `@byPath` line instead, and
// all of that file's exports are public.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const core = join(root, 'src', 'core')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : []
  })
}

/** One import or re-export with a relative specifier: the names it takes, or `*`. */
export interface ImportedNames {
  from: string
  names: string[] | '*'
}

const NAMED = /^\s*(?:import|export)\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"](\.{1,2}\/[^'"]+)['"]/gm
const STAR = /^\s*(?:import\s+\*\s+as\s+\w+|export\s+\*(?:\s+as\s+\w+)?)\s+from\s*['"](\.{1,2}\/[^'"]+)['"]/gm

/** The names a module imports (or re-exports) from each relative module, type-only ones included. */
export function importedNames(file: string, text: string): ImportedNames[] {
  const out: ImportedNames[] = []
  for (const m of text.matchAll(NAMED)) {
    const names = m[1]!
      .split(',')
      .map((n) => n.trim().replace(/^type\s+/, ''))
      .filter(Boolean)
      .map((n) => n.split(/\s+as\s+/)[0]!)
    out.push({ from: resolve(dirname(file), m[2]!), names })
  }
  for (const m of text.matchAll(STAR)) out.push({ from: resolve(dirname(file), m[1]!), names: '*' })
  return out
}

/** The names an index module exports, as its consumers see them (after `as`). */
export function exportedNames(text: string): Set<string> {
  const out = new Set<string>()
  for (const m of text.matchAll(/^\s*export\s+(?:type\s+)?\{([^}]*)\}/gm))
    for (const raw of m[1]!.split(',')) {
      const n = raw.trim().replace(/^type\s+/, '')
      if (n) out.add(n.split(/\s+as\s+/).pop()!)
    }
  for (const m of text.matchAll(
    /^\s*export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+(\w+)/gm,
  ))
    out.add(m[1]!)
  return out
}

/** The files an index declares public as a whole, in its `@byPath ./a.ts (chunk) ./b.ts` lines. */
export function byPathFiles(text: string): Set<string> {
  const out = new Set<string>()
  for (const m of text.matchAll(/@byPath\s+([^\n]*)/g))
    for (const f of m[1]!.matchAll(/\.\/([\w.]+\.ts)/g)) out.add(f[1]!)
  return out
}

const folders = readdirSync(core).filter((name) => statSync(join(core, name)).isDirectory())

describe('the public API of each core folder', () => {
  it('reads names from imports and exports the way the compiler does', () => {
    const text = [
      "import { a, type B, c as d } from './x/y.ts'",
      "export type { E } from '../z.ts'",
      "import * as ns from './w.ts'",
    ].join('\n')
    expect(importedNames('/r/f.ts', text)).toEqual([
      { from: '/r/x/y.ts', names: ['a', 'B', 'c'] },
      { from: '/z.ts', names: ['E'] },
      { from: '/r/w.ts', names: '*' },
    ])
    expect([...byPathFiles(' * @byPath ./a.generated.ts (packs) ./b.ts (shapes)\n')]).toEqual([
      'a.generated.ts',
      'b.ts',
    ])
    expect([...exportedNames("export { a, type B, c as d } from './x.ts'\nexport function f() {}\n")]).toEqual([
      'a',
      'B',
      'd',
      'f',
    ])
  })

  it.each(folders)('%s has an index.ts with a @module header and explicit names', (folder) => {
    const path = join(core, folder, 'index.ts')
    let text = ''
    try {
      text = readFileSync(path, 'utf8')
    } catch {
      expect.fail(`src/core/${folder}/index.ts is missing`)
    }
    expect(text, `src/core/${folder}/index.ts needs a TSDoc header with @module`).toMatch(
      /^\/\*\*[\s\S]*?@module[\s\S]*?\*\//,
    )
    expect(text, `src/core/${folder}/index.ts must name what it exports`).not.toMatch(/^\s*export\s+\*\s+from/m)
  })

  it('lets modules outside a folder import only the names its index.ts exports', () => {
    const api = new Map(
      folders.map((f) => {
        let text = ''
        try {
          text = readFileSync(join(core, f, 'index.ts'), 'utf8')
        } catch {
          // Reported by the test above.
        }
        return [f, { names: exportedNames(text), files: byPathFiles(text) }] as const
      }),
    )
    const problems: string[] = []
    for (const file of sources(join(root, 'src'))) {
      const text = readFileSync(file, 'utf8')
      for (const { from, names } of importedNames(file, text)) {
        const rel = relative(core, from)
        if (rel.startsWith('..')) continue
        const [folder, ...rest] = rel.split(sep)
        if (!folder || rest.length === 0) continue
        if (dirname(file) === join(core, folder) || file.startsWith(join(core, folder) + sep)) continue
        const where = `${relative(root, file)} → src/core/${rel}`
        if (rest.length === 1 && (rest[0] === 'index.ts' || api.get(folder)?.files.has(rest[0]!))) {
          if (names !== '*' && rest[0] === 'index.ts')
            for (const n of names) if (!api.get(folder)?.names.has(n)) problems.push(`${where}: ${n} is not exported`)
          continue
        }
        if (names === '*') {
          problems.push(`${where}: import names explicitly, not * (or name the file in a @byPath line)`)
          continue
        }
        for (const n of names)
          if (!api.get(folder)?.names.has(n)) problems.push(`${where}: ${n} is not in src/core/${folder}/index.ts`)
      }
    }
    expect(problems).toEqual([])
  })
})

// What the built index.html makes the browser load at start: its scripts, module preloads and
// stylesheets, and the chunks those scripts import statically (from the build's module list,
// dist/.vite/chunks.json). Dynamic imports are not in the list, which is the point of code splitting.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export function startupAssets(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  const refs = new Set()
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) refs.add(m[1])
  for (const m of html.matchAll(/<link[^>]*rel="(?:modulepreload|stylesheet)"[^>]*href="([^"]+)"/g)) refs.add(m[1])
  for (const m of html.matchAll(/<link[^>]*href="([^"]+)"[^>]*rel="(?:modulepreload|stylesheet)"/g)) refs.add(m[1])
  const files = [...refs].filter((r) => !/^[a-z]+:/i.test(r)).map((r) => r.replace(/^\.?\//, ''))
  const listFile = join(distDir, '.vite/chunks.json')
  if (!existsSync(listFile)) return files
  /** @type {{ file: string, imports: string[] }[]} */
  const chunks = JSON.parse(readFileSync(listFile, 'utf8'))
  const byFile = new Map(chunks.map((c) => [c.file, c]))
  const out = new Set(files)
  const visit = (/** @type {string} */ file) => {
    for (const dep of byFile.get(file)?.imports ?? []) {
      if (out.has(dep)) continue
      out.add(dep)
      visit(dep)
    }
  }
  for (const f of files) visit(f)
  return [...out]
}

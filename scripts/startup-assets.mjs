// What the built index.html makes the browser load at start: its scripts, module preloads and
// stylesheets. Dynamic imports are not in the list, which is the point of code splitting.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export function startupAssets(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  const refs = new Set()
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) refs.add(m[1])
  for (const m of html.matchAll(/<link[^>]*rel="(?:modulepreload|stylesheet)"[^>]*href="([^"]+)"/g)) refs.add(m[1])
  for (const m of html.matchAll(/<link[^>]*href="([^"]+)"[^>]*rel="(?:modulepreload|stylesheet)"/g)) refs.add(m[1])
  return [...refs].filter((r) => !/^[a-z]+:/i.test(r)).map((r) => r.replace(/^\.?\//, ''))
}

// @ts-check
// Build check: the start-up chunk must not carry what is loaded on demand. Reads the module list
// the build writes (dist/.vite/chunks.json, from build/chunkList.ts), so that it names the module
// that got in, rather than guessing from the minified text. Run after `vite build`.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** What may never be in the start-up chunk, with why. */
export const FORBIDDEN = [
  { pattern: /^src\/core\/verify\//, what: 'verification code (src/core/verify/)' },
  { pattern: /(^|\/)node_modules\/jose\//, what: 'jose' },
  { pattern: /(^|\/)node_modules\/yaml\//, what: 'yaml' },
  { pattern: /(^|\/)node_modules\/@tanstack\//, what: '@tanstack' },
  {
    pattern:
      /^src\/core\/(checks\/(shapes|headerRare|claimRare|deceptiveText|dpop|spiffe|github|workloadTokens|decodingNotes|shapeCodes)|k8s\/webhookChecks)\.ts$/,
    what: "the checks of rarer token shapes and decoding's notes (the on-demand `shapes` chunk)",
  },
  {
    pattern: /^src\/core\/checks\/signatureLength\.ts$/,
    what: 'the signature length check (it loads with the checks, after the first view)',
  },
  {
    pattern:
      /^src\/core\/k8s\/(extra|audiences|imagePull|bindingAdvice|legacyAdvice|lifetime|review|provider|advice)\.ts$/,
    what: 'the rarer Kubernetes insights (the on-demand `k8sExtra` chunk)',
  },
  {
    pattern: /^src\/core\/knowledge\/common\.generated\.ts$/,
    what: 'the common pack of registered meanings (the on-demand `common` chunk)',
  },
  {
    pattern: /^src\/core\/encoding\/jsonSteps\.ts$/,
    what: 'the stepwise JSON reader of very long share links (the on-demand `share` chunk)',
  },
  // The two workbenches load with their views (the composer signs with WebCrypto and the verify helpers).
  { pattern: /^src\/(core|ui)\/compare\//, what: 'the compare view (src/core/compare/, src/ui/compare/)' },
  { pattern: /^src\/(core|ui)\/compose\//, what: 'the compose view (src/core/compose/, src/ui/compose/)' },
]

/**
 * @typedef {{ file: string, isEntry: boolean, imports: string[], modules: { id: string, bytes: number }[] }} Chunk
 */

/**
 * The chunks loaded at start: the entry and every chunk it imports statically, transitively.
 * @param {Chunk[]} chunks
 * @returns {Chunk[]}
 */
export function startupChunks(chunks) {
  const byFile = new Map(chunks.map((c) => [c.file, c]))
  /** @type {Map<string, Chunk>} */
  const seen = new Map()
  const visit = (/** @type {Chunk | undefined} */ c) => {
    if (!c || seen.has(c.file)) return
    seen.set(c.file, c)
    for (const f of c.imports) visit(byFile.get(f))
  }
  for (const c of chunks) if (c.isEntry) visit(c)
  return [...seen.values()]
}

/**
 * One line per forbidden module found in the start-up chunks.
 * @param {Chunk[]} chunks
 * @returns {string[]}
 */
export function startupViolations(chunks) {
  const out = []
  for (const chunk of startupChunks(chunks))
    for (const m of chunk.modules)
      for (const f of FORBIDDEN)
        if (f.pattern.test(m.id)) out.push(`${chunk.file} contains ${f.what}: ${m.id} (${m.bytes} B before minifying)`)
  return out
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = process.argv[2] ?? 'dist'
  /** @type {Chunk[]} */
  const chunks = JSON.parse(readFileSync(join(dist, '.vite/chunks.json'), 'utf8'))
  const startup = startupChunks(chunks)
  if (startup.length === 0) {
    console.error('No entry chunk in the module list: the check cannot be trusted.')
    process.exit(1)
  }
  const bad = startupViolations(chunks)
  const count = startup.reduce((n, c) => n + c.modules.length, 0)
  if (bad.length > 0) {
    console.error(`The start-up chunk carries code that must load on demand:\n  ${bad.join('\n  ')}`)
    process.exit(1)
  }
  console.log(
    `Start-up chunks (${startup.map((c) => c.file).join(', ')}): ${count} modules, none loaded on demand elsewhere.`,
  )
}

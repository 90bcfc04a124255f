// Bundle budget: the JavaScript the page loads at start, gzipped, must stay under the budget.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { startupAssets } from './startup-assets.mjs'

// The same budget as the bench's (bench/budgets.json): 90 KB gzip.
const BUDGET_JS_GZIP = 90 * 1024
const dist = process.argv[2] ?? 'dist'
const assets = startupAssets(dist)
let jsRaw = 0
let jsGzip = 0
for (const file of assets) {
  const bytes = readFileSync(join(dist, file))
  const gz = gzipSync(bytes, { level: 9 }).length
  console.log(`${file.padEnd(48)} ${String(bytes.length).padStart(9)} B raw ${String(gz).padStart(8)} B gzip`)
  if (file.endsWith('.js')) {
    jsRaw += bytes.length
    jsGzip += gz
  }
}
const kb = (n) => (n / 1024).toFixed(1)
console.log(`Start-up JavaScript: ${kb(jsRaw)} KB raw, ${kb(jsGzip)} KB gzip (budget ${kb(BUDGET_JS_GZIP)} KB gzip)`)
if (assets.filter((a) => a.endsWith('.js')).length === 0) {
  console.error('No start-up script found in index.html: the size check cannot be trusted.')
  process.exit(1)
}
if (jsGzip > BUDGET_JS_GZIP) {
  console.error(`Over budget by ${kb(jsGzip - BUDGET_JS_GZIP)} KB gzip.`)
  process.exit(1)
}

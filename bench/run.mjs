// @ts-check
// `npm run bench`: builds the production app, serves it, drives Chromium, measures start-up
// bytes, all bytes of a fully explained Kubernetes token, cold start, paste to render, verification and memory, prints a table, writes
// bench/results.json and exits non-zero when a budget in bench/budgets.json is broken.
//   --quick      three runs, start-up bytes (full budget) and the 16 KB paste (generous limit) only (npm test)
//   --no-build   measure the existing dist/ as it is
//   --runs N     runs per timed figure (default 12)
//   --dist DIR   measure another build directory (implies --no-build), e.g. to compare two builds
//   --only LIST  some steps only, comma-separated: cold, explained, paste, verify, memory, adversarial
//                (start-up bytes always)
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { chromium } from '@playwright/test'
import { build, preview } from 'vite'
import { adversarial } from './adversarial.mjs'
import { checkBudgets, formatValue } from './budgets.mjs'
import { coldStart, detectOpenMethod, fullyExplained, memory, pasteToRender, verification } from './measure.mjs'
import { summarize } from './stats.mjs'
import { seedToken, signedWithJwks } from './tokens.mjs'

const root = new URL('..', import.meta.url).pathname
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    dist: { type: 'string' },
    only: { type: 'string' },
    runs: { type: 'string' },
    port: { type: 'string', default: process.env.BENCH_PORT ?? '4187' },
  },
})
const dist = join(root, args.dist ?? 'dist')
const quick = Boolean(args.quick)
const runs = Number(args.runs ?? (quick ? 3 : 12))
const port = Number(args.port)
const steps = new Set(
  args.only
    ? args.only.split(',')
    : quick
      ? ['paste']
      : ['cold', 'explained', 'paste', 'verify', 'memory', 'adversarial'],
)
/** Each adversarial run takes seconds (load, settle, a click), and their spread is small: three are enough. */
const ADVERSARIAL_RUNS = Math.min(runs, 3)
const PASTE_SIZES = quick
  ? { '16KB': 16 * 1024 }
  : { '1KB': 1024, '16KB': 16 * 1024, '256KB': 256 * 1024, '1MB': 1024 * 1024 }

/** @param {string} msg */
const log = (msg) => process.stderr.write(`bench: ${msg}\n`)

if (!args['no-build'] && !args.dist) {
  log('building the production app (vite build)')
  await build({ root, logLevel: 'warn' })
} else if (!existsSync(join(dist, 'index.html'))) {
  throw new Error(`bench: ${dist}/index.html does not exist; build it first (npx vite build)`)
}

const server = await preview({
  root,
  logLevel: 'warn',
  build: { outDir: dist },
  preview: { host: '127.0.0.1', port, strictPort: true, open: false },
})
const baseUrl = `http://127.0.0.1:${port}/`
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  // The same flags as playwright.config.ts.
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
})

/** @type {Record<string, any>} */
const results = {
  meta: {
    dist: args.dist ?? 'dist',
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    runs,
    chromium: browser.version(),
    node: process.version,
    cpus: cpus().length,
    loadAverageAtStart: loadavg()[0],
  },
}
try {
  const seed = seedToken()
  const method = await detectOpenMethod(browser, baseUrl, seed)
  log(
    `cold start opens the token by ${method === 'hash' ? '#token= link' : 'filling the input right after load (no #token= support yet)'}`,
  )

  const coldRuns = []
  for (let i = 0; i < (steps.has('cold') ? runs : 1); i++)
    coldRuns.push(await coldStart(browser, baseUrl, seed, method))
  results.startup = loadedBytes(/** @type {typeof coldRuns[number]} */ (coldRuns[0]).urls)
  if (steps.has('explained')) {
    log('a fully explained Kubernetes token: every chunk loaded once the page is idle')
    results.explained = loadedBytes(await fullyExplained(browser, baseUrl, seed))
  }
  if (steps.has('cold')) {
    results.coldStart = {
      method,
      decodedView: summarize(coldRuns.map((r) => r.decodedView)),
      lcp: summarize(coldRuns.map((r) => r.lcp)),
      longTaskTotal: summarize(coldRuns.map((r) => r.longTaskTotal)),
      domContentLoaded: summarize(coldRuns.map((r) => r.domContentLoaded)),
    }
  }

  results.paste = {}
  for (const [name, chars] of Object.entries(steps.has('paste') ? PASTE_SIZES : {})) {
    log(`paste ${name} × ${runs}`)
    const t = await pasteToRender(browser, baseUrl, chars, runs)
    results.paste[name] = {
      chars,
      rendered: summarize(t.map((x) => x.rendered)),
      nextFrame: summarize(t.map((x) => x.nextFrame)),
      maxLongTask: summarize(t.map((x) => x.maxLongTask)),
    }
  }

  if (steps.has('verify')) {
    results.verify = { available: true }
    for (const alg of /** @type {const} */ (['RS256', 'ES256'])) {
      log(`verify ${alg} × ${runs}`)
      const t = await verification(browser, baseUrl, await signedWithJwks(alg), runs)
      if (t === null) {
        results.verify = { available: false, reason: 'no [data-testid=key-input] in this build' }
        break
      }
      results.verify[alg] = {
        rendered: summarize(t.map((x) => x.rendered)),
        nextFrame: summarize(t.map((x) => x.nextFrame)),
      }
    }
  }
  if (steps.has('memory')) {
    log('memory: 100 pastes')
    results.memory = await memory(browser, baseUrl, 100)
  }
  if (steps.has('adversarial')) {
    results.adversarial = {}
    for (const [key, r] of Object.entries(await adversarial(browser, baseUrl, ADVERSARIAL_RUNS, log))) {
      const pick = (/** @type {(x: (typeof r.runs)[number]) => number | undefined} */ f) =>
        summarize(r.runs.map((x) => f(x) ?? NaN))
      results.adversarial[key] = {
        delivery: r.delivery,
        runs: r.runs.length,
        frozen: r.runs.some((x) => x.frozen),
        frozenAt: r.runs.find((x) => x.frozen)?.frozenAt,
        blank: r.runs.some((x) => x.blank),
        errors: [...new Set(r.runs.flatMap((x) => x.errors))].slice(0, 5),
        firstView: pick((x) => x.firstView),
        maxLongTask: pick((x) => x.maxLongTask),
        longTaskTotal: pick((x) => x.longTaskTotal),
        click: pick((x) => x.click),
        clickLongTask: pick((x) => x.clickLongTask),
        ...(r.runs.some((x) => x.keystroke !== undefined) ? { keystroke: pick((x) => x.keystroke) } : {}),
      }
    }
  }
} finally {
  await browser.close()
  await new Promise((resolve) => server.httpServer.close(resolve))
}

results.meta.loadAverageAtEnd = loadavg()[0]
const budgets = JSON.parse(readFileSync(join(root, 'bench/budgets.json'), 'utf8'))
results.budgets = checkBudgets(results, budgets, quick ? 'quick' : 'full')
writeFileSync(
  join(root, quick ? 'bench/results-quick.json' : 'bench/results.json'),
  JSON.stringify(results, null, 2) + '\n',
)
printReport(results)
const failed = results.budgets.filter((/** @type {{ status: string }} */ v) => v.status === 'fail')
if (failed.length > 0) {
  console.error(`\n${failed.length} budget(s) broken.`)
  process.exitCode = 1
}

/**
 * Raw and gzip (level 9, like scripts/check-size.mjs) sizes of the files the page loaded (before
 * the decoded view showed, or until it went idle), read from dist/ by URL.
 * @param {string[]} urls
 */
function loadedBytes(urls) {
  /** @type {{ file: string, type: 'js' | 'css' | 'html' | 'other', raw: number, gzip: number }[]} */
  const files = []
  for (const url of new Set(urls)) {
    const path = new URL(url).pathname.replace(/^\//, '') || 'index.html'
    const file = join(dist, path)
    if (!existsSync(file)) continue
    const bytes = readFileSync(file)
    const type = /\.js$/.test(path) ? 'js' : /\.css$/.test(path) ? 'css' : /\.html$/.test(path) ? 'html' : 'other'
    files.push({ file: path, type, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length })
  }
  /** @param {(f: typeof files[number]) => boolean} keep */
  const sum = (keep) =>
    files.filter(keep).reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip }), { raw: 0, gzip: 0 })
  return {
    files,
    js: sum((f) => f.type === 'js'),
    css: sum((f) => f.type === 'css'),
    html: sum((f) => f.type === 'html'),
    total: sum(() => true),
  }
}

/** @param {Record<string, any>} r */
function printReport(r) {
  const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KB`
  const ms = (/** @type {number} */ n) => (Number.isFinite(n) ? `${n.toFixed(n < 10 ? 2 : 1)} ms` : '—')
  const spread = (/** @type {import('./stats.mjs').Summary} */ s) =>
    `${ms(s.median)}  (IQR ${ms(s.iqr)}, p90 ${ms(s.p90)}, max ${ms(s.max)})`
  const load = `load average ${r.meta.loadAverageAtStart.toFixed(1)} → ${r.meta.loadAverageAtEnd.toFixed(1)}`
  console.log(
    `\nJWT Explorer bench, ${r.meta.mode} mode, ${r.meta.runs} runs, Chromium ${r.meta.chromium}, ${r.meta.cpus} cores, ${load}\n`,
  )
  console.log('Start-up bytes (loaded before the first decoded view)')
  for (const f of r.startup.files)
    console.log(`  ${f.file.padEnd(40)} ${kb(f.raw).padStart(10)} raw ${kb(f.gzip).padStart(10)} gzip`)
  for (const t of ['js', 'css', 'html', 'total'])
    console.log(
      `  ${t.toUpperCase().padEnd(40)} ${kb(r.startup[t].raw).padStart(10)} raw ${kb(r.startup[t].gzip).padStart(10)} gzip`,
    )
  if (r.explained) {
    console.log('\nA fully explained Kubernetes token (#token= link; everything loaded once the page is idle)')
    for (const f of r.explained.files)
      console.log(`  ${f.file.padEnd(40)} ${kb(f.raw).padStart(10)} raw ${kb(f.gzip).padStart(10)} gzip`)
    console.log(
      `  ${'JS'.padEnd(40)} ${kb(r.explained.js.raw).padStart(10)} raw ${kb(r.explained.js.gzip).padStart(10)} gzip`,
    )
  }
  if (r.coldStart) {
    console.log(
      `\nCold start (${r.coldStart.method === 'hash' ? '#token= link' : 'token filled right after load'}), median (IQR, p90, max)`,
    )
    console.log(`  decoded view       ${spread(r.coldStart.decodedView)}`)
    console.log(`  LCP                ${spread(r.coldStart.lcp)}`)
    console.log(`  long tasks, total  ${spread(r.coldStart.longTaskTotal)}`)
  }
  console.log("\nPaste to render (input event to the token's claim row), median (IQR, p90, max)")
  for (const [name, p] of Object.entries(r.paste)) {
    const x = /** @type {any} */ (p)
    console.log(`  ${name.padEnd(6)} claims ${spread(x.rendered)}`)
    console.log(`  ${''.padEnd(6)} frame  ${ms(x.nextFrame.median)}   longest task ${ms(x.maxLongTask.max)}`)
  }
  if (r.verify) {
    console.log('\nVerification (JWKS pasted to verified), median (IQR, p90, max)')
    if (!r.verify.available) console.log(`  not available: ${r.verify.reason}`)
    else for (const alg of ['RS256', 'ES256']) console.log(`  ${alg}  ${spread(r.verify[alg].rendered)}`)
  }
  if (r.memory) {
    const m = r.memory
    const mb = (/** @type {number} */ n) => `${(n / 1048576).toFixed(2)} MB`
    console.log('\nMemory (JS heap after forced GC)')
    console.log(
      `  empty page ${mb(m.baseline.heap)}, 256 KB shown ${mb(m.with256k.heap)}, cleared ${mb(m.afterFirstClear.heap)}`,
    )
    console.log(
      `  idle with 256 KB shown: main thread busy ${ms(m.idle.taskMsPerSecond)} per second (script ${ms(m.idle.scriptMsPerSecond)}, layout ${ms(m.idle.layoutMsPerSecond)})`,
    )
    console.log(
      `  after ${m.pastes} pastes: shown ${mb(m.withLast.heap)}, cleared ${mb(m.afterPastes.heap)} (+${mb(m.retained)}; DOM nodes ${m.baseline.nodes} → ${m.afterPastes.nodes})`,
    )
    if (m.afterIdle)
      console.log(
        `  65 s later, once expiring caches let go: ${mb(m.afterIdle.heap)} (growth that stays: ${mb(m.growth)})`,
      )
  }
  if (r.adversarial) {
    console.log('\nAdversarial inputs (issue 12), worst of the runs: first view, longest task until settled, click')
    for (const [name, a] of Object.entries(r.adversarial)) {
      const x = /** @type {any} */ (a)
      const state = x.frozen
        ? `FROZEN at ${x.frozenAt} (no answer within 90 s)${x.frozenAt === 'first view' ? '' : `, first view ${ms(x.firstView.max)}`}`
        : `first view ${ms(x.firstView.max)}, longest task ${ms(x.maxLongTask.max)}, click ${ms(x.click.max)} (then ${ms(x.clickLongTask.max)})${x.keystroke ? `, slowest keystroke ${ms(x.keystroke.max)}` : ''}`
      console.log(`  ${name.padEnd(26)} ${x.delivery.padEnd(5)} ${state}${x.blank ? ', BLANK or page error' : ''}`)
    }
  }
  console.log('\nBudgets')
  for (const v of r.budgets) {
    const mark = { pass: 'ok  ', margin: 'ok~ ', fail: 'FAIL', skipped: 'skip' }[/** @type {'pass'} */ (v.status)]
    console.log(
      `  ${mark} ${v.label.padEnd(42)} ${formatValue(v.value, v.unit).padStart(10)}  budget ${formatValue(v.max, v.unit)}${v.unit === 'ms' ? ` (+${Math.round((v.limit / v.max - 1) * 100)} % noise margin)` : ''}`,
    )
  }
}

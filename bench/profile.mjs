// @ts-check
// `node bench/profile.mjs [--size 262144] [--no-build | --dist DIR]`: where the time of one paste goes. Records
// a Chromium timeline and a CPU profile of a single paste (after a warm-up paste) and prints the
// main-thread time by event (script, style, layout, paint) and the functions with the most self
// time. A guide for optimising, not a budget.
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from '@playwright/test'
import { build, preview } from 'vite'
import { installProbe } from './probe.mjs'
import { markerPointer, sizedToken } from './tokens.mjs'

const root = new URL('..', import.meta.url).pathname
const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: String(256 * 1024) },
    'no-build': { type: 'boolean', default: false },
    dist: { type: 'string' },
    port: { type: 'string', default: process.env.BENCH_PORT ?? '4187' },
  },
})
const size = Number(args.size)
const port = Number(args.port)
const outDir = join(root, args.dist ?? 'dist')
if (!args['no-build'] && !args.dist) await build({ root, logLevel: 'warn' })
const server = await preview({
  root,
  logLevel: 'warn',
  build: { outDir },
  preview: { host: '127.0.0.1', port, strictPort: true, open: false },
})
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
})
try {
  const context = await browser.newContext()
  await context.addInitScript(installProbe, '[data-testid=token-kind]')
  const page = await context.newPage()
  await page.goto(`http://127.0.0.1:${port}/`)
  const input = page.getByTestId('token-input')
  await input.fill(sizedToken(size, 'warm'))
  await page.locator(`[data-path="${markerPointer('warm')}"]`).waitFor()
  await input.fill('')
  await page.getByTestId('token-kind').waitFor({ state: 'detached' })

  const cdp = await context.newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] })
  await cdp.send('Profiler.start')
  await page.evaluate((sel) => /** @type {any} */ (window).__bench.arm(sel), `[data-path="${markerPointer('prof')}"]`)
  await input.fill(sizedToken(size, 'prof'))
  const timing = await page.evaluate(() => /** @type {any} */ (window).__bench.result())
  const { profile } = await cdp.send('Profiler.stop')
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'))

  console.log(
    `Paste of ${size} characters: claims after ${timing.rendered.toFixed(1)} ms, next frame after ${timing.nextFrame.toFixed(1)} ms, longest task ${timing.maxLongTask.toFixed(0)} ms\n`,
  )
  /** @type {Map<string, number>} */
  const byEvent = new Map()
  const events = /** @type {{ ph: string, name: string, dur?: number, tid: number, ts: number, args?: any }[]} */ (
    trace.traceEvents
  )
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || (main && e.tid !== main.tid)) continue
    if (
      [
        'FunctionCall',
        'EvaluateScript',
        'UpdateLayoutTree',
        'Layout',
        'Paint',
        'PrePaint',
        'Layerize',
        'HitTest',
        'ParseHTML',
        'MajorGC',
        'MinorGC',
        'V8.GC_SCAVENGER',
        'EventDispatch',
        'RunMicrotasks',
        'TimerFire',
        'FireAnimationFrame',
        'ScheduleStyleRecalculation',
        'IntersectionObserverController::computeIntersections',
        'UpdateLayer',
        'Commit',
      ].includes(e.name)
    ) {
      byEvent.set(e.name, (byEvent.get(e.name) ?? 0) + e.dur / 1000)
    }
  }
  console.log('Main-thread time by event (nested events overlap: FunctionCall contains the script it runs)')
  for (const [name, ms] of [...byEvent].sort((a, b) => b[1] - a[1]).slice(0, 14))
    console.log(`  ${name.padEnd(28)} ${ms.toFixed(1).padStart(8)} ms`)

  /** @type {Map<string, number>} */
  const selfTime = new Map()
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  const dt = profile.timeDeltas ?? []
  ;(profile.samples ?? []).forEach((id, i) => {
    const n = nodes.get(id)
    if (!n) return
    const f = n.callFrame
    const key = `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}` : ''}`
    selfTime.set(key, (selfTime.get(key) ?? 0) + (dt[i + 1] ?? 0) / 1000)
  })
  console.log('\nFunctions by self time (CPU profile; minified names)')
  for (const [name, ms] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, 20))
    console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${name}`)
  console.log(`\n(build: ${outDir})`)
} finally {
  await browser.close()
  await new Promise((resolve) => server.httpServer.close(resolve))
}

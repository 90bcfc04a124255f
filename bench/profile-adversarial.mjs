// @ts-check
// `node bench/profile-adversarial.mjs --input NAME [--dist DIR] [--filter] [--click]`: what the long tasks
// of one adversarial input (src/test/adversarial.mjs) are; `--size N` instead profiles the paste step's
// sized token of N characters (bench/tokens.mjs), filled as the paste step fills it. `--min MS` lists
// shorter tasks too (default 50). Records a Chromium timeline and a CPU profile
// from the paste (or the navigation, for a link) until the page settles, then prints each main-thread
// task over 50 ms with the functions that took its time (inclusive, by name). Build the dist with
// `npx vite build --outDir dist-prof --minify false` to read real names. A guide, not a budget.
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from '@playwright/test'
import { preview } from 'vite'
import { installProbe } from './probe.mjs'
import { sizedToken } from './tokens.mjs'
import { costInputs, moreCostInputs } from '../src/test/adversarial.mjs'

const root = new URL('..', import.meta.url).pathname
const { values: args } = parseArgs({
  options: {
    input: { type: 'string', default: 'claims-50k-paste' },
    dist: { type: 'string', default: 'dist' },
    filter: { type: 'boolean', default: false },
    click: { type: 'boolean', default: false },
    top: { type: 'string', default: '14' },
    size: { type: 'string' },
    min: { type: 'string', default: '50' },
    port: { type: 'string', default: process.env.BENCH_PORT ?? '4187' },
  },
})
const input = args.size
  ? { name: `paste-${args.size}`, delivery: 'paste', text: sizedToken(Number(args.size), 'prof'), fill: true }
  : [...costInputs(), ...moreCostInputs()].find((i) => i.name === args.input)
if (!input) throw new Error(`no input ${args.input}`)
const port = Number(args.port)
const server = await preview({
  root,
  logLevel: 'warn',
  build: { outDir: join(root, args.dist ?? 'dist') },
  preview: { host: '127.0.0.1', port, strictPort: true, open: false },
})
const baseUrl = `http://127.0.0.1:${port}/`
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
})
try {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Paris' })
  await context.addInitScript(installProbe, '[data-testid=token-kind]')
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 })
  if (input.delivery === 'paste') {
    await page.goto(baseUrl, { waitUntil: 'load' })
    await page.waitForTimeout(2500)
  }
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] })
  await cdp.send('Profiler.start')
  if (input.delivery === 'link') {
    await page.goto(`${baseUrl}${input.text}`, { waitUntil: 'commit' })
  } else if ('fill' in input) {
    await page.locator('[data-testid=token-input]').fill(input.text)
  } else {
    await page.locator('[data-testid=token-input]').evaluate((box, t) => {
      const area = /** @type {HTMLTextAreaElement} */ (box)
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(area, t)
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }))
    }, input.text)
  }
  await page.locator('[data-testid=token-kind]').waitFor({ timeout: 120_000 })
  await page.waitForTimeout(4000)
  if (args.filter) {
    await page.locator('[data-testid=claim-filter]').focus()
    for (const key of [...'c12k', 'Backspace', 'Backspace', 'Backspace', 'Backspace']) {
      await page.keyboard.press(key)
      await page.waitForTimeout(300)
    }
    await page.waitForTimeout(1500)
  }
  if (args.click) {
    await page.locator('[data-testid=share-button]').click()
    await page.waitForTimeout(2000)
  }
  const { profile } = await cdp.send('Profiler.stop')
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'))
  const events =
    /** @type {{ ph: string, name: string, dur?: number, tid: number, pid: number, ts: number, args?: any }[]} */ (
      trace.traceEvents
    )
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  // The renderer with the most script time is the page's.
  let mainTid = -1
  let best = -1
  for (const m of mains) {
    const t = events
      .filter((e) => e.tid === m.tid && e.pid === m.pid && e.name === 'RunTask')
      .reduce((s, e) => s + (e.dur ?? 0), 0)
    if (t > best) ((best = t), (mainTid = m.tid))
  }
  const tasks = events
    .filter((e) => e.ph === 'X' && e.tid === mainTid && e.name === 'RunTask' && (e.dur ?? 0) > Number(args.min) * 1000)
    .sort((a, b) => a.ts - b.ts)
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  /** @type {Map<number, number>} */
  const parent = new Map()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  /** @type {number[]} */
  const times = []
  let t = profile.startTime
  for (const d of profile.timeDeltas ?? []) times.push((t += d))
  const name = (/** @type {number} */ id) => {
    const f = nodes.get(id)?.callFrame
    if (!f) return '?'
    return `${f.functionName || '(anon)'} ${f.url ? f.url.split('/').pop() + ':' + (f.lineNumber + 1) : ''}`.trim()
  }
  const t0 = tasks[0]?.ts ?? 0
  console.log(`${input.name}: ${tasks.length} tasks over ${args.min} ms`)
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0)
    /** @type {Map<string, number>} */
    const incl = new Map()
    /** @type {Map<string, number>} */
    const self = new Map()
    let n = 0
    ;(profile.samples ?? []).forEach((id, i) => {
      const ts = times[i] ?? 0
      if (ts < task.ts || ts > end) return
      n++
      self.set(name(id), (self.get(name(id)) ?? 0) + 1)
      const seenNames = new Set()
      for (let x = /** @type {number | undefined} */ (id); x !== undefined; x = parent.get(x)) seenNames.add(name(x))
      for (const s of seenNames) incl.set(s, (incl.get(s) ?? 0) + 1)
    })
    const sub = events
      .filter(
        (e) =>
          e.ph === 'X' &&
          e.tid === mainTid &&
          e.ts >= task.ts &&
          e.ts < end &&
          ['Layout', 'UpdateLayoutTree', 'Paint', 'PrePaint', 'MajorGC', 'MinorGC', 'ParseHTML'].includes(e.name),
      )
      .reduce((m, e) => m.set(e.name, (m.get(e.name) ?? 0) + (e.dur ?? 0) / 1000), new Map())
    const ms = (/** @type {number} */ c) => ((c / Math.max(1, n)) * (task.dur ?? 0)) / 1000
    console.log(
      `\n— task at +${((task.ts - t0) / 1000).toFixed(0)} ms, ${((task.dur ?? 0) / 1000).toFixed(0)} ms (${[...sub].map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')})`,
    )
    const skip = /^\(root\)|^\(program\)|^\(anon\)$/
    const top = Number(args.top)
    console.log(
      '  inclusive: ' +
        [...incl]
          .filter(([k]) => !skip.test(k))
          .sort((a, b) => b[1] - a[1])
          .slice(0, top)
          .map(([k, c]) => `${k} ${ms(c).toFixed(0)}`)
          .join(' | '),
    )
    console.log(
      '  self:      ' +
        [...self]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 8)
          .map(([k, c]) => `${k} ${ms(c).toFixed(0)}`)
          .join(' | '),
    )
  }
} finally {
  await browser.close()
  await new Promise((resolve) => server.httpServer.close(resolve))
}

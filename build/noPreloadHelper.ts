import { parseSync, type Plugin } from 'vite'

const PRELOAD_HELPER = '\0vite/preload-helper.js'

/**
 * Replaces Vite's preload helper with a direct call. Vite wraps every dynamic `import()` in a
 * helper that preloads the chunk's CSS and module dependencies, even with `modulePreload: false`
 * (vitejs/vite#18551, #13952). This build has neither (one stylesheet, `modulePreload: false`), so
 * every list the helper receives is empty and its 3.4 KB only ever calls the import. A failed load
 * still rejects, which is what src/app/modules.ts and src/ui/lazyViews.ts turn into state.
 */
export function noPreloadHelperPlugin(): Plugin {
  return {
    name: 'jwt-explorer:no-preload-helper',
    enforce: 'pre',
    apply: 'build',
    // The call itself is left at every import() (`__vitePreload(() => import(…), deps, url)`): with
    // the helper a plain call, the wrapper is 30 bytes a site for nothing, so the import stands alone.
    renderChunk(code) {
      if (!code.includes('__vitePreload(')) return null
      const out = unwrapPreloads(code)
      return out === code ? null : { code: out, map: null }
    },
    load: {
      filter: { id: /^\0vite\/preload-helper\.js$/ },
      handler(id) {
        if (id !== PRELOAD_HELPER) return null
        // A dependency list would mean the assumption above broke: fail loudly rather than skip it.
        return `export const __vitePreload = (load, deps) =>
  deps && deps.length ? Promise.reject(new Error('unexpected preload list: ' + deps)) : load()`
      },
    },
  }
}

interface Node {
  type: string
  start: number
  end: number
  [key: string]: unknown
}

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && typeof (v as Node).type === 'string'

/**
 * `code` with every `__vitePreload(() => import(…)…, __VITE_PRELOAD__, import.meta.url)` replaced
 * by the arrow's body, the import itself. A call of any other shape is left to the helper, which
 * fails loudly on a dependency list.
 */
export function unwrapPreloads(code: string): string {
  const calls: { start: number; end: number; body: string }[] = []
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (!isNode(node)) return
    const [load, deps] = (node.arguments as unknown[] | undefined) ?? []
    const callee = node.callee
    if (
      node.type === 'CallExpression' &&
      isNode(callee) &&
      callee.name === '__vitePreload' &&
      isNode(load) &&
      load.type === 'ArrowFunctionExpression' &&
      (load.params as unknown[]).length === 0 &&
      load.expression === true &&
      isNode(deps) &&
      deps.name === '__VITE_PRELOAD__' &&
      code.startsWith('__vitePreload(', node.start)
    ) {
      const body = load.body as Node
      calls.push({ start: node.start, end: node.end, body: unwrapPreloads(code.slice(body.start, body.end)) })
      return
    }
    for (const key of Object.keys(node)) if (key !== 'type' && key !== 'start' && key !== 'end') visit(node[key])
  }
  visit(parseSync('chunk.js', code).program)
  let out = code
  for (const c of calls.sort((a, b) => b.start - a.start)) out = out.slice(0, c.start) + c.body + out.slice(c.end)
  return out
}

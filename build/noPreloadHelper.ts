import type { Plugin } from 'vite'

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

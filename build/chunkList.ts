import { relative } from 'node:path'
import type { Plugin } from 'vite'

/** One chunk of the production build, as `dist/.vite/chunks.json` lists it. */
export interface ChunkEntry {
  file: string
  name: string
  isEntry: boolean
  isDynamicEntry: boolean
  /** Chunks this one imports statically (loaded with it) and dynamically (on demand). */
  imports: string[]
  dynamicImports: string[]
  /** Every module bundled into the chunk, relative to the project root, with its rendered size. */
  modules: { id: string; bytes: number }[]
}

/** Where the list is written, inside the build's output directory (json: not precached, not loaded). */
export const CHUNK_LIST_FILE = '.vite/chunks.json'

/**
 * Writes the list of chunks and the modules inside each, straight from the bundler's output, so
 * that `scripts/check-startup-modules.mjs` can say which module put jose (say) into the start-up
 * chunk, without guessing from the minified text.
 */
export function chunkListPlugin(): Plugin {
  let root = process.cwd()
  return {
    name: 'jwt-explorer:chunk-list',
    apply: 'build',
    configResolved(config) {
      root = config.root
    },
    generateBundle(_options, bundle) {
      const chunks: ChunkEntry[] = []
      for (const out of Object.values(bundle)) {
        if (out.type !== 'chunk') continue
        chunks.push({
          file: out.fileName,
          name: out.name,
          isEntry: out.isEntry,
          isDynamicEntry: out.isDynamicEntry,
          imports: [...out.imports],
          dynamicImports: [...out.dynamicImports],
          modules: Object.entries(out.modules).map(([id, m]) => ({
            // Virtual modules (\0-prefixed) keep their id; files are named from the project root.
            id: id.startsWith('\0') ? id.slice(1) : relative(root, id).split('\\').join('/'),
            bytes: m.renderedLength,
          })),
        })
      }
      this.emitFile({ type: 'asset', fileName: CHUNK_LIST_FILE, source: JSON.stringify(chunks, null, 1) + '\n' })
    },
  }
}

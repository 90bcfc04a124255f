import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Plugin } from 'vite'
import { cspString } from './csp.ts'

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`

/**
 * The single-file build inlines every script and stylesheet, which `script-src 'self'` would block.
 * Instead of 'unsafe-inline', this allows exactly the inlined code by its SHA-256 hash. It must run
 * after vite-plugin-singlefile has inlined everything, hence `generateBundle` with order 'post',
 * listed after viteSingleFile(). The favicon is inlined too, so the file needs nothing beside it.
 */
export function singleFileCspPlugin(faviconPath: string): Plugin {
  return {
    name: 'jwt-explorer-single-file-csp',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue
          let html = String(file.source)
          const favicon = `data:image/svg+xml;base64,${readFileSync(faviconPath).toString('base64')}`
          html = html.replace(/(<link rel="icon"[^>]*href=")[^"]*(")/, `$1${favicon}$2`)
          const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => sha256(m[1] as string))
          const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1] as string))
          const csp = cspString({
            'script-src': scripts.join(' ') || "'none'",
            'style-src': styles.join(' ') || "'none'",
            // Opened from file:// there is no origin to connect to, and no service worker or manifest.
            'connect-src': "'none'",
            'worker-src': "'none'",
            'manifest-src': "'none'",
          }).replace(/'/g, '&#39;')
          const next = html.replace(/(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")/, `$1${csp}$2`)
          if (next === html || next.includes('computed-after-inlining'))
            this.error('single-file build: the CSP meta tag was not found, so the hashes could not be added')
          file.source = next
        }
      },
    },
  }
}

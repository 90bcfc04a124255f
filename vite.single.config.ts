import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { viteSingleFile } from 'vite-plugin-singlefile'
import { cspPlugin } from './build/csp.ts'
import { noPreloadHelperPlugin } from './build/noPreloadHelper.ts'
import { singleFileCspPlugin } from './build/singleFileCsp.ts'

const PENDING = "'sha256-computed-after-inlining'"

// `npm run build:single`: the whole app in one self-contained HTML file, for air-gapped machines.
// It works opened from file://; there is no service worker (file:// cannot have one).
export default defineConfig({
  base: './',
  // The hash placeholders tell vite-plugin-singlefile the inlined code is allowed; the last plugin
  // replaces them with the real hashes once everything is inlined.
  plugins: [
    // As in the page's build: no preload helper, whose lists are always empty here too.
    noPreloadHelperPlugin(),
    react(),
    cspPlugin({ 'script-src': PENDING, 'style-src': PENDING }),
    viteSingleFile(),
    singleFileCspPlugin('public/favicon.svg'),
  ],
  publicDir: false,
  build: {
    target: 'es2022',
    sourcemap: false,
    outDir: 'dist-single',
    emptyOutDir: true,
  },
})

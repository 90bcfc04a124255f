import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { cspPlugin } from './build/csp.ts'
import { pwaPlugin } from './build/pwa.ts'

export default defineConfig({
  // A relative base lets the same build be served from any sub-path.
  base: './',
  plugins: [react(), cspPlugin(), pwaPlugin()],
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the entry imports statically goes into one start-up chunk, instead of a dozen
          // small modulepreloaded pieces that each compress on their own (and cost a request).
          groups: [{ name: 'startup', tags: ['$initial'] }],
        },
      },
    },
  },
})

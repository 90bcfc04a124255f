import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    // Property tests run thousands of cases; on a loaded 2-core machine that can take seconds.
    testTimeout: 60_000,
  },
})

import { defineConfig, devices } from '@playwright/test'
import { E2E_PORT } from './e2e/ports.ts'

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
// Its own port, never `npm start`'s 4173, and never a server that is already running: what gets
// tested is always this checkout's build. The hosting specs use the next four ports (e2e/ports.ts).
const PORT = E2E_PORT

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // axe runs over a full page take several seconds each; leave room on a busy 2-core machine.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  workers: 2,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    headless: true,
    trace: 'retain-on-failure',
    locale: 'en-GB',
    timezoneId: 'Europe/Paris',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
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
        },
      },
    },
  ],
  // Serves the production build: run `vite build` first (npm test does).
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
})

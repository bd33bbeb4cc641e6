// End-to-end tests in Debian's Chromium (never a downloaded browser), against dist/ served under a sub-path.
import { defineConfig } from '@playwright/test';

const port = 8089;
export const paoPort = 8090;
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.mjs/,
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}/transparency/`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: [
    {
      command: `node server.mjs`,
      env: { PORT: String(port), BASE_PATH: '/transparency/', DIST: '../../dist' },
      url: `http://127.0.0.1:${port}/transparency/index.html`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    // The same app with the 76 real อบจ. budgets published as its data (`make e2e-data`; pao.spec.mjs).
    {
      command: `node server.mjs`,
      env: { PORT: String(paoPort), BASE_PATH: '/transparency/', DIST: '../../dist', DATA: '../../target/e2e-pao/data' },
      url: `http://127.0.0.1:${paoPort}/transparency/index.html`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});

// Runs bench.html (built into target/bench-dist) in Debian's Chromium and prints its JSON result.
//   node tools/bench-browser.mjs [N] [flags|filter]
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(resolve(root, 'tests/e2e/package.json'));
const { chromium } = require('@playwright/test');
const n = process.argv[2] ?? '1000000';
const mode = process.argv[3] ?? 'flags';
const port = 8091;
const server = spawn('node', ['server.mjs'], { cwd: resolve(root, 'tests/e2e'), env: { ...process.env, PORT: String(port), BASE_PATH: '/bench/', DIST: resolve(root, 'target/bench-dist') }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', String(e)));
  await page.goto(`http://127.0.0.1:${port}/bench/index.html?n=${n}&mode=${mode}`);
  await page.waitForFunction(() => document.getElementById('result')?.textContent?.startsWith('{'), null, { timeout: 1_800_000 });
  console.log(await page.locator('#result').textContent());
} finally {
  await browser.close();
  server.kill();
}

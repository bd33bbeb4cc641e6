// Runs bench.html (built into target/bench-dist) in Debian's Chromium and prints its JSON result.
//   node tools/bench-browser.mjs [N[,N…]] [flags|filter|engines]
// Several sizes run one after the other in the same browser, each in a fresh page, and print a JSON array.
// The size `published` reads the data folder BENCH_DATA (served as data/) instead of generating processes.
// The machine's load average before and after the run is added to the result, as make bench's report shows it.
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { spawn } from 'node:child_process';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(resolve(root, 'tests/e2e/package.json'));
const { chromium } = require('@playwright/test');
const sizes = (process.argv[2] ?? '1000000').split(',');
const mode = process.argv[3] ?? 'flags';
const port = 8091;
const server = spawn('node', ['server.mjs'], { cwd: resolve(root, 'tests/e2e'), env: { ...process.env, PORT: String(port), BASE_PATH: '/bench/', DIST: resolve(root, process.env.BENCH_DIST ?? 'target/bench-dist'), DATA: process.env.BENCH_DATA ? resolve(process.env.BENCH_DATA) : '' }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
try {
  const results = [];
  for (const n of sizes) {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', String(e)));
    const before = loadavg();
    await page.goto(`http://127.0.0.1:${port}/bench/index.html?${n === 'published' ? 'published=1' : `n=${n}`}&mode=${mode}`);
    await page.waitForFunction(() => document.getElementById('result')?.textContent?.startsWith('{'), null, { timeout: 1_800_000 });
    const result = JSON.parse(await page.locator('#result').textContent());
    result.load_average = { before, after: loadavg() };
    results.push(result);
    await page.close();
  }
  console.log(JSON.stringify(sizes.length === 1 ? results[0] : results));
} finally {
  await browser.close();
  server.kill();
}

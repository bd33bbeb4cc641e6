// The overview tab over published data, cold, in Debian's Chromium: navigation to the provinces' table, with the
// bytes and files fetched and the longest main-thread task; then one province's table (a click), and a sort.
//   node tools/bench/overview.mjs DATA_DIR [year]
// DATA_DIR is what `locallens publish` wrote; dist/ must be built (make dist). Prints one JSON object.
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { cpSync, rmSync, symlinkSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(resolve(root, 'tests/e2e/package.json'));
const { chromium } = require('@playwright/test');
const [dataDir, year] = process.argv.slice(2);
const out = resolve(root, 'target/bench-overview-dist');

rmSync(out, { recursive: true, force: true });
cpSync(resolve(root, 'dist'), out, { recursive: true });
rmSync(resolve(out, 'data'), { recursive: true, force: true });
symlinkSync(resolve(dataDir), resolve(out, 'data'));

const port = 8094;
const server = spawn('node', ['server.mjs'], { cwd: resolve(root, 'tests/e2e'), env: { ...process.env, PORT: String(port), BASE_PATH: '/o/', DIST: out }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', String(e)));
  await page.addInitScript(() => {
    window.__longest = 0;
    window.__tasksOver200 = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__longest = Math.max(window.__longest, e.duration);
        if (e.duration > 200) window.__tasksOver200++;
      }
    }).observe({ type: 'longtask', buffered: true });
  });
  let bytes = 0;
  let files = 0;
  page.on('requestfinished', async (req) => {
    if (!req.url().includes('/data/')) return;
    const sizes = await req.sizes().catch(() => null);
    if (sizes) { bytes += sizes.responseBodySize; files++; }
  });
  const rows = page.getByTestId('overview-table').locator('tbody tr');
  const t0 = Date.now();
  await page.goto(`http://127.0.0.1:${port}/o/index.html?tab=overview&lang=en${year ? `&byear=${year}` : ''}`);
  await rows.first().waitFor({ timeout: 600_000 });
  const result = {
    national_table_ms: Date.now() - t0,
    provinces: await rows.count(),
    total_processes: await page.getByTestId('overview-total-row').locator('[data-col="processes"]').textContent(),
    data_files: files,
    data_bytes: bytes,
  };
  const t1 = Date.now();
  await rows.first().getByRole('link').click();
  await page.waitForURL(/province=/);
  await rows.first().waitFor();
  result.province_table_ms = Date.now() - t1;
  result.province_organisations = await rows.count();
  const t2 = Date.now();
  await page.getByTestId('overview-table').locator('th[data-sort="per-capita"] a').click();
  await page.waitForURL(/osort=-per-capita/);
  await page.getByTestId('overview-table').locator('th[data-sort="per-capita"][aria-sort="descending"]').waitFor();
  result.sort_ms = Date.now() - t2;
  const { longest, over } = await page.evaluate(() => ({ longest: window.__longest, over: window.__tasksOver200 }));
  Object.assign(result, { longest_task_ms: Math.round(longest), tasks_over_200ms: over });
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  server.kill();
}

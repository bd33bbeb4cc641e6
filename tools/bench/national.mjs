// The national view over published data, cold, in Debian's Chromium: from navigation to the first table of all
// procurement, with the bytes and files fetched, the longest main-thread task (PerformanceObserver 'longtask')
// and the processes counted; then a method facet on and off through the whole app, input to next paint.
//   node tools/bench/national.mjs DATA_DIR [runs]
// DATA_DIR is what `locallens publish` wrote; dist/ must be built (make dist). Prints one JSON object.
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { cpSync, rmSync, symlinkSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(resolve(root, 'tests/e2e/package.json'));
const { chromium } = require('@playwright/test');
const [dataDir, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const out = resolve(root, 'target/bench-national-dist');

rmSync(out, { recursive: true, force: true });
cpSync(resolve(root, 'dist'), out, { recursive: true });
rmSync(resolve(out, 'data'), { recursive: true, force: true });
symlinkSync(resolve(dataDir), resolve(out, 'data'));

const port = 8093;
const server = spawn('node', ['server.mjs'], { cwd: resolve(root, 'tests/e2e'), env: { ...process.env, PORT: String(port), BASE_PATH: '/n/', DIST: out }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

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
  const t0 = Date.now();
  await page.goto(`http://127.0.0.1:${port}/n/index.html?tab=procurement&lang=en`);
  await page.waitForSelector('[data-testid="process-table"] tbody tr', { timeout: 1_800_000 });
  const loadMs = Date.now() - t0;
  const total = await page.getByTestId('total-count').textContent();
  const { longest, over } = await page.evaluate(() => ({ longest: window.__longest, over: window.__tasksOver200 }));
  const result = { load_to_first_table_ms: loadMs, processes_shown: total, data_files: files, data_bytes: bytes, longest_task_ms: Math.round(longest), tasks_over_200ms: over };

  const selector = '[data-testid="method-facet"] [data-value="limited"] a';
  const times = [];
  for (let i = 0; i < 2 * runs; i++) {
    times.push(await page.evaluate(async (selector) => {
      const total = document.querySelector('[data-testid="total-count"]');
      const before = total.textContent;
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const t0 = performance.now();
      const changed = new Promise((resolve) => {
        const o = new MutationObserver(() => { if (total.textContent !== before) { o.disconnect(); resolve(); } });
        o.observe(total, { childList: true, subtree: true, characterData: true });
      });
      document.querySelector(selector).click();
      await changed;
      await frame();
      return performance.now() - t0;
    }, selector));
  }
  result.method_facet_input_to_paint_ms = Number(median(times).toFixed(1));
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  server.kill();
}

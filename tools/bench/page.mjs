// What the browser benchmarks over published data share: dist/ copied with DATA_DIR as its data/, served by the
// e2e static server under `base`, Debian's Chromium, and a page that records its longest main-thread task and
// the bytes and files it fetched from data/.
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { cpSync, rmSync, symlinkSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(resolve(root, 'tests/e2e/package.json'));
const { chromium } = require('@playwright/test');

/** Serves dist/ (or $DIST, for a build that keeps function names) with `dataDir` as data/ at
 * http://127.0.0.1:`port`/`base`/; returns the URL, browser and a stop. */
export async function serve(dataDir, name, port) {
  const out = resolve(root, `target/bench-${name}-dist`);
  rmSync(out, { recursive: true, force: true });
  cpSync(resolve(root, process.env.DIST ?? 'dist'), out, { recursive: true });
  rmSync(resolve(out, 'data'), { recursive: true, force: true });
  symlinkSync(resolve(dataDir), resolve(out, 'data'));
  const base = `/${name}/`;
  const server = spawn('node', ['server.mjs'], { cwd: resolve(root, 'tests/e2e'), env: { ...process.env, PORT: String(port), BASE_PATH: base, DIST: out }, stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 500));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const stop = async () => { await browser.close(); server.kill(); };
  return { url: `http://127.0.0.1:${port}${base}`, browser, stop };
}

/** A page that counts long tasks (`window.__longest`, `window.__tasksOver200`) and what it fetches from data/. */
export async function instrumentedPage(browser) {
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
  const fetched = { bytes: 0, files: 0 };
  page.on('requestfinished', async (req) => {
    if (!req.url().includes('/data/')) return;
    const sizes = await req.sizes().catch(() => null);
    if (sizes) { fetched.bytes += sizes.responseBodySize; fetched.files++; }
  });
  const longTasks = () => page.evaluate(() => ({ longest: Math.round(window.__longest), over: window.__tasksOver200 }));
  return { page, fetched, longTasks };
}

// Clicks `selector` and resolves with the milliseconds from the click to the next frame after the total count
// changed: a facet change as the reader sees it, including the tasks the app queues before that frame.
export function facetToPaint(page, selector) {
  return page.evaluate(async (selector) => {
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
  }, selector);
}

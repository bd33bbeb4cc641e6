// The national view over published data, cold, in Debian's Chromium: from navigation to the first table of all
// procurement, with the bytes and files fetched, the longest main-thread task (PerformanceObserver 'longtask')
// and the processes counted; then a method facet on and off through the whole app, input to next paint.
//   node tools/bench/national.mjs DATA_DIR [runs]
// DATA_DIR is what `locallens publish` wrote; dist/ must be built (make dist). Prints one JSON object.
// With PROFILE=DIR it also writes DIR/load.cpuprofile and DIR/facet.cpuprofile (open them in DevTools) and adds
// the functions with the most self time in each to the JSON; use it with DIST= a build that keeps wasm names.
import { mkdirSync } from 'node:fs';
import { serve, instrumentedPage } from './page.mjs';
import { startProfile } from './profile.mjs';

const [dataDir, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const { url, browser, stop } = await serve(dataDir, 'national', 8093);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  const { page, fetched, longTasks } = await instrumentedPage(browser);
  const profileDir = process.env.PROFILE;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  let stopProfile = profileDir ? await startProfile(page) : null;
  const t0 = Date.now();
  await page.goto(`${url}index.html?tab=procurement&lang=en`);
  await page.waitForSelector('[data-testid="process-table"] tbody tr', { timeout: 1_800_000 });
  const loadMs = Date.now() - t0;
  const total = await page.getByTestId('total-count').textContent();
  const { longest, over } = await longTasks();
  const result = { load_to_first_table_ms: loadMs, processes_shown: total, data_files: fetched.files, data_bytes: fetched.bytes, longest_task_ms: longest, tasks_over_200ms: over };
  if (stopProfile) {
    result.load_profile = await stopProfile(`${profileDir}/load.cpuprofile`);
    stopProfile = await startProfile(page);
  }

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
  if (stopProfile) result.facet_profile = await stopProfile(`${profileDir}/facet.cpuprofile`);
  console.log(JSON.stringify(result));
} finally {
  await stop();
}

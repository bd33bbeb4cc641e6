// The national view over published data, cold, in Debian's Chromium: from navigation to the first table of all
// procurement, with the bytes and files fetched, the longest main-thread task (PerformanceObserver 'longtask')
// and the processes counted; then a method facet on and off through the whole app, input to next paint.
//   node tools/bench/national.mjs DATA_DIR [runs]
// DATA_DIR is what `locallens publish` wrote; dist/ must be built (make dist). Prints one JSON object.
// With PROFILE=DIR it also writes DIR/load.cpuprofile and DIR/facet.cpuprofile (open them in DevTools) and adds
// the functions with the most self time in each to the JSON; use it with DIST= a build that keeps wasm names.
// With TRACE=1 it traces as many more facet changes and adds the main thread's time per change in script,
// style, layout and paint (nested: RunTask holds the rest).
import { mkdirSync } from 'node:fs';
import { serve, instrumentedPage, facetToPaint } from './page.mjs';
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
    times.push(await facetToPaint(page, selector));
  }
  result.method_facet_input_to_paint_ms = Number(median(times).toFixed(1));
  if (stopProfile) result.facet_profile = await stopProfile(`${profileDir}/facet.cpuprofile`);
  if (process.env.TRACE) {
    // The browser's own share of a facet change (layout, paint), which a CPU profile lumps as "(program)".
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    const n = 2 * runs;
    for (let i = 0; i < n; i++) await facetToPaint(page, selector);
    const trace = JSON.parse(await browser.stopTracing());
    const events = trace.traceEvents ?? trace;
    const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
    const names = ['RunTask', 'FunctionCall', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize'];
    const per = Object.fromEntries(names.map((k) => [k, 0]));
    for (const e of events) {
      if (e.ph === 'X' && e.dur && e.name in per && main.has(`${e.pid}:${e.tid}`)) per[e.name] += e.dur / 1000 / n;
    }
    result.facet_trace_ms_per_change = Object.fromEntries(Object.entries(per).map(([k, v]) => [k, Number(v.toFixed(1))]));
  }
  console.log(JSON.stringify(result));
} finally {
  await stop();
}

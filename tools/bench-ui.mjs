// Filter-change latency through the real app: 100,000 generated processes served as static files, opened in
// Debian's Chromium, then each reader action is timed from the click to the next painted frame after the
// figures changed and the charts were redrawn. Each figure is the median of 2 × runs changes.
// Loading time is printed too.
//   node tools/bench-ui.mjs SCALE.jsonl [runs]
// SCALE.jsonl comes from `locallens demo --processes N --out DIR`; dist/ must be built (make dist).
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { createReadStream, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(resolve(root, 'tests/e2e/package.json'));
const { chromium } = require('@playwright/test');
const [scale, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 9);
const out = resolve(root, 'target/bench-ui-dist');
const PER_FILE = 5000;

// The app as built, with a catalog of the 15 demo organisations and the generated processes split in files.
rmSync(out, { recursive: true, force: true });
cpSync(resolve(root, 'dist'), out, { recursive: true });
rmSync(resolve(out, 'data/procurement'), { recursive: true, force: true });
mkdirSync(resolve(out, 'data/procurement'), { recursive: true });
const catalog = JSON.parse(readFileSync(resolve(root, 'public/demo/catalog.json'), 'utf8'));
const datasets = [];
let file = null;
let n = 0;
for await (const line of createInterface({ input: createReadStream(scale), crlfDelay: Infinity })) {
  if (!line.trim()) continue;
  if (n % PER_FILE === 0) {
    if (file) await new Promise((r) => file.end(r));
    const url = `procurement/scale-${datasets.length}.jsonl`;
    datasets.push({ id: `scale-${datasets.length}`, kind: 'procurement', format: 'ocds', url, demonstration: true });
    file = createWriteStream(resolve(out, 'data', url));
  }
  // The generator spreads processes over thousands of synthetic buyers; here they belong to the catalog's
  // organisations, so that the organisation facets have something to count.
  const release = JSON.parse(line);
  release.buyer.id = release.buyer.id.split('-')[0];
  if (!file.write(JSON.stringify(release) + '\n')) await new Promise((r) => file.once('drain', r));
  n++;
}
if (file) await new Promise((r) => file.end(r));
writeFileSync(resolve(out, 'data/catalog.json'), JSON.stringify({ ...catalog, datasets }));
console.error(`${n} processes in ${datasets.length} files`);

const port = 8092;
const server = spawn('node', ['server.mjs'], { cwd: resolve(root, 'tests/e2e'), env: { ...process.env, PORT: String(port), BASE_PATH: '/ui/', DIST: out }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });

/**
 * Runs `act` in the page (a click or a submit) and returns the ms until the total count has changed, every chart
 * has been redrawn (charts are drawn after a frame, see components/chart.rs), and a frame has been painted.
 */
const timeAction = (page, act) =>
  page.evaluate(async (act) => {
    const total = document.querySelector('[data-testid="total-count"]');
    const charts = [...document.querySelectorAll('[data-testid="charts"] [data-testid="chart"]')];
    const before = total.textContent;
    const drawnBefore = charts.map((c) => c.dataset.drawn);
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const t0 = performance.now();
    const changed = new Promise((resolve) => {
      const observer = new MutationObserver(() => { if (total.textContent !== before) { observer.disconnect(); resolve(); } });
      observer.observe(total, { childList: true, subtree: true, characterData: true });
    });
    if (act.click) document.querySelector(act.click).click();
    else document.querySelector('form.search button[type="submit"]').click();
    await changed;
    while (charts.some((c, i) => c.dataset.drawn === drawnBefore[i]) && performance.now() - t0 < 5000) await frame();
    await frame();
    return performance.now() - t0;
  }, act);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', String(e)));
  if (process.env.CONSOLE) page.on('console', (m) => console.error('console:', m.text().slice(0, 2000)));
  const t0 = Date.now();
  await page.goto(`http://127.0.0.1:${port}/ui/index.html?tab=procurement`);
  await page.waitForSelector('[data-testid="process-table"] tbody tr', { timeout: 1_800_000 });
  const loadMs = Date.now() - t0;
  const result = { processes: n, load_to_first_table_ms: loadMs };
  const actions = {
    // A facet value on, then off: two filter changes per run.
    method_facet: '[data-testid="method-facet"] [data-value="limited"] a',
    type_facet: '[data-testid="type-facet"] [data-value="sao"] a',
    amount_band: '[data-testid="amount-facet"] [data-value="1"] a',
    flagged: '[data-testid="flagged-facet"] [data-value="1"] a',
  };
  const record = (name, times) => { result[`${name}_ms`] = Number(median(times).toFixed(1)); };
  for (const [name, selector] of Object.entries(actions)) {
    const times = [];
    for (let i = 0; i < runs; i++) {
      times.push(await timeAction(page, { click: selector }));
      times.push(await timeAction(page, { click: selector }));
    }
    record(name, times);
  }
  // A Thai search typed into the box and submitted, then cleared.
  const searchTimes = [];
  for (let i = 0; i < runs; i++) {
    for (const q of ['ถนน', '']) {
      await page.getByTestId('search').fill(q);
      searchTimes.push(await timeAction(page, { submit: true }));
    }
  }
  record('thai_search', searchTimes);
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  server.kill();
}

// The default data is real: กำแพงเพชร's อปท. and their e-GP contracts of FY 2568, published by `make data` from
// data/real-62/. Each expectation is checked against the source rows read here, independently of the app.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { test, expect, watchErrors, accessibilityViolations } from './helpers.mjs';

const SOURCE = new URL('../../data/real-62/62.jsonl.gz', import.meta.url);
const rows = gunzipSync(readFileSync(SOURCE)).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const registry = JSON.parse(readFileSync(new URL('../../data/real-62/localAuthorities.json', import.meta.url), 'utf8'));

// A project of เทศบาลเมืองกำแพงเพชร with one contract (its rows may repeat it: the mirror has repeated rows), a
// winner with a tax id, and an agreed price.
const TOWN = 'เทศบาลเมืองกำแพงเพชร';
const TOWN_CODE = registry.localAuthorities.find((e) => e.nameTh === 'กำแพงเพชร' && e.type === 'town_municipality').dlaCode;
const byProject = new Map();
for (const r of rows) if (r['ชื่อหน่วยงาน'] === TOWN) byProject.set(r['รหัสโครงการ'], [...(byProject.get(r['รหัสโครงการ']) ?? []), r]);
const oneContract = (rs) => new Set(rs.map((r) => `${r['เลขที่สัญญา']}|${r['ชื่อผู้ชนะ']}`)).size === 1;
const [projectId, [row]] = [...byProject].find(([, rs]) => oneContract(rs) && /^\d{13}$/.test(rs[0]['เลขนิติบุคคล'] ?? '') && Number(rs[0]['ราคาตกลงซื้อ/จ้าง']) > 100000);
const baht = (v) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(Number(String(v).replaceAll(',', '')));

test('the default data is real: every อปท. of กำแพงเพชร, with no demonstration banner', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./');
  await expect(page.getByTestId('org-list').locator('tbody tr')).toHaveCount(registry.localAuthorities.length);
  await expect(page.getByTestId('org-list')).toContainText(TOWN);
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a real เทศบาล shows a real contract found by its project id, with its winner and amount as in the source row', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./');
  await page.getByRole('link', { name: TOWN, exact: true }).click();
  await expect(page.getByTestId('org-name')).toHaveText(TOWN);
  await expect(page).toHaveURL(new RegExp(`org=${TOWN_CODE}`));
  await page.getByRole('searchbox').fill(projectId);
  await page.getByRole('searchbox').press('Enter');
  await expect(page.getByTestId('total-count')).toHaveText('1');
  const line = page.getByTestId('process-table').locator('tbody tr').first();
  await expect(line).toContainText(baht(row['ราคาตกลงซื้อ/จ้าง']));
  await line.locator('td.title a').click();
  await expect(page.getByTestId('process-page')).toContainText(row['ชื่อผู้ชนะ'].trim());
  await expect(page.getByTestId('process-page')).toContainText(baht(row['ราคาตกลงซื้อ/จ้าง']));
  await expect(page.getByTestId('process-page')).toContainText(`th-egp-${projectId}`);
  expect(errors).toEqual([]);
});

test('e-GP rows have no bids: bid indicators say they cannot be evaluated, and bidders are "no data", not 0', async ({ page }) => {
  await page.goto(`./?org=${TOWN_CODE}`);
  await expect(page.getByTestId('not-evaluable').filter({ hasText: 'ข้อมูลไม่มีรายการผู้เสนอราคา' })).toContainText('R024');
  await expect(page.getByTestId('bidders')).toHaveText('ไม่มีข้อมูล');
  await page.goto(`./?org=${TOWN_CODE}&lang=en`);
  await expect(page.getByTestId('not-evaluable').filter({ hasText: 'Not evaluable: the data has no bids' })).toHaveCount(1);
});

test('an agency whose rows the mirror capped at 300 says its data may be incomplete', async ({ page }) => {
  const agencies = readFileSync(new URL('../../data/real-62/agencies.csv', import.meta.url), 'utf8').split('\n').slice(1).map((l) => l.split(','));
  const capped = agencies.find((a) => a[5] === 'yes' && a[1].startsWith('เทศบาล'));
  await page.goto('./');
  await page.getByRole('link', { name: capped[1], exact: true }).click();
  await expect(page.getByTestId('incomplete')).toContainText('300');
  await page.goto('./?tab=procurement');
  await expect(page.getByTestId('incomplete')).toContainText(capped[1]);
});

test('the demonstration catalog is one switch away, and labelled there', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('data-switch').click();
  await expect(page).toHaveURL(/data=demo/);
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  await page.getByTestId('data-switch').click();
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
});

// What the catalog that `make data` published lists for one organisation.
const CATALOG = JSON.parse(readFileSync(new URL('../../public/data/catalog.json', import.meta.url), 'utf8'));
const filesOf = (code, kinds) => CATALOG.datasets.filter((d) => d.organisation === code && kinds.includes(d.kind)).map((d) => d.url).sort();
// A shard's row count: the varint after its 8-byte magic (docs/SHARDS.md).
const shardRows = (d) => {
  const bytes = readFileSync(new URL(`../../public/data/${d.url}`, import.meta.url));
  let [n, shift, at] = [0, 0, 8];
  for (;;) {
    const b = bytes[at++];
    n += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return n;
  }
};
const PROVINCE_FILES = CATALOG.datasets.filter((d) => !d.organisation && d.provinceCode && ['rows', 'flags'].includes(d.kind));

test('an organisation page fetches only its own files: its explorer shard and published flags, then one detail file', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => {
    const m = new URL(r.url()).pathname.match(/\/data\/((procurement|flags|rows)\/.+)$/);
    if (m) fetched.push(decodeURIComponent(m[1]));
  });
  await page.goto(`./?org=${TOWN_CODE}`);
  await expect(page.getByTestId('total-count')).not.toHaveText('0');
  const own = filesOf(TOWN_CODE, ['rows', 'flags']);
  expect(own).toEqual([`flags/${TOWN_CODE}-2568.json`, `rows/${TOWN_CODE}-2568.llrows`]);
  expect([...fetched].sort()).toEqual(own);
  // Its signals are the published run's, over the whole fiscal year, not a run over this organisation alone.
  await expect(page.getByTestId('flag-run')).toContainText('คำนวณเมื่อเผยแพร่ข้อมูล');
  // A process reached from its table fetches its organisation's detail file for the year, and nothing else.
  await page.getByTestId('process-table').locator('tbody tr td.title a').first().click();
  await expect(page.getByTestId('timeline')).toBeVisible();
  expect(fetched.slice(2)).toEqual(filesOf(TOWN_CODE, ['procurement']));
  // A changed setting cannot use the published run: the full records are fetched and run in the browser, and
  // the page says its comparison is this organisation's alone.
  await page.goto(`./?org=${TOWN_CODE}&fs.TH08.limit=300000&lang=en`);
  await expect(page.getByTestId('flag-run')).toContainText("this organisation's data only");
});

// Checksums are the browser's SubtleCrypto where the page is a secure context (https, or 127.0.0.1 here); a
// site served over plain http from another host has no `crypto.subtle` and checks them in wasm instead.
const tamperTownShard = async (page) => {
  const shard = CATALOG.datasets.find((d) => d.organisation === TOWN_CODE && d.kind === 'rows');
  await page.route(`**/data/${shard.url}`, async (route) => {
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    body[body.length - 3] ^= 1;
    await route.fulfill({ response, body });
  });
  return shard;
};

test('a shard changed after publishing is refused with a checksum error, and the page says which', async ({ page }) => {
  const shard = await tamperTownShard(page);
  await page.goto(`./?org=${TOWN_CODE}`);
  await expect(page.locator(`[data-dataset="${shard.id}"]`)).toContainText('SHA-256');
  await expect(page.locator(`[data-dataset="${shard.id}"]`)).toContainText('ไม่ตรงกับที่ผู้เผยแพร่ระบุ');
});

test('checksums are computed by SubtleCrypto when the page has it', async ({ page }) => {
  await page.addInitScript(() => {
    window.__digests = 0;
    const digest = SubtleCrypto.prototype.digest;
    SubtleCrypto.prototype.digest = function (...args) {
      window.__digests++;
      return digest.apply(this, args);
    };
  });
  await page.goto(`./?org=${TOWN_CODE}`);
  await expect(page.getByTestId('total-count')).not.toHaveText('0');
  // The catalog's parts, the shard and the flags file at least.
  expect(await page.evaluate(() => window.__digests)).toBeGreaterThanOrEqual(2);
});

test('without crypto.subtle (plain http), checksums are still checked, in wasm', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(Crypto.prototype, 'subtle', { get: () => undefined }));
  await page.goto(`./?org=${TOWN_CODE}`);
  await expect(page.getByTestId('total-count')).not.toHaveText('0');
  const shard = await tamperTownShard(page);
  await page.goto(`./?org=${TOWN_CODE}&lang=en`);
  expect(await page.evaluate(() => typeof crypto.subtle)).toBe('undefined');
  await expect(page.locator(`[data-dataset="${shard.id}"]`)).toContainText('SHA-256');
});

test('all procurement loads the province shards with progress in files, bytes and processes, and can be stopped', async ({ page }) => {
  expect(PROVINCE_FILES.map((d) => d.kind)).toEqual(['flags', 'rows']);
  const rows = PROVINCE_FILES.find((d) => d.kind === 'rows');
  const flags = PROVINCE_FILES.find((d) => d.kind === 'flags');
  // The flags file is held back, so the load is caught halfway: the shard has arrived, the flags have not.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(`**/data/${flags.url}`, async (route) => {
    await held;
    await route.fulfill({ status: 200, body: '[]' }).catch(() => {});
  });
  const procurementFetched = [];
  page.on('request', (r) => {
    if (/\/data\/procurement\//.test(new URL(r.url()).pathname)) procurementFetched.push(r.url());
  });
  await page.goto('./?tab=procurement&lang=en');
  await expect(page.getByTestId('loading-files')).toHaveText('1 / 2');
  await expect(page.getByTestId('loading-bytes')).toContainText(`${(rows.size / 1e6).toFixed(1)} MB`);
  await expect(page.getByTestId('loading-rows')).not.toHaveText('0');
  // The loading box at a phone's width: the stop button whole within the screen's width (below the header, a
  // scroll away), nothing wider than the screen, and axe clean.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.getByTestId('loading-stop').scrollIntoViewIfNeeded();
  const stopBox = await page.getByTestId('loading-stop').boundingBox();
  expect(stopBox.x).toBeGreaterThanOrEqual(0);
  expect(stopBox.x + stopBox.width).toBeLessThanOrEqual(360);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByTestId('loading-stop').click();
  await expect(page.getByTestId('load-stopped')).toContainText('1 / 2');
  // What arrived is usable: every process of the shard is counted (its header says how many), and no signal is
  // claimed.
  await expect(page.getByTestId('total-count')).toHaveText(shardRows(rows).toLocaleString('en-US'));
  await expect(page.getByTestId('flag-run')).toContainText('did not load');
  release();
  expect(procurementFetched).toEqual([]);
});

test('an organisation page says where to complain, as working phone links, in both languages', async ({ page }) => {
  await page.goto(`./?org=${TOWN_CODE}`);
  const turn = page.getByTestId('where-to-turn');
  await expect(turn.getByRole('heading', { level: 2 })).toHaveText('ร้องเรียนและมีส่วนร่วม');
  await expect(turn.getByTestId('complaints')).toContainText('ศูนย์ดำรงธรรมจังหวัดกำแพงเพชร');
  await expect(turn.locator('a[href="tel:1567"]').first()).toBeVisible();
  await expect(turn.locator('a[href="tel:1205"]')).toHaveCount(1);
  // No participation centre is published for it: said, not left blank.
  await expect(turn.getByTestId('participation')).toContainText('ไม่มีข้อมูลติดต่อ');
  await page.goto(`./?org=${TOWN_CODE}&lang=en`);
  await expect(turn.getByTestId('complaints')).toContainText('Kamphaeng Phet Damrongdhama Centre');
  await expect(turn).toContainText('not proof of wrongdoing');
});

test("the อบจ.'s real budget: totals as the ordinance sums them, a breakdown in baht or shares, and its CSV", async ({ page }) => {
  const budgetFile = CATALOG.datasets.find((d) => d.kind === 'budget');
  const budget = JSON.parse(readFileSync(new URL(`../../public/data/${budgetFile.url}`, import.meta.url), 'utf8'));
  const total = budget.expenditure.reduce((s, l) => s + Math.round(l.allocated * 100), 0) / 100;
  const areas = new Set(budget.expenditure.map((l) => l.area));
  await page.goto(`./?org=${budgetFile.organisation}&lang=en`);
  await expect(page.getByTestId('budget-allocated')).toHaveText(baht(total));
  // No disbursement in an ordinance: "no data", never 0.
  await expect(page.getByTestId('budget-disbursed')).toHaveText(/^no data/);
  await expect(page.getByTestId('budget-tree').locator('tr.depth-0')).toHaveCount(areas.size);
  await page.getByRole('link', { name: 'Show shares' }).click();
  await expect(page).toHaveURL(/bshare=1/);
  await expect(page.getByTestId('budget-tree').locator('tfoot td').first()).toHaveText('100.0%');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('budget-csv').click()]);
  const bytes = readFileSync(await download.path());
  // Starts with a byte-order mark, so that Excel reads the Thai names as UTF-8.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.subarray(3).toString('utf8').trim().split('\r\n');
  expect(csv[0]).toMatch(/^level,name,allocated_baht/);
  expect(csv.length - 1).toBe(await page.getByTestId('budget-tree').locator('tbody tr').count());
  // A เทศบาล with no budget file says so.
  await page.goto(`./?org=${TOWN_CODE}`);
  await expect(page.getByTestId('budget')).toContainText('ไม่มีข้อมูลงบประมาณ');
});

test("assessments: none is real, so a real อปท. says so; the demo's are shown, labelled synthetic, with the score its rule gives", async ({ page }) => {
  await page.goto(`./?org=${TOWN_CODE}`);
  await expect(page.getByTestId('assessment')).toContainText('ไม่มีผลการประเมิน');
  const years = [2566, 2567, 2568].map((y) => JSON.parse(readFileSync(new URL(`../../public/demo/assessment/${y}.json`, import.meta.url), 'utf8')));
  const lpa = years.map((f) => f.lpa.find((l) => l.organisation === '6200101'));
  // The demo's rule: the mean of the areas' percentages.
  const score = (l) => l.areas.reduce((s, a) => s + (a.points / a.maximum) * 100, 0) / l.areas.length;
  await page.goto('./?data=demo&org=6200101&lang=en');
  const section = page.getByTestId('assessment');
  await expect(section.getByTestId('assessment-synthetic')).toContainText('Synthetic');
  const rows = section.getByTestId('lpa-years').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.last().locator('td').first()).toHaveText(`${score(lpa[2]).toFixed(1)}%`);
  await expect(rows.last().locator('td').nth(1)).toHaveText(score(lpa[2]) >= lpa[2].passRule.percent ? 'passed' : 'failed');
  await expect(rows.last().locator('td').nth(4)).toHaveText(new RegExp(`^\\d+ / ${years[2].lpa.length}$`));
  await expect(section.getByTestId('ita-years').locator('tbody tr')).toHaveCount(3);
});

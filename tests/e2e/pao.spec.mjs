// The 76 real อบจ. budgets of FY 2565 (ACT × WeVis, ../shared/fixtures/thai-pao-budgets), read by the importer and
// published over a catalog of every อบจ. (`make e2e-data`), served as the app's data by a second server. The
// expected figures are the source files', read here.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { test, expect, watchErrors, csvOf, readCatalog } from './helpers.mjs';
import { paoPort } from './playwright.config.mjs';

const FIXTURES = new URL('../../../shared/fixtures/thai-pao-budgets/2565/', import.meta.url);
const CATALOG = new URL('../../target/e2e-pao/data/catalog.json', import.meta.url);
const ready = existsSync(FIXTURES) && existsSync(CATALOG);
test.skip(!ready, 'make e2e-data did not publish the 76 อบจ. budgets (../shared/fixtures missing)');
test.use({ baseURL: `http://127.0.0.1:${paoPort}/transparency/` });

const read = (name) => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
const files = ready ? readdirSync(FIXTURES).filter((f) => f.startsWith('pao-')).sort() : [];
const nation = ready ? read('nation-wide.json') : null;
const codeOf = ready
  ? new Map(readCatalog(CATALOG).organisations.map((o) => [o.name.th, o.code]))
  : new Map();
const fullName = (file) => `องค์การบริหารส่วนจังหวัด${file.slice('pao-'.length, -'.json'.length)}`;
const baht = (v) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(v);

test('all 76 อบจ. in one catalog: the overview\'s national total equals nation-wide.json\'s', async ({ page }) => {
  const errors = watchErrors(page);
  expect(files.length).toBe(76);
  await page.goto('./?tab=overview&byear=2565');
  await expect(page.getByTestId('overview-table').locator('tbody tr')).toHaveCount(76);
  await expect(page.getByTestId('overview-total-row').locator('[data-col="budget"]')).toHaveText(baht(nation.total));
  await expect(page.getByTestId('overview-budget')).toHaveText(baht(nation.total));
  expect(errors).toEqual([]);
});

// A country's catalog is cut per province (docs/SHARDS.md): the page reads every part once, each checked against
// the SHA-256 the top file lists; a part changed after publishing stops the page with an error that names it.
test('the national catalog is read from its province parts, and a tampered part is refused', async ({ page }) => {
  const top = JSON.parse(readFileSync(CATALOG, 'utf8'));
  expect(top.parts.length).toBe(76);
  expect(top.organisations ?? []).toEqual([]);
  const fetched = [];
  page.on('request', (r) => { if (r.url().includes('/data/catalog')) fetched.push(new URL(r.url()).pathname.replace(/.*\/data\//, '')); });
  await page.goto('./?tab=overview&byear=2565');
  await expect(page.getByTestId('overview-table').locator('tbody tr')).toHaveCount(76);
  expect(fetched.sort()).toEqual(['catalog.json', ...top.parts.map((p) => p.url)].sort());

  const part = top.parts.find((p) => p.provinceCode === '62');
  await page.route(`**/data/${part.url}`, async (route) => {
    const body = (await (await route.fetch()).text()).replace('กำแพงเพชร', 'กำแพงเพชน');
    await route.fulfill({ status: 200, contentType: 'application/json', body });
  });
  await page.goto('./?lang=en');
  const panel = page.getByTestId('load-error');
  await expect(panel).toContainText(part.url);
  await expect(panel).toContainText('SHA-256');
});

test('an อบจ.\'s page reads only its own province\'s part of the national catalog; a page of every province reads all', async ({ page }) => {
  const top = JSON.parse(readFileSync(CATALOG, 'utf8'));
  const file = files[0];
  const code = codeOf.get(fullName(file));
  const own = top.parts.find((p) => p.provinceCode === code.slice(1, 3));
  const fetched = [];
  page.on('request', (r) => { if (r.url().includes('/data/catalog')) fetched.push(new URL(r.url()).pathname.replace(/.*\/data\//, '')); });
  await page.goto(`./?org=${code}&byear=2565`);
  await expect(page.getByTestId('budget-allocated')).toHaveText(baht(read(file).total));
  expect(fetched.sort()).toEqual(['catalog.json', own.url].sort());
  await page.locator('a.brand').click();
  await expect(page.getByTestId('org-list').locator('tbody tr')).toHaveCount(76);
  expect([...new Set(fetched)].sort()).toEqual(['catalog.json', ...top.parts.map((p) => p.url)].sort());
});

test('each province\'s row of the overview\'s CSV has its อบจ. file\'s total', async ({ page }) => {
  await page.goto('./?tab=overview&byear=2565');
  const csv = await csvOf(page, 'overview-csv');
  expect(csv.rows.length).toBe(76);
  const at = (name) => csv.header.indexOf(name);
  const budgetOf = new Map(csv.rows.map((r) => [r[at('จังหวัด')], r[at('งบประมาณ (บาท)')]]));
  for (const file of files) expect(budgetOf.get(file.slice('pao-'.length, -'.json'.length)), file).toBe(String(read(file).total));
});

// Five อบจ. spread over the alphabet: their pages show the file's total and its area, plan and type breakdown.
for (const i of [0, 19, 38, 57, 75]) {
  test(`the page of the อบจ. of ${i + 1}/76 shows its file's total and breakdown`, async ({ page }) => {
    const file = files[i];
    const source = read(file);
    const code = codeOf.get(fullName(file));
    expect(code, fullName(file)).toBeTruthy();
    await page.goto(`./?org=${code}&byear=2565`);
    await expect(page.getByTestId('budget-allocated')).toHaveText(baht(source.total));
    await expect(page.getByTestId('headline-budget')).toContainText(baht(source.total));
    const tree = await page.getByTestId('budget-tree').locator('tbody tr').evaluateAll((rows) =>
      rows.map((r) => [Number(r.className.replace('depth-', '')), r.querySelector('th').textContent, r.querySelector('td').textContent]));
    for (const area of source.groupedByArea) {
      const start = tree.findIndex(([d, label]) => d === 0 && label === area.area);
      expect(start, area.area).toBeGreaterThanOrEqual(0);
      expect(tree[start][2]).toBe(baht(area.total));
      const end = tree.findIndex(([d], j) => j > start && d === 0);
      const plans = tree.slice(start + 1, end < 0 ? undefined : end).filter(([d]) => d === 1);
      for (const plan of area.plans) expect(plans, `${area.area} / ${plan.plan}`).toContainEqual([1, plan.plan, baht(plan.total)]);
    }
    // The icicle draws each line as a filled and an outlined rectangle over a background (lines too narrow to
    // draw are left to the table).
    const rects = await page.getByTestId('budget-icicle').locator('rect').count();
    expect(rects).toBeGreaterThanOrEqual(1 + 2 * source.groupedByArea.length);
    expect(rects).toBeLessThanOrEqual(1 + 2 * tree.length);
    const types = await page.getByTestId('budget-categories').locator('tbody tr').evaluateAll((rows) =>
      rows.map((r) => [r.querySelector('th').textContent, r.querySelector('td').textContent]));
    for (const type of source.groupedByType) expect(types).toContainEqual([type.type, baht(type.total)]);
  });
}

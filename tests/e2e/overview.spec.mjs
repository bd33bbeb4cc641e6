// The overview (tab=overview) and an organisation's headline figures, over the real default data and the
// demonstration catalog. Expected values come from the source files read here, or from another view of the app
// that computes them another way (the explorer's totals), never from the overview itself.
import { readFileSync } from 'node:fs';
import { test, expect, watchErrors, accessibilityViolations, csvOf } from './helpers.mjs';

const registry = JSON.parse(readFileSync(new URL('../../data/real-62/localAuthorities.json', import.meta.url), 'utf8'));
const pao = JSON.parse(readFileSync(new URL('../../data/real-62/2565/pao-กำแพงเพชร.json', import.meta.url), 'utf8'));
const PAO_CODE = registry.localAuthorities.find((e) => e.type === 'provincial_admin_org').dlaCode;
const PROVINCE = encodeURIComponent('กำแพงเพชร');
const num = (text) => Number(String(text).replace(/[,\s%]/g, ''));
const baht = (v) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(v);
const table = (page) => page.getByTestId('overview-table');

test('the national overview lists the province; its link opens the province, one row per อปท.', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?tab=overview&byear=2568');
  await expect(table(page).locator('tbody tr')).toHaveCount(1);
  await expect(table(page).locator('tbody tr').first()).toContainText(String(registry.localAuthorities.length));
  await table(page).getByRole('link', { name: 'กำแพงเพชร' }).click();
  await expect(page).toHaveURL(/tab=overview/);
  await expect(page).toHaveURL(new RegExp(`province=${PROVINCE}`));
  await expect(table(page).locator('tbody tr')).toHaveCount(registry.localAuthorities.length);
  expect(errors).toEqual([]);
});

test('the province overview\'s processes and contract value equal the explorer\'s totals for the same year', async ({ page }) => {
  await page.goto(`./?tab=procurement&province=${PROVINCE}&year=2568`);
  const processes = num(await page.getByTestId('total-count').textContent());
  expect(processes).toBeGreaterThan(1000);
  await page.goto(`./?tab=overview&province=${PROVINCE}&byear=2568`);
  const total = page.getByTestId('overview-total-row');
  await expect(total.locator('[data-col="processes"]')).toHaveText(baht(processes));
  // Every organisation's count, summed, is the total row's.
  const cells = await table(page).locator('tbody [data-col="processes"]').allTextContents();
  expect(cells.filter((c) => /\d/.test(c)).reduce((s, c) => s + num(c), 0)).toBe(processes);
});

test('the overview sorts by a column, largest first then the other way, with the order in the URL', async ({ page }) => {
  await page.goto(`./?tab=overview&province=${PROVINCE}&byear=2568`);
  const header = table(page).locator('th[data-sort="processes"]');
  await header.getByRole('link').click();
  await expect(page).toHaveURL(/osort=-processes/);
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const values = async () => (await table(page).locator('tbody [data-col="processes"]').allTextContents()).filter((c) => /\d/.test(c)).map(num);
  const down = await values();
  expect(down.length).toBeGreaterThan(10);
  expect(down).toEqual([...down].sort((a, b) => b - a));
  await header.getByRole('link').click();
  await expect(page).toHaveURL(/osort=processes/);
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const up = await values();
  expect(up).toEqual([...up].sort((a, b) => a - b));
  // A figure no place has goes last in either order: "no data" rows never lead.
  await page.goto(`./?tab=overview&province=${PROVINCE}&byear=2565&osort=-budget`);
  await expect(table(page).locator('tbody tr').first()).toContainText(baht(pao.total));
  await expect(table(page).locator('tbody tr').nth(1).locator('[data-col="budget"]')).toHaveText('ไม่มีข้อมูล');
});

test('the overview\'s CSV has its rows, in its order, with no data as empty fields', async ({ page }) => {
  await page.goto(`./?tab=overview&province=${PROVINCE}&byear=2565&osort=-budget&lang=en`);
  await expect(table(page).locator('tbody tr')).toHaveCount(registry.localAuthorities.length);
  const csv = await csvOf(page, 'overview-csv');
  expect(csv.name).toBe('overview-กำแพงเพชร-2565.csv');
  expect(csv.rows.length).toBe(registry.localAuthorities.length);
  const at = (name) => csv.header.indexOf(name);
  expect(csv.rows[0][at('dla_code')]).toBe(PAO_CODE);
  expect(csv.rows[0][at('budget_baht')]).toBe(String(pao.total));
  expect(csv.rows[0][at('population')]).toBe(String(pao.pao.population));
  expect(Number(csv.rows[0][at('budget_per_person_baht')])).toBeCloseTo(pao.total / pao.pao.population, 2);
  expect(csv.rows[1][at('budget_baht')]).toBe('');
  const names = await table(page).locator('tbody th > a:first-child').allTextContents();
  expect(csv.rows.map((r) => r[at('name')])).toEqual(names);
});

test('an อบจ.\'s headline figures equal its budget file, and link to the views behind them', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`./?org=${PAO_CODE}&byear=2565`);
  await expect(page.getByTestId('headline-budget')).toContainText(baht(pao.total));
  // Identity: where the office is, as a link to a map the reader may follow.
  await expect(page.getByTestId('org-location')).toHaveAttribute('href', /^https:\/\/www\.openstreetmap\.org\/\?mlat=1[0-9]\.\d+&mlon=9\d\.\d+/);
  await expect(page.getByTestId('headline-per-capita')).toContainText((pao.total / pao.pao.population).toFixed(2));
  await expect(page.getByTestId('headline-value')).toContainText('ไม่มีข้อมูล');
  await page.goto(`./?org=${PAO_CODE}&byear=2568`);
  await expect(page.getByTestId('headline-budget')).toContainText('ไม่มีข้อมูล');
  const processes = num(await page.getByTestId('headline-processes').locator('dd').textContent());
  await page.getByTestId('headline-signals').getByRole('link').click();
  await expect(page).toHaveURL(/flagged=1/);
  await expect(page).toHaveURL(/year=2568/);
  await expect(page.getByTestId('total-count')).toHaveText(String(num((await page.getByTestId('headline-signals').locator('dd').textContent()).split('(')[0])));
  await page.getByTestId('headline-processes').getByRole('link').click();
  await expect(page).not.toHaveURL(/flagged=1/);
  await expect(page.getByTestId('total-count')).toHaveText(baht(processes));
  expect(errors).toEqual([]);
});

test('the demonstration overview says it is synthetic, and shows assessment scores', async ({ page }) => {
  await page.goto('./?data=demo&tab=overview&byear=2568&lang=en');
  await expect(page.getByTestId('overview-synthetic')).toBeVisible();
  const row = table(page).locator('tbody tr').first();
  await expect(row).toContainText('%');
  const csv = await csvOf(page, 'overview-csv');
  expect(csv.header.at(-1)).toBe('data_note');
  for (const r of csv.rows) expect(r.at(-1)).toBe('Synthetic demonstration data (not real)');
  expect(Number(csv.rows[0][csv.header.indexOf('lpa_percent')])).toBeGreaterThan(0);
});

for (const lang of ['th', 'en']) {
  test(`axe passes on the overview, a province's overview and the completeness method (${lang})`, async ({ page }) => {
    for (const url of [`./?tab=overview&lang=${lang}`, `./?tab=overview&province=${PROVINCE}&lang=${lang}`, `./?page=completeness&lang=${lang}`, `./?org=${PAO_CODE}&lang=${lang}`]) {
      await page.goto(url);
      await expect(page.locator('main h1')).toBeVisible();
      if (url.includes('tab=overview')) await expect(table(page)).toBeVisible();
      if (url.includes('org=')) await expect(page.getByTestId('headline-budget')).toBeVisible();
      expect(await accessibilityViolations(page), url).toEqual([]);
    }
  });
}

test('the province overview is usable at 360 px: the table scrolls in its box, not the page', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`./?tab=overview&province=${PROVINCE}`);
  await expect(table(page)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.keyboard.press('Tab');
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('under the budget, procurement by the budget line it names, with what could not be linked', async ({ page }) => {
  const demo = (p) => JSON.parse(readFileSync(new URL(`../../public/demo/${p}`, import.meta.url), 'utf8'));
  const budget = demo('budget/6200101-2567.json');
  const releases = demo('procurement/6200101-2567.json').releases;
  // Each process's planning release names its line; the count is of processes, not releases.
  const named = new Map(releases.filter((r) => r.planning?.budget?.id).map((r) => [r.ocid, r.planning.budget.id]));
  const ids = new Set(budget.expenditure.map((l) => l.id));
  const linked = [...named.values()].filter((id) => ids.has(id)).length;
  expect(linked).toBeGreaterThan(0);
  expect(linked).toBeLessThan(named.size);
  await page.goto('./?data=demo&org=6200101&byear=2567&lang=en');
  await expect(page.getByTestId('budget-link-summary')).toContainText(`${linked} / ${named.size}`);
  await expect(page.getByTestId('budget-link-summary')).toContainText(`not linked: ${named.size - linked}`);
  const counts = await page.getByTestId('budget-link-lines').locator('tbody td:nth-child(3)').allTextContents();
  expect(counts.reduce((s, c) => s + num(c), 0)).toBe(linked);
  const investment = budget.expenditure.filter((l) => l.category === 'งบลงทุน').reduce((s, l) => s + l.allocated, 0);
  await expect(page.getByTestId('budget-investment')).toHaveText(baht(investment));
});

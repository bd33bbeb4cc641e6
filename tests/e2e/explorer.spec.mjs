import { test, expect, watchErrors, csvOf } from './helpers.mjs';
import { readFile } from 'node:fs/promises';

const ORG = './?data=demo&org=6200001&year=2567';
const ALL = './?data=demo&tab=procurement';
const rowsOf = (page) => page.getByTestId('process-table').locator('tbody tr');
const num = (text) => Number(String(text).replace(/[,\s]/g, ''));
const count = async (page) => num(await page.getByTestId('total-count').textContent());
const facetCount = async (page, facet, value) => num(await page.getByTestId(`${facet}-facet`).locator(`[data-value="${value}"] .count`).textContent());

test('a Thai search finds the processes that mention it, however it is spaced', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(ORG);
  await expect(rowsOf(page).first()).toBeVisible();
  const all = await count(page);
  await page.getByTestId('search').fill('ก่อสร้าง ถนน');
  await page.getByTestId('search').press('Enter');
  await expect(page).toHaveURL(/q=/);
  const found = await count(page);
  expect(found).toBeGreaterThan(0);
  expect(found).toBeLessThan(all);
  // Each word is somewhere in the process; here both are in every title.
  for (const title of await rowsOf(page).locator('td.title a').allTextContents()) {
    expect(title).toContain('ก่อสร้าง');
    expect(title).toContain('ถนน');
  }
  // The words joined find those where they are written together: a part of the above.
  await page.goto(`${ORG}&q=${encodeURIComponent('ก่อสร้างถนน')}`);
  const joined = await count(page);
  expect(joined).toBeGreaterThan(0);
  expect(joined).toBeLessThanOrEqual(found);
  // Thai digits find Arabic ones.
  await page.goto(`${ALL}&q=${encodeURIComponent('หมู่ที่ ๑')}`);
  const thaiDigits = await count(page);
  await page.goto(`${ALL}&q=${encodeURIComponent('หมู่ที่ 1')}`);
  await expect(page.getByTestId('total-count')).toHaveText(new Intl.NumberFormat('en-US').format(thaiDigits));
  expect(thaiDigits).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('two facets across organisations narrow each other, and the CSV proves it row by row', async ({ page, request }) => {
  const errors = watchErrors(page);
  const catalog = await (await request.get('./demo/catalog.json')).json();
  const sao = new Set(catalog.organisations.filter((o) => o.type === 'sao').map((o) => o.code));
  await page.goto(ALL);
  await expect(rowsOf(page).first()).toBeVisible();
  const all = await count(page);
  const saoCount = await facetCount(page, 'type', 'sao');
  await page.getByTestId('type-facet').locator('[data-value="sao"] a').click();
  await expect(page).toHaveURL(/type=sao/);
  await expect(page.getByTestId('total-count')).toHaveText(String(saoCount));
  expect(saoCount).toBeLessThan(all);
  // The type facet's own counts do not shrink by its own choice.
  expect(await facetCount(page, 'type', 'pao')).toBeGreaterThan(0);
  const limited = await facetCount(page, 'method', 'limited');
  await page.getByTestId('method-facet').locator('[data-value="limited"] a').click();
  await expect(page).toHaveURL(/method=limited/);
  await expect(page.getByTestId('total-count')).toHaveText(String(limited));
  expect(limited).toBeLessThan(saoCount);
  // Each facet now counts under the other's choice.
  expect(await facetCount(page, 'type', 'sao')).toBe(limited);
  const perOrg = await page.getByTestId('org-facet').locator('.count').allTextContents();
  expect(perOrg.map(num).reduce((a, b) => a + b, 0)).toBe(limited);
  // Independently of the app's counting: every CSV row is an อบต. and เฉพาะเจาะจง, and there are `limited` of them.
  const csv = await csvOf(page);
  expect(csv.name).toMatch(/^locallens-.*-all-all-\d{4}-\d\d-\d\d\.csv$/);
  const code = csv.header.indexOf('รหัสหน่วยงาน');
  const method = csv.header.indexOf('วิธีจัดหา (OCDS)');
  expect(csv.rows.length).toBe(limited);
  for (const row of csv.rows) {
    expect(sao.has(row[code])).toBe(true);
    expect(row[method]).toBe('limited');
  }
  expect(errors).toEqual([]);
});

test('a permalink with filters, order and page restores the same table and totals', async ({ page, browser }) => {
  await page.goto(`${ALL}&type=sao,subdistrict_municipality&min=100000.01&sort=-value&pg=2&q=${encodeURIComponent('ปรับปรุง')}`);
  await expect(rowsOf(page).first()).toBeVisible();
  const total = await page.getByTestId('total-count').textContent();
  const value = await page.getByTestId('total-contract').textContent();
  const showing = await page.getByTestId('showing').first().textContent();
  const ocids = await rowsOf(page).locator('.ocid').allTextContents();
  expect(ocids.length).toBeGreaterThan(0);
  expect(showing).toContain('51–');
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(page.url());
  await expect(other.getByTestId('total-count')).toHaveText(total);
  await expect(other.getByTestId('total-contract')).toHaveText(value);
  await expect(other.getByTestId('showing').first()).toHaveText(showing);
  expect(await rowsOf(other).locator('.ocid').allTextContents()).toEqual(ocids);
  await expect(other.getByTestId('type-facet').locator('li.selected')).toHaveCount(2);
  await fresh.close();
});

test('the CSV of a filtered view has exactly its rows, in the order on screen, across pages', async ({ page }) => {
  await page.goto(`${ALL}&method=open&sort=-ratio`);
  await expect(rowsOf(page).first()).toBeVisible();
  const total = await count(page);
  expect(total).toBeGreaterThan(100);
  const first = await rowsOf(page).locator('.ocid').allTextContents();
  expect(first.length).toBe(50);
  await page.getByTestId('process-list').locator('nav.pager').first().getByRole('link', { name: 'หน้าถัดไป' }).click();
  await expect(page).toHaveURL(/pg=2/);
  await expect(rowsOf(page).first().locator('.ocid')).not.toHaveText(first[0]);
  const second = await rowsOf(page).locator('.ocid').allTextContents();
  const csv = await csvOf(page);
  expect(csv.name).toMatch(/^locallens-.*-all-all-\d{4}-\d\d-\d\d\.csv$/);
  expect(csv.header[1]).toBe('ชื่อโครงการ');
  expect(csv.rows.length).toBe(total);
  expect(csv.rows.slice(0, 50).map((r) => r[0])).toEqual(first);
  expect(csv.rows.slice(50, 100).map((r) => r[0])).toEqual(second);
  // Synthetic data says so on every row, wherever the file goes.
  expect(csv.header.at(-1)).toBe('หมายเหตุข้อมูล');
  for (const r of csv.rows) expect(r.at(-1)).toBe('ข้อมูลสาธิต (สังเคราะห์) ไม่ใช่ข้อมูลจริง');
  // The order is the one on screen: contract ÷ reference price, largest first.
  const pct = csv.header.indexOf('มูลค่าสัญญา/ราคากลาง (%)');
  const ratios = csv.rows.map((r) => r[pct]).filter((v) => v !== '').map(Number);
  for (let i = 1; i < ratios.length; i++) expect(ratios[i]).toBeLessThanOrEqual(ratios[i - 1]);
});

test('sorting, page size and pages live in the URL, and Back undoes them', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(ALL);
  await expect(rowsOf(page).first()).toBeVisible();
  const header = page.getByTestId('process-table').locator('th[data-sort="value"]');
  await header.getByRole('link').click();
  await expect(page).toHaveURL(/sort=-value/);
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const cells = async () => (await rowsOf(page).locator('td:nth-child(6)').allTextContents()).filter((t) => t !== '—').map(num);
  const down = await cells();
  expect(down.length).toBeGreaterThan(10);
  for (let i = 1; i < down.length; i++) expect(down[i]).toBeLessThanOrEqual(down[i - 1]);
  await header.getByRole('link').click();
  await expect(page).toHaveURL(/sort=value/);
  const up = await cells();
  for (let i = 1; i < up.length; i++) expect(up[i]).toBeGreaterThanOrEqual(up[i - 1]);
  await page.getByTestId('page-size').first().selectOption('100');
  await expect(page).toHaveURL(/n=100/);
  await expect(rowsOf(page)).toHaveCount(100);
  await page.goBack();
  await expect(rowsOf(page)).toHaveCount(50);
  await page.goBack();
  await expect(page).toHaveURL(/sort=-value/);
  expect(errors).toEqual([]);
});

test('amount bands, stages, the year range and the supplier facet filter what they say', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(ALL);
  await expect(rowsOf(page).first()).toBeVisible();
  const band = await facetCount(page, 'amount', '1');
  await page.getByTestId('amount-facet').locator('[data-value="1"] a').click();
  await expect(page).toHaveURL(/min=100000\.01&max=500000/);
  await expect(page.getByTestId('total-count')).toHaveText(String(band));
  const csv = await csvOf(page);
  const [cv, rp] = [csv.header.indexOf('มูลค่าสัญญา (บาท)'), csv.header.indexOf('ราคากลาง (บาท)')];
  for (const row of csv.rows) {
    const amount = Number(row[cv] || row[rp]);
    expect(amount).toBeGreaterThan(100000);
    expect(amount).toBeLessThanOrEqual(500000);
  }
  // A custom range, typed with separators; a typo is refused with a message.
  const form = page.getByTestId('amount-form');
  await form.locator('input').first().fill('1,000,000');
  await form.locator('input').nth(1).fill('lots');
  await form.getByRole('button').click();
  await expect(form.getByRole('alert')).toBeVisible();
  await form.locator('input').nth(1).fill('2,000,000.50');
  await form.getByRole('button').click();
  await expect(page).toHaveURL(/min=1000000&max=2000000\.5/);
  const ranged = await csvOf(page);
  expect(ranged.rows.length).toBe(await count(page));
  for (const row of ranged.rows) {
    const amount = Number(row[cv] || row[rp]);
    expect(amount).toBeGreaterThanOrEqual(1000000);
    expect(amount).toBeLessThanOrEqual(2000000.5);
  }
  await page.getByTestId('amount-facet').locator('[data-value="1"] a').click();
  await expect(page).toHaveURL(/min=100000\.01&max=500000/);
  await page.getByTestId('stage-facet').locator('[data-value="implementation"] a').click();
  await expect(page).toHaveURL(/stage=implementation/);
  const stageRows = await rowsOf(page).locator('td:nth-child(8)').allTextContents();
  expect(new Set(stageRows)).toEqual(new Set(['ส่งมอบ/เบิกจ่าย']));
  await page.getByTestId('year-from').selectOption('2567');
  await expect(page).toHaveURL(/from=2567/);
  await expect(page.getByTestId('year-facet').locator('[data-value="2566"]')).not.toHaveClass(/selected/);
  await expect(page.getByTestId('year-facet').locator('[data-value="2568"]')).toHaveClass(/selected/);
  const supplier = page.getByTestId('supplier-facet').locator('li').first();
  const won = num(await supplier.locator('.count').textContent());
  await supplier.getByRole('link').click();
  await expect(page).toHaveURL(/winner=TH-RD-/);
  await expect(page.getByTestId('total-count')).toHaveText(String(won));
  expect(errors).toEqual([]);
});

test('headline figures, method shares and top suppliers follow the filters', async ({ page }) => {
  await page.goto(ORG);
  await expect(rowsOf(page).first()).toBeVisible();
  const bidders = num(await page.getByTestId('bidders').textContent());
  const suppliers = num(await page.getByTestId('suppliers').textContent());
  expect(bidders).toBeGreaterThanOrEqual(suppliers);
  expect(suppliers).toBeGreaterThan(0);
  const shares = async (id) => (await page.getByTestId(id).allTextContents()).map((t) => Number(t.replace('%', '')));
  const byCount = await shares('share-count');
  expect(Math.abs(byCount.reduce((a, b) => a + b, 0) - 100)).toBeLessThan(0.5);
  const byValue = await shares('share-value');
  expect(Math.abs(byValue.reduce((a, b) => a + b, 0) - 100)).toBeLessThan(0.5);
  const topRows = page.getByTestId('top-suppliers-table').locator('tbody tr');
  expect(await topRows.count()).toBeLessThanOrEqual(10);
  await expect(page.getByTestId('top-suppliers').locator('svg')).toBeVisible();
  await page.goto(`${ORG}&method=limited`);
  await expect(rowsOf(page).first()).toBeVisible();
  expect(num(await page.getByTestId('suppliers').textContent())).toBeLessThan(suppliers);
  await expect(page.getByTestId('method-shares').locator('tbody tr')).toHaveCount(1);
  expect(num(await page.getByTestId('flagged-count').textContent())).toBeLessThanOrEqual(await count(page));
  await page.getByTestId('top-suppliers-table').locator('tbody tr').first().getByRole('link').click();
  await expect(page.getByTestId('supplier-page')).toBeVisible();
});

test('every chart has a caption, a table and SVG, PNG and CSV downloads', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`${ALL}&lang=en`);
  const charts = page.getByTestId('charts').getByTestId('chart');
  await expect(charts).toHaveCount(5);
  await expect(charts.nth(0).locator('figcaption')).toHaveText('Contract value by fiscal year and procurement method');
  await expect(charts.nth(1).locator('figcaption')).toContainText('Contract value by month signed, fiscal year 2568');
  await expect(charts.nth(2).locator('figcaption')).toHaveText('Contract value by month, fiscal year over fiscal year (by signing date)');
  await expect(charts.nth(3).locator('figcaption')).toHaveText('Contract value as a share of the reference price');
  await expect(charts.nth(0).locator('table.chart-data tbody tr')).toHaveCount(3);
  await expect(charts.nth(1).locator('table.chart-data tbody tr')).toHaveCount(12);
  // Year over year: twelve months, one column per fiscal year with BE labels, one line per year.
  await expect(charts.nth(2).locator('table.chart-data tbody tr')).toHaveCount(12);
  const years = await charts.nth(2).locator('table.chart-data thead th').allTextContents();
  expect(years.slice(1).every((y) => /25\d\d/.test(y)), years.join('|')).toBe(true);
  expect(years.length - 1).toBeGreaterThan(1);
  await expect(charts.nth(2).locator('.chart-svg svg')).toBeVisible();
  await expect(charts.nth(3).locator('.chart-svg svg')).toBeVisible();
  const [png] = await Promise.all([page.waitForEvent('download'), charts.nth(3).getByRole('button', { name: 'Download PNG' }).click()]);
  expect(png.suggestedFilename()).toBe('locallens-all-all-price-to-reference.png');
  const bytes = await readFile(await png.path());
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  expect(bytes.length).toBeGreaterThan(5000);
  const [csv] = await Promise.all([page.waitForEvent('download'), charts.nth(0).getByRole('button', { name: 'Download CSV' }).click()]);
  const lines = (await readFile(await csv.path(), 'utf8')).trim().split('\r\n');
  expect(lines[0]).toContain('Fiscal year');
  expect(lines.length).toBe(4);
  // Synthetic: the note is a column of every CSV row, and part of the SVG a PNG is made from.
  expect(lines[0].endsWith(',note')).toBe(true);
  for (const l of lines.slice(1)) expect(l.endsWith(',Synthetic demonstration data (not real)')).toBe(true);
  const [svg] = await Promise.all([page.waitForEvent('download'), charts.nth(0).getByRole('button', { name: 'Download SVG' }).click()]);
  expect(await readFile(await svg.path(), 'utf8')).toContain('Synthetic demonstration data (not real)');
  expect(errors).toEqual([]);
});

test('a dataset that fails to load is named with its reason, and the rest stays usable', async ({ page }) => {
  await page.goto(ALL);
  await expect(rowsOf(page).first()).toBeVisible();
  const all = await count(page);
  const orgYear = await page.goto(`${ALL}&orgs=6200101&year=2567`).then(() => count(page));
  await page.route('**/demo/procurement/6200101-2567.json', (route) => route.fulfill({ status: 500, body: 'boom' }));
  // A slow dataset: the page says how many of the catalog's datasets have arrived.
  await page.route('**/demo/procurement/6200001-2566.json', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.goto(ALL);
  await expect(page.getByTestId('loading')).toContainText('/ 45');
  await expect(page.locator('[data-dataset="procurement-6200101-2567"]')).toContainText('500');
  await expect(page.getByTestId('total-count')).toHaveText(new Intl.NumberFormat('en-US').format(all - orgYear));
  await expect(rowsOf(page).first()).toBeVisible();
});

test('on a phone the filters fold above the figures, and say how many are on', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${ALL}&type=sao&method=limited`);
  await expect(rowsOf(page).first()).toBeAttached();
  await expect(page.getByTestId('facets-summary')).toHaveText('ตัวกรอง (2)');
  await expect(page.getByTestId('method-facet')).toBeHidden();
  await page.getByTestId('facets-summary').click();
  await expect(page.getByTestId('method-facet')).toBeVisible();
  await context.close();
});

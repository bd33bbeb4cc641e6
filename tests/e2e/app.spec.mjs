import { test, expect } from './helpers.mjs';
import { watchErrors } from './helpers.mjs';

const KAMPHAENG_PHET_TOWN = 'เทศบาลเมืองกำแพงเพชร';

test('the page loads under a sub-path with no console error', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?data=demo');
  await expect(page.getByTestId('org-list')).toBeVisible();
  await page.getByTestId('tab-procurement').getByRole('link').click();
  await expect(page).toHaveURL(/tab=procurement/);
  await expect(page.getByTestId('process-table').locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('demo-banner')).toContainText('ข้อมูลสาธิต');
  expect(errors).toEqual([]);
});

test("the catalog's organisations are listed", async ({ page }) => {
  await page.goto('./?data=demo');
  const rows = page.getByTestId('org-list').locator('tbody tr');
  await expect(rows).toHaveCount(15);
  await expect(page.getByTestId('org-list')).toContainText(KAMPHAENG_PHET_TOWN);
  await expect(page.getByTestId('org-list')).toContainText('องค์การบริหารส่วนจังหวัดกำแพงเพชร');
});

test('switching language changes the UI text and the URL, and Back returns', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?data=demo');
  await expect(page.locator('h1')).toHaveText('องค์กรปกครองส่วนท้องถิ่น');
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('h1')).toHaveText('Local governments');
  await expect(page).toHaveURL(/\?data=demo&lang=en$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('org-list')).toContainText('Kamphaeng Phet Town Municipality');
  await page.goBack();
  await expect(page.locator('h1')).toHaveText('องค์กรปกครองส่วนท้องถิ่น');
  expect(errors).toEqual([]);
});

test('an organisation shows its processes, totals and a chart for a fiscal year', async ({ page, request }) => {
  const errors = watchErrors(page);
  // Counted independently of the app: the distinct processes in the organisation's file for the year.
  const file = await (await request.get('./demo/procurement/6200101-2567.json')).json();
  const inFile = new Set(file.releases.map((r) => r.ocid)).size;
  await page.goto('./?data=demo');
  await page.getByRole('link', { name: KAMPHAENG_PHET_TOWN }).click();
  await expect(page.getByTestId('org-name')).toHaveText(KAMPHAENG_PHET_TOWN);
  await page.getByTestId('year-facet').locator('[data-value="2567"] a').click();
  await expect(page).toHaveURL(/org=6200101&year=2567/);
  const table = page.getByTestId('process-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('total-count')).toHaveText(String(inFile));
  const shown = await table.locator('tbody tr').count();
  expect(shown).toBe(Math.min(inFile, 50));
  // On an organisation's page the organisation facets and the buyer column are left out.
  await expect(page.getByTestId('org-facet')).toHaveCount(0);
  // The page's first charts are its budget's; the procurement chart is found by its caption.
  const chart = page.getByTestId('chart').filter({ hasText: 'มูลค่าสัญญาตามปีงบประมาณ แยกตามวิธีจัดหา' });
  await expect(chart.locator('svg')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a permalink opened in a new browser restores the same view', async ({ page, browser }) => {
  await page.goto('./?data=demo');
  await page.getByTestId('lang-switch').click();
  await page.getByRole('link', { name: 'Kamphaeng Phet Town Municipality' }).click();
  await page.getByTestId('year-facet').locator('[data-value="2566"] a').click();
  await expect(page.getByTestId('process-table').locator('tbody tr').first()).toBeVisible();
  const permalink = page.url();
  const count = await page.getByTestId('total-count').textContent();
  const contract = await page.getByTestId('total-contract').textContent();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const errors = watchErrors(other);
  await other.goto(permalink);
  await expect(other.getByTestId('org-name')).toHaveText('Kamphaeng Phet Town Municipality');
  await expect(other.getByRole('heading', { level: 2, name: 'Procurement', exact: true })).toBeVisible();
  await expect(other.getByTestId('total-count')).toHaveText(count);
  await expect(other.getByTestId('total-contract')).toHaveText(contract);
  await expect(other.getByTestId('year-facet').locator('li.selected')).toContainText('2566');
  expect(errors).toEqual([]);
  await fresh.close();
});

test('a missing catalog.json shows a translated error, not a blank page', async ({ page }) => {
  const panics = [];
  page.on('pageerror', (err) => panics.push(String(err)));
  await page.route('**/data/catalog.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('./');
  await expect(page.getByTestId('load-error')).toContainText('โหลดรายการข้อมูล (catalog.json) ไม่สำเร็จ');
  await expect(page.getByTestId('load-error')).toContainText('404');
  await page.goto('./?lang=en');
  await expect(page.getByTestId('load-error')).toContainText('Could not load the data catalog (catalog.json)');
  expect(panics).toEqual([]);
});

test('a malformed catalog.json shows where it is broken, in the chosen language', async ({ page }) => {
  const panics = [];
  page.on('pageerror', (err) => panics.push(String(err)));
  await page.route('**/data/catalog.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"catalogVersion": "1.0", "publisher": ' }));
  await page.goto('./?lang=en');
  const panel = page.getByTestId('load-error');
  await expect(panel).toContainText('Could not load the data catalog');
  await expect(panel).toContainText('This file is not readable JSON');
  await expect(panel).toContainText('line 1');
  await page.route('**/data/catalog.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"catalogVersion": "1.0", "organisations": []}' }));
  await page.goto('./');
  await expect(page.getByTestId('load-error')).toContainText('ไฟล์นี้ไม่ใช่ catalog ที่ถูกต้อง');
  await expect(page.getByTestId('load-error')).toContainText('publisher');
  expect(panics).toEqual([]);
});

test('check my data reports a bad file by record and field, in the browser', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?data=demo&page=check&lang=en');
  const bad = JSON.stringify({ version: '1.1', releases: [
    { ocid: 'ocds-x-1', id: '1', date: '2024-10-01T00:00:00Z', tag: ['tender'], tender: { value: { amount: 'lots', currency: 'THB' } } },
    { id: '2', date: '2024-10-02T00:00:00Z', tag: ['tender'] },
  ] });
  await page.getByTestId('check-files').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
  const report = page.getByTestId('report');
  await expect(report).toContainText('bad.json');
  await expect(report).toContainText('releases[0].tender.value.amount');
  await expect(report).toContainText('releases[1]');
  await expect(report.getByTestId('report-errors')).toContainText('Errors 2');
  expect(errors).toEqual([]);
});

test('moving between pages while filters change, and Back and Forward over them, never breaks the app', async ({ page }) => {
  const errors = watchErrors(page);
  const table = page.getByTestId('process-table').locator('tbody tr').first();
  await page.goto('./?data=demo&org=6200101&method=limited&stage=contract');
  await expect(table).toBeVisible();
  await page.locator('.back').click();                      // another page and no filters, in one move
  await expect(page.getByTestId('org-list')).toBeVisible();
  await page.goBack();                                      // and back, filters and all
  await expect(page).toHaveURL(/method=limited/);
  await expect(table).toBeVisible();
  await page.goto('./?data=demo&tab=procurement&type=sao&q=%E0%B8%96%E0%B8%99%E0%B8%99');
  await expect(table).toBeVisible();
  await page.getByTestId('process-table').locator('tbody td:nth-child(2) a').first().click();  // a buyer
  await expect(page.getByTestId('org-name')).toBeVisible();
  await page.goBack();
  await expect(table).toBeVisible();
  await page.goForward();
  await expect(page.getByTestId('org-name')).toBeVisible();
  await page.locator('.brand').click();
  await expect(page.getByTestId('org-list')).toBeVisible();
  // The app still answers.
  await page.getByTestId('tab-procurement').getByRole('link').click();
  await expect(table).toBeVisible();
  expect(errors).toEqual([]);
});

import { test, expect } from './helpers.mjs';
import { watchErrors } from './helpers.mjs';

const FULL = 'ocds-demo00-6200101-2567-046';
const CANCELLED = 'ocds-demo00-6200101-2567-005';

test('a process with every stage shows each stage, every bid and its prices against ราคากลาง', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`./?data=demo&org=6200101&year=2567&process=${FULL}`);
  const stages = page.getByTestId('timeline').getByTestId('stage');
  await expect(stages).toHaveCount(6);
  for (let i = 0; i < 6; i++) await expect(stages.nth(i)).toHaveAttribute('data-present', 'true');
  const bids = page.getByTestId('bids-table').locator('tbody tr');
  expect(await bids.count()).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('bids-table')).toContainText('ผู้ชนะ');
  await expect(page.getByTestId('bids-table')).toContainText('ต่ำสุด');
  await expect(page.getByTestId('vs-reference')).toHaveText(/^\d+\.\d\d%$/);
  await expect(page.getByTestId('signal-list')).toContainText('ไม่ใช่หลักฐานการกระทำผิด');
  // The release history says what each release changed.
  await page.getByTestId('history').locator('summary').click();
  const entries = page.getByTestId('history-entry');
  expect(await entries.count()).toBeGreaterThan(2);
  await expect(entries.first()).toContainText('planning.budget');
  await expect(page.getByTestId('history')).toContainText('tender.value');
  await expect(page.getByTestId('history')).toContainText('awards.status');
  await expect(page.getByTestId('history')).toContainText('contracts');
  expect(errors).toEqual([]);
});

test('a process with missing stages says they are missing', async ({ page }) => {
  await page.goto(`./?data=demo&lang=en&org=6200101&year=2567&process=${CANCELLED}`);
  const stages = page.getByTestId('timeline').getByTestId('stage');
  await expect(stages).toHaveCount(6);
  const missing = page.getByTestId('timeline').locator('[data-present="false"]');
  await expect(missing).toHaveCount(3);
  await expect(missing.first()).toContainText('No data published for this stage');
});

test('from the organisation table to a process, to its supplier and back', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?data=demo&org=6200101&year=2567');
  await page.getByTestId('process-table').locator('tbody td.title a').first().click();
  await expect(page).toHaveURL(/process=ocds-demo00-6200101-2567-/);
  await page.goto(`./?data=demo&org=6200101&year=2567&process=${FULL}`);
  await page.getByTestId('bids-table').locator('tr.winner').getByRole('link').click();
  await expect(page).toHaveURL(/supplier=TH-RD-/);
  await expect(page.getByTestId('supplier-page')).toBeVisible();
  await expect(page.getByTestId('tax-id')).toContainText('เลขตรวจสอบถูกต้อง');
  await expect(page.getByTestId('supplier-buyers').locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('buyer-share').first()).toHaveText(/%$/);
  await expect(page.getByTestId('supplier-page').getByTestId('chart').locator('svg')).toBeVisible();
  // Its processes, newest first; and the same set in the explorer, where it can be filtered and downloaded.
  const won = await page.getByTestId('supplier-processes').locator('tbody tr').count();
  await page.getByRole('link', { name: /ดูทุกโครงการที่ผู้ขายรายนี้ได้รับ/ }).click();
  await expect(page).toHaveURL(/tab=procurement.*winner=TH-RD-/);
  await expect(page.getByTestId('total-count')).toHaveText(new Intl.NumberFormat('en-US').format(won));
  await page.goBack();
  await expect(page.getByTestId('supplier-page')).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('process-page')).toBeVisible();
  expect(errors).toEqual([]);
});

test('hostile text and links in a data file never run', async ({ page }) => {
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const hostile = {
    version: '1.1',
    releases: [{
      ocid: 'ocds-evil-1', id: '1', date: '2024-01-10T00:00:00Z', tag: ['tender'],
      buyer: { id: '6200101', name: '<img src=x onerror=alert(1)>' },
      tender: {
        title: '<script>alert(2)</script><img src=x onerror=alert(3)>',
        procurementMethod: 'open',
        value: { amount: 100, currency: 'THB' },
        documents: [{ id: 'd', title: 'click me', url: 'javascript:alert(4)' }],
      },
    }],
  };
  await page.route('**/demo/procurement/6200101-2567.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(hostile) }));
  // A file changed after publishing is refused: its SHA-256 is not the catalog's.
  await page.goto('./?data=demo&org=6200101&year=2567');
  await expect(page.locator('[data-dataset="procurement-6200101-2567"]')).toContainText('SHA-256');
  // Listed without a checksum, it loads, and its text stays text.
  await page.route('**/demo/catalog.json', async (route) => {
    const response = await route.fetch();
    const catalog = await response.json();
    for (const d of catalog.datasets) if (d.url === 'procurement/6200101-2567.json') delete d.sha256;
    await route.fulfill({ response, json: catalog });
  });
  await page.goto('./?data=demo&org=6200101&year=2567&process=ocds-evil-1');
  await expect(page.getByTestId('process-title')).toHaveText('<script>alert(2)</script><img src=x onerror=alert(3)>');
  await expect(page.locator('a[href^="javascript"]')).toHaveCount(0);
  await expect(page.getByText('click me')).toBeVisible();
  await page.goto('./?data=demo&org=6200101&year=2567');
  await expect(page.getByTestId('process-table')).toContainText('<script>alert(2)</script>');
  await expect(page.getByTestId('chart').first().locator('svg')).toBeVisible();
  expect(dialogs).toEqual([]);
});

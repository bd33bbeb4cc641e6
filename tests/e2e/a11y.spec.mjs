// Every page and tab, in Thai and English, holds to WCAG 2.1 AA by axe-core, and navigation is announced:
// focus moves to the new page's heading, and result counts are said after a filter change.
import { test, expect, accessibilityViolations, watchErrors } from './helpers.mjs';

const PROCESS = 'ocds-demo00-6200101-2567-046';
const PAGES = [
  ['organisations (real data)', './?', 'org-list'],
  ['an organisation (real data)', './?org=4620102', 'process-table'],
  ['a budget (real data)', './?org=2620101', 'budget-tree'],
  ['a budget as shares', './?data=demo&org=6200101&bshare=1', 'budget-tree'],
  ['assessments', './?data=demo&org=6200101&year=2568', 'lpa-areas'],
  ['organisations', './?data=demo&', 'org-list'],
  ['all procurement', './?data=demo&tab=procurement', 'process-table'],
  ['an organisation', './?data=demo&org=6200101&year=2567', 'process-table'],
  ['a process', `./?data=demo&org=6200101&year=2567&process=${PROCESS}`, 'process-page'],
  ['a supplier', null, 'supplier-page'],
  ['methodology', './?page=flags', 'not-proof'],
  ['check my data', './?page=check', 'check-files'],
];

for (const lang of ['th', 'en']) {
  for (const [name, url, ready] of PAGES) {
    test(`${name} (${lang}) has no accessibility violation at WCAG 2.1 AA`, async ({ page }) => {
      if (url) {
        await page.goto(`${url}&lang=${lang}`);
      } else {
        await page.goto(`./?data=demo&org=6200101&year=2567&process=${PROCESS}&lang=${lang}`);
        await page.getByTestId('bids-table').locator('tr.winner').getByRole('link').click();
      }
      await expect(page.getByTestId(ready).first()).toBeVisible();
      // Charts are drawn a frame after the rest.
      if (await page.getByTestId('chart').count()) await expect(page.getByTestId('chart').first()).not.toHaveAttribute('data-drawn', '0');
      expect(await accessibilityViolations(page)).toEqual([]);
    });
  }
}

test('a report on the check page has no accessibility violation', async ({ page }) => {
  await page.goto('./?data=demo&page=check&lang=en');
  const bad = JSON.stringify({ version: '1.1', releases: [{ ocid: 'x', id: '1', tender: { value: { amount: 'lots' } } }] });
  await page.getByTestId('check-files').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
  await expect(page.getByTestId('report')).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('following a link moves focus to the new page\'s heading', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?data=demo');
  await page.getByRole('link', { name: 'เทศบาลเมืองกำแพงเพชร' }).click();
  await expect(page.getByTestId('org-name')).toBeFocused();
  await page.goBack();
  await expect(page.locator('main h1')).toBeFocused();
  await page.getByTestId('tab-procurement').getByRole('link').click();
  await expect(page.locator('main h1')).toBeFocused();
  await expect(page.locator('main h1')).toHaveText('การจัดซื้อจัดจ้างของทุกหน่วยงาน');
  expect(errors).toEqual([]);
});

test('a filter change is announced politely with the new count', async ({ page }) => {
  await page.goto('./?data=demo&org=6200101&year=2567');
  const live = page.getByTestId('live-count');
  await expect(live).toHaveAttribute('aria-live', 'polite');
  await expect(live).toContainText(await page.getByTestId('total-count').textContent());
  await page.getByTestId('method-facet').locator('[data-value="limited"] a').click();
  const limited = await page.getByTestId('total-count').textContent();
  await expect(live).toHaveText(`${limited} โครงการที่ตรงกับตัวกรอง`);
});

test('the site works by keyboard alone: tab to a facet, press Enter, the table follows', async ({ page }) => {
  await page.goto('./?data=demo&org=6200101&year=2567');
  await expect(page.getByTestId('process-table').locator('tbody tr').first()).toBeVisible();
  const all = await page.getByTestId('total-count').textContent();
  const link = page.getByTestId('method-facet').locator('[data-value="limited"] a');
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/method=limited/);
  await expect(page.getByTestId('total-count')).not.toHaveText(all);
});

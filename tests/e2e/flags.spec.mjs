import { test, expect } from './helpers.mjs';
import { watchErrors } from './helpers.mjs';

test('an organisation page shows risk signals, says they are not proof, and filters to them', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?data=demo&org=6200001&year=2567');
  const signals = page.getByTestId('signals');
  await expect(signals).toContainText('ไม่ใช่หลักฐานการกระทำผิด');
  const flagged = Number(await page.getByTestId('flagged-count').textContent());
  expect(flagged).toBeGreaterThan(0);
  const all = Number(await page.getByTestId('total-count').textContent());
  expect(flagged).toBeLessThan(all);
  await expect(page.getByTestId('process-table').locator('.flag-badge').first()).toBeVisible();
  // Coverage: each flag says how many processes it could not evaluate.
  await expect(page.getByTestId('flag-coverage').locator('tbody tr')).toHaveCount(23);

  await signals.getByRole('link', { name: 'แสดงเฉพาะโครงการที่มีสัญญาณความเสี่ยง' }).click();
  await expect(page).toHaveURL(/flagged=1/);
  await expect(page.getByTestId('total-count')).toHaveText(String(flagged));
  await expect(page.getByTestId('process-table').locator('tbody tr')).toHaveCount(flagged);
  expect(errors).toEqual([]);
});

test('a flag badge links to its methodology, and a changed threshold lives in the URL', async ({ page, browser }) => {
  const errors = watchErrors(page);
  await page.goto('./?data=demo&lang=en&page=flags');
  await expect(page.locator('.flag-card')).toHaveCount(23);
  await expect(page.getByTestId('not-proof')).toContainText('A risk signal, not proof of wrongdoing');
  const th08 = page.getByTestId('flag-TH08');
  await expect(th08).toContainText('Possible contract splitting');
  await th08.locator('label', { hasText: 'limit' }).locator('input').fill('300000');
  await th08.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/fs\.TH08\.limit=300000/);

  // The setting follows the reader to an organisation's page and changes what is flagged there.
  const base = './?data=demo&org=6200001&year=2567';
  await page.goto(base);
  const before = Number(await page.getByTestId('flagged-count').textContent());
  await page.goto(`${base}&fs.TH06.minimum=1`);
  const after = Number(await page.getByTestId('flagged-count').textContent());
  expect(after).toBeLessThan(before);

  // A bad setting is refused with a message, not ignored.
  await page.goto(`${base}&fs.TH06.minimum=many`);
  await expect(page.getByTestId('totals')).toBeVisible();
  await expect(page.locator('.error-panel')).toContainText('TH06');

  // Opened in a fresh browser, the methodology link of a flag keeps the settings.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('./?data=demo&lang=en&page=flags&flag=TH08&fs.TH08.limit=300000');
  await expect(other.getByTestId('flag-TH08').locator('label', { hasText: 'limit' }).locator('input')).toHaveValue('300000');
  await fresh.close();
  expect(errors.filter((e) => !e.includes('TH06'))).toEqual([]);
});

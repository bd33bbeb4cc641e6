// The state in the URL: values that name nothing, multi-word search, codelist values in the reader's language.
import { test, expect, watchErrors } from './helpers.mjs';

test('a value in the URL that names nothing is said once, never selected, and does not count as a filter', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?data=demo&tab=procurement&method=limited');
  await expect(page.getByTestId('facets-summary')).toHaveText('ตัวกรอง (1)');
  const limited = await page.getByTestId('total-count').textContent();
  await page.goto('./?data=demo&tab=procurement&method=limited,foo&province=ไม่มีจังหวัดนี้');
  const notice = page.getByTestId('ignored-notice');
  await expect(notice).toContainText('foo');
  await expect(notice).toContainText('ไม่มีจังหวัดนี้');
  await expect(page.getByTestId('method-facet').locator('[data-value="foo"]')).toHaveCount(0);
  await expect(page.getByTestId('method-facet').locator('li.selected')).toHaveCount(1);
  await expect(page.getByTestId('facets-summary')).toHaveText('ตัวกรอง (1)');
  await expect(page.getByTestId('total-count')).toHaveText(limited);
  // Said once: the next move does not say it again, and the link no longer carries it.
  await page.getByTestId('stage-facet').locator('li a').first().click();
  await expect(notice).toHaveCount(0);
  expect(page.url()).not.toContain('foo');
  expect(errors).toEqual([]);
});

test('two words, one from a title and one from its buyer, find the process', async ({ page }) => {
  await page.goto('./?data=demo&tab=procurement&n=25');
  const first = page.getByTestId('process-table').locator('tbody tr').first();
  await expect(first).toBeVisible();
  const title = (await first.locator('td.title a').textContent()).trim();
  const ocid = (await first.locator('.ocid').textContent()).trim();
  const buyer = (await first.locator('td').nth(1).textContent()).trim();
  const word = title.split(/\s+/).find((w) => w.length > 3) ?? title;
  // Buyer first, title second: any order.
  await page.goto(`./?data=demo&tab=procurement&q=${encodeURIComponent(`${buyer} ${word}`)}`);
  await expect(page.getByTestId('process-table').locator('.ocid', { hasText: ocid })).toHaveCount(1);
  const both = Number((await page.getByTestId('total-count').textContent()).replace(/,/g, ''));
  await page.goto(`./?data=demo&tab=procurement&q=${encodeURIComponent(word)}`);
  const one = Number((await page.getByTestId('total-count').textContent()).replace(/,/g, ''));
  expect(both).toBeGreaterThan(0);
  expect(both).toBeLessThanOrEqual(one);
});

test('statuses are in the reader\'s language, with the code beside them', async ({ page }) => {
  await page.goto('./?data=demo&org=6200101&year=2567&process=ocds-demo00-6200101-2567-046');
  const bid = page.getByTestId('bids-table').locator('.coded[data-code="valid"]').first();
  await expect(bid).toHaveText('ผ่านการพิจารณา');
  await expect(bid).toHaveAttribute('title', 'valid');
  await page.goto('./?data=demo&lang=en&org=6200101&year=2567&process=ocds-demo00-6200101-2567-046');
  await expect(page.getByTestId('bids-table').locator('.coded[data-code="valid"]').first()).toHaveText('valid');
  await expect(page.locator('.coded[data-code="active"]').first()).toBeVisible();
});

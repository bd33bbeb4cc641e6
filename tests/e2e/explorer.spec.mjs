import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { watchErrors } from './helpers.mjs';

const ORG = './?org=6200001&year=2567';
const rowsOf = (page) => page.getByTestId('process-table').locator('tbody tr');
const count = async (page) => Number(await page.getByTestId('total-count').textContent());

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
  for (const title of await rowsOf(page).locator('td.title a').allTextContents()) expect(title.replace(/\s/g, '')).toContain('ก่อสร้างถนน');
  await page.goto(`${ORG}&q=${encodeURIComponent('ก่อสร้างถนน')}`);
  await expect(page.getByTestId('total-count')).toHaveText(String(found));
  expect(errors).toEqual([]);
});

test('combining the method facet and a search narrows the counts', async ({ page }) => {
  await page.goto(ORG);
  await expect(rowsOf(page).first()).toBeVisible();
  const all = await count(page);
  const facet = page.getByTestId('method-facet');
  const limitedCount = Number(await facet.locator('[data-method="limited"] .count').textContent());
  await facet.locator('[data-method="limited"] a').click();
  await expect(page).toHaveURL(/method=limited/);
  await expect(page.getByTestId('total-count')).toHaveText(String(limitedCount));
  expect(limitedCount).toBeLessThan(all);
  // The facet's own counts do not shrink by its own choice…
  await expect(facet.locator('[data-method="limited"] .count')).toHaveText(String(limitedCount));
  // …but a search narrows them, and the table follows.
  await page.getByTestId('search').fill('วัสดุ');
  await page.getByTestId('search').press('Enter');
  const both = await count(page);
  expect(both).toBeLessThan(limitedCount);
  await expect(facet.locator('[data-method="limited"] .count')).toHaveText(String(both));
  await expect(rowsOf(page)).toHaveCount(both);
});

test('a permalink with filters restores the same table and totals', async ({ page, browser }) => {
  await page.goto(`${ORG}&method=limited&q=${encodeURIComponent('วัสดุ')}`);
  await expect(rowsOf(page).first()).toBeVisible();
  const total = await page.getByTestId('total-count').textContent();
  const value = await page.getByTestId('total-contract').textContent();
  const ocids = await rowsOf(page).locator('.ocid').allTextContents();
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(page.url());
  await expect(other.getByTestId('total-count')).toHaveText(total);
  await expect(other.getByTestId('total-contract')).toHaveText(value);
  expect(await rowsOf(other).locator('.ocid').allTextContents()).toEqual(ocids);
  await fresh.close();
});

test('the CSV of a filtered view has exactly the rows on screen', async ({ page }) => {
  await page.goto(`${ORG}&method=open`);
  await expect(rowsOf(page).first()).toBeVisible();
  const ocids = await rowsOf(page).locator('.ocid').allTextContents();
  expect(ocids.length).toBeGreaterThan(0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^locallens-.*-6200001-2567-\d{4}-\d\d-\d\d\.csv$/);
  const text = await readFile(await download.path(), 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trim().split('\r\n');
  expect(lines[0]).toContain('ชื่อโครงการ');
  expect(lines.length).toBe(ocids.length + 1);
  expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(ocids);
});

test('headline figures and top suppliers follow the filters and lead to the supplier', async ({ page }) => {
  await page.goto(ORG);
  await expect(rowsOf(page).first()).toBeVisible();
  const bidders = Number(await page.getByTestId('bidders').textContent());
  const suppliers = Number(await page.getByTestId('suppliers').textContent());
  expect(bidders).toBeGreaterThanOrEqual(suppliers);
  expect(suppliers).toBeGreaterThan(0);
  const top = page.getByTestId('top-suppliers');
  const topRows = page.getByTestId('top-suppliers-table').locator('tbody tr');
  expect(await topRows.count()).toBeLessThanOrEqual(10);
  await expect(top.locator('svg')).toBeVisible();
  await page.goto(`${ORG}&method=limited`);
  await expect(rowsOf(page).first()).toBeVisible();
  expect(Number(await page.getByTestId('suppliers').textContent())).toBeLessThan(suppliers);
  // Risk-signal counts follow the filter too.
  expect(Number(await page.getByTestId('flagged-count').textContent())).toBeLessThanOrEqual(await count(page));
  await page.getByTestId('top-suppliers-table').locator('tbody tr').first().getByRole('link').click();
  await expect(page.getByTestId('supplier-page')).toBeVisible();
});

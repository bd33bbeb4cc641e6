// Suppliers across buyers over the real default data: the ranking's counts against distinct buyers counted here
// from the province's published CSV; an organisation's suppliers elsewhere only after the reader asks.
import { readFileSync } from 'node:fs';
import { test, expect, watchErrors, parseCsv } from './helpers.mjs';

const PROVINCE = encodeURIComponent('กำแพงเพชร');
const text = readFileSync(new URL('../../dist/data/csv/province-62-2568.csv', import.meta.url), 'utf8');

const [header, ...data] = parseCsv(text);
const col = (name) => header.indexOf(name);
const buyersOf = new Map();
for (const r of data) {
  for (const s of r[col('suppliers')].split('; ').filter(Boolean)) {
    const id = s.match(/\(([^()]*)\)$/)?.[1] ?? s;
    if (!buyersOf.has(id)) buyersOf.set(id, new Set());
    buyersOf.get(id).add(r[col('buyer_code')]);
  }
}
const counts = [...buyersOf.values()].map((b) => b.size).sort((a, b) => b - a);

test('the suppliers winning from the most อปท. of the province, with as many buyers as the published CSV says', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`./?tab=procurement&province=${PROVINCE}&year=2568`);
  const table = page.getByTestId('across-buyers-table');
  await expect(table.locator('tbody tr')).toHaveCount(15);
  const shown = (await table.locator('[data-col="buyers"]').allTextContents()).map(Number);
  expect(shown).toEqual(counts.slice(0, 15));
  // Each row's supplier page is one link away.
  await table.locator('tbody tr').first().getByRole('link').click();
  await expect(page).toHaveURL(/supplier=/);
  expect(errors).toEqual([]);
});

test('an organisation\'s suppliers elsewhere load the province only when asked', async ({ page }) => {
  const code = '4620102';
  const fetched = [];
  page.on('request', (r) => { if (/\/data\/rows\//.test(r.url())) fetched.push(r.url().split('/data/')[1]); });
  await page.goto(`./?org=${code}`);
  await expect(page.getByTestId('headline')).toBeVisible();
  await expect(page.getByTestId('load-elsewhere')).toBeVisible();
  expect(fetched.every((u) => u.includes(code)), fetched.join(' ')).toBe(true);
  await page.getByTestId('load-elsewhere').click();
  await expect(page).toHaveURL(/elsewhere=1/);
  const table = page.getByTestId('elsewhere-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  // Each supplier's other buyers, counted from the CSV without this organisation.
  const names = await table.locator('tbody th a').evaluateAll((els) => els.map((e) => new URL(e.href).searchParams.get('supplier')));
  const others = await table.locator('[data-col="other-buyers"]').allTextContents();
  names.forEach((id, i) => {
    const buyers = new Set(buyersOf.get(id) ?? []);
    buyers.delete(code);
    // All years of the province are loaded; the CSV is FY 2568's: at least as many.
    expect(Number(others[i]), id).toBeGreaterThanOrEqual(buyers.size);
  });
});

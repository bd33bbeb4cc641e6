// Comparing organisations (page=compare), the peers it suggests, "add to compare" and embedding, over the real
// default data (กำแพงเพชร). The expected values are tests/fixtures/compare-62.json, which the native test
// `a_comparison_of_three_real_organisations_matches_counts_made_from_the_published_files` holds equal to counts
// it makes from the published OCDS files; never values read off the page itself.
import { readFileSync } from 'node:fs';
import { test, expect, watchErrors, accessibilityViolations, csvOf } from './helpers.mjs';

const golden = JSON.parse(readFileSync(new URL('../fixtures/compare-62.json', import.meta.url), 'utf8'));
const catalog = JSON.parse(readFileSync(new URL('../../dist/data/catalog.json', import.meta.url), 'utf8'));
const orgOf = new Map(catalog.organisations.map((o) => [o.code, o]));
const COMPARE = `./?page=compare&compare=${golden.codes.join(',')}&cfrom=${golden.from}&cto=${golden.to}`;
const shown = (text) => {
  if (text === '') return 'ไม่มีข้อมูล';
  const decimals = text.includes('.') ? text.split('.')[1].length : 0;
  return new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(Number(text));
};

test('three real กำแพงเพชร อปท. compared show the values counted from the published files, fetching only their own', async ({ page }) => {
  const errors = watchErrors(page);
  const fetched = [];
  page.on('request', (r) => { if (/\/data\/(rows|procurement|flags)\//.test(r.url())) fetched.push(r.url().split('/data/')[1]); });
  await page.goto(COMPARE);
  const table = page.getByTestId('compare-table');
  await expect(table).toBeVisible();
  for (const [code, values] of Object.entries(golden.values)) {
    for (const [measure, value] of Object.entries(values)) {
      await expect(table.locator(`td[data-measure="${measure}"][data-code="${code}"] .value`), `${code} ${measure}`).toHaveText(shown(value));
    }
  }
  // Δ against the first: the second's contract value minus the first's.
  const [a, b] = golden.codes;
  const delta = Number(golden.values[b].value) - Number(golden.values[a].value);
  await expect(table.locator(`td[data-measure="value"][data-code="${b}"] .delta`)).toContainText(shown(delta.toFixed(2)).replace(/^-/, '-'));
  // Population says its year and how it was found.
  await expect(table.locator(`td[data-measure="population"][data-code="${b}"]`)).toContainText('2564');
  // Only the three organisations' own shards and flags: never a province's.
  expect(fetched.length).toBeGreaterThan(0);
  expect(fetched.every((u) => golden.codes.some((c) => u.includes(c))), fetched.join(' ')).toBe(true);
  // The CSV has a row per measure, the three values, and Δ, Δ% for the second and third.
  const csv = await csvOf(page, 'compare-csv');
  expect(csv.header.length).toBe(2 + 3 + 4);
  const processes = csv.rows.find((r) => r[1] === 'processes');
  expect(processes.slice(2, 5)).toEqual(golden.codes.map((c) => golden.values[c].processes));
  expect(errors).toEqual([]);
});

test('the suggested peers are the same type, in the same province first, nearest population first', async ({ page }) => {
  const first = '4620102';
  await page.goto(`./?page=compare&compare=${first}`);
  const me = orgOf.get(first);
  const items = page.getByTestId('peers').locator('li[data-code]');
  const sameType = catalog.organisations.filter((o) => o.type === me.type && o.code !== first);
  expect(sameType.length).toBeGreaterThan(1);
  await expect(items).toHaveCount(Math.min(5, sameType.length));
  const codes = await items.evaluateAll((els) => els.map((e) => e.dataset.code));
  const peers = codes.map((c) => orgOf.get(c));
  expect(peers.every((p) => p.type === me.type && p.code !== first)).toBe(true);
  const sameProvince = catalog.organisations.filter((o) => o.type === me.type && o.provinceCode === me.provinceCode && o.code !== first);
  const expectedSame = Math.min(5, sameProvince.length);
  expect(peers.slice(0, expectedSame).every((p) => p.provinceCode === me.provinceCode)).toBe(true);
  const gap = (o) => (o.population && me.population ? Math.abs(Math.log(o.population.count / me.population.count)) : Infinity);
  const gaps = peers.slice(0, expectedSame).map(gap);
  expect(gaps).toEqual([...gaps].sort((x, y) => x - y));
  // Nothing nearer was left out: the nearest of the rest is no nearer than the last suggested.
  const rest = sameProvince.filter((o) => !codes.includes(o.code)).map(gap);
  if (rest.length) expect(Math.min(...rest)).toBeGreaterThanOrEqual(gaps[gaps.length - 1]);
  // Adding one puts it in the URL, after the first.
  await items.first().getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`compare=${first}%2C${codes[0]}`));
  await expect(page.getByTestId('compared').locator('li')).toHaveCount(2);
});

test('"add to compare" works from an organisation page and from the overview', async ({ page }) => {
  await page.goto('./?org=4620102');
  await page.getByTestId('add-to-compare').click();
  await expect(page).toHaveURL(/page=compare&compare=4620102/);
  await expect(page.getByTestId('compared').locator('li')).toHaveCount(1);
  await page.goto(`./?tab=overview&province=${encodeURIComponent('กำแพงเพชร')}&byear=2568&compare=4620102`);
  await page.getByTestId('overview-table').locator('a.add').nth(0).click();
  await expect(page).toHaveURL(/page=compare&compare=4620102%2C\d{7}/);
  await expect(page.getByTestId('compared').locator('li')).toHaveCount(2);
});

test('an embedded chart renders alone with its source line, and its link restores the full view', async ({ page }) => {
  const stem = 'locallens-compare-limited';
  await page.goto(`${COMPARE}&embed=1&chart=${stem}`);
  const chart = page.locator(`figure.chart.embedded[data-stem="${stem}"]`);
  await expect(chart).toBeVisible();
  await expect(chart.locator('.chart-svg svg')).toBeVisible();
  await expect(chart.getByTestId('embed-source')).toContainText('ข้อมูลจริง');
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByTestId('compare-table')).toBeHidden();
  const visibleCharts = await page.locator('figure.chart').evaluateAll((els) => els.filter((e) => getComputedStyle(e).visibility === 'visible').length);
  expect(visibleCharts).toBe(1);
  const live = await chart.getByTestId('view-live').getAttribute('href');
  expect(live).not.toContain('embed');
  expect(live).not.toContain('chart=');
  await page.goto(`./${live}`);
  await expect(page.locator('.site-header')).toBeVisible();
  await expect(page.getByTestId('compare-table')).toBeVisible();
  // The copy button gives the iframe of exactly that chart.
  await page.locator(`details[data-chart="limited"] > summary`).click();
  await page.locator(`figure.chart[data-stem="${stem}"]`).getByTestId('embed-code').click();
  const snippet = await page.locator(`figure.chart[data-stem="${stem}"]`).getByTestId('embed-snippet').inputValue();
  expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/transparency\/(index\.html)?\?page=compare/);
  expect(snippet).toContain(`embed=1&amp;chart=${stem}`);
});

for (const lang of ['th', 'en']) {
  test(`axe finds nothing on the compare page and the overview's map (${lang})`, async ({ page }) => {
    await page.goto(`${COMPARE}&lang=${lang}`);
    await expect(page.getByTestId('compare-table')).toBeVisible();
    await page.locator('details[data-chart="value"] > summary').click();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto(`./?tab=overview&province=${encodeURIComponent('กำแพงเพชร')}&lang=${lang}`);
    await expect(page.getByTestId('map-svg').locator('path.place').first()).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
}

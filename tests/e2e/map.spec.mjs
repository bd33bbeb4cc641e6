// The overview's map: over the national catalog of every อบจ. (`make e2e-data`, second server) a province's
// shape filters the overview; by keyboard every place is reachable, named, and chosen with Enter; over the real
// default data a province's map shows its districts and its offices.
import { existsSync, readFileSync } from 'node:fs';
import { test, expect, watchErrors } from './helpers.mjs';
import { paoPort } from './playwright.config.mjs';

const CATALOG = new URL('../../target/e2e-pao/data/catalog.json', import.meta.url);
const provinces = JSON.parse(readFileSync(new URL('../../public/boundaries/provinces.geojson', import.meta.url), 'utf8'));
const districts62 = JSON.parse(readFileSync(new URL('../../public/boundaries/districts/62.geojson', import.meta.url), 'utf8'));
const real = JSON.parse(readFileSync(new URL('../../dist/data/catalog.json', import.meta.url), 'utf8'));

test.describe('national', () => {
  test.skip(!existsSync(CATALOG), 'make e2e-data did not publish the national อบจ. catalog (../shared missing)');
  test.use({ baseURL: `http://127.0.0.1:${paoPort}/transparency/` });

  test('clicking a province on the national map filters the overview to it', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('./?tab=overview&byear=2565');
    const svg = page.getByTestId('map-svg');
    await expect(svg).toHaveAttribute('data-level', 'provinces');
    await expect(svg.locator('path.place')).toHaveCount(provinces.features.length);
    // Budget per person: every province with an อบจ. budget and a population has a class, and the legend says the breaks.
    const coloured = await svg.locator('path.place').evaluateAll((els) => els.filter((e) => e.getAttribute('fill') !== '#e4e4e4').length);
    expect(coloured).toBeGreaterThan(60);
    await expect(page.getByTestId('map-legend').locator('li')).toHaveCount(6);
    await svg.locator('path.place[data-code="62"]').click();
    await expect(page).toHaveURL(new RegExp(`province=${encodeURIComponent('กำแพงเพชร')}`));
    const rows = page.getByTestId('overview-table').locator('tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('องค์การบริหารส่วนจังหวัดกำแพงเพชร');
    await expect(svg).toHaveAttribute('data-level', 'districts');
    await expect(page.getByTestId('map-attribution')).toContainText('CC BY 3.0 IGO');
    expect(errors).toEqual([]);
  });

  test('the map is usable by keyboard: each place is reachable, named, and Enter chooses it', async ({ page }) => {
    await page.goto('./?tab=overview&byear=2565&lang=en');
    const places = page.getByTestId('map-svg').locator('path.place');
    await expect(places).toHaveCount(provinces.features.length);
    const names = await places.evaluateAll((els) => els.map((e) => [e.getAttribute('role'), e.getAttribute('tabindex'), e.getAttribute('aria-label')]));
    expect(names.every(([role, tab, name]) => role === 'link' && tab === '0' && /: /.test(name))).toBe(true);
    // Tab walks from one place to the next.
    await places.first().focus();
    const first = await page.evaluate(() => document.activeElement.dataset.code);
    await page.keyboard.press('Tab');
    const second = await page.evaluate(() => document.activeElement.dataset.code);
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    await page.keyboard.press('Enter');
    const name = provinces.features.find((f) => f.properties.code === second).properties.th;
    await expect(page).toHaveURL(new RegExp(`province=${encodeURIComponent(name)}`));
    // The table fallback lists every place with its figure.
    await page.goto('./?tab=overview&byear=2565&lang=en');
    await page.getByTestId('map').locator('details.map-table summary').click();
    await expect(page.getByTestId('map-table').locator('tbody tr')).toHaveCount(provinces.features.length);
  });
});

test('a province\'s map shows its districts and its offices, and a district filters the overview to it', async ({ page }) => {
  await page.goto(`./?tab=overview&province=${encodeURIComponent('กำแพงเพชร')}&byear=2568&map=value-per-capita`);
  const svg = page.getByTestId('map-svg');
  await expect(svg).toHaveAttribute('data-level', 'districts');
  await expect(svg.locator('path.place')).toHaveCount(districts62.features.length);
  const located = real.organisations.filter((o) => o.location).length;
  // Each located office is a dot, or counted as outside the province (a registry error), never dropped silently.
  await expect(svg.locator('circle.office').first()).toBeVisible();
  const outside = await page.getByTestId('map-outside').count() ? Number((await page.getByTestId('map-outside').textContent()).match(/(\d+)\s*$/)[1]) : 0;
  expect(await svg.locator('circle.office').count() + outside).toBe(located);
  const district = districts62.features[0].properties;
  await svg.locator(`path.place[data-code="${district.code}"]`).click();
  await expect(page).toHaveURL(new RegExp(`district=${encodeURIComponent(district.th)}`));
  const inDistrict = real.organisations.filter((o) => o.districtCode === district.code).length;
  await expect(page.getByTestId('overview-table').locator('tbody tr')).toHaveCount(inDistrict);
});

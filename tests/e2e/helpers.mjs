// Shared by every test. `test` watches each page it opens: any request that leaves the serving origin, and any
// Content-Security-Policy violation, fails the test. `watchErrors` collects console errors and uncaught
// exceptions (a Rust panic shows as one) for tests that expect none.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';

export const test = base.extend({
  page: async ({ page, baseURL }, use) => {
    const origin = new URL(baseURL).origin;
    const offOrigin = [];
    const csp = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) offOrigin.push(request.url());
    });
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) csp.push(msg.text());
    });
    await use(page);
    expect(offOrigin, 'requests that left the serving origin').toEqual([]);
    expect(csp, 'Content-Security-Policy violations').toEqual([]);
  },
});

export { expect };

export function watchErrors(page) {
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  return errors;
}

/** axe-core's findings at WCAG 2.1 AA on the page as it is now, each with where it was found. */
export async function accessibilityViolations(page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

/** The CSV the page offers behind the button with test id `button`, as header and rows of cells (a minimal RFC 4180 reader). */
/** RFC 4180 records of a CSV text (a leading byte order mark left out), each an array of fields. */
export function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' || c === '\n') { if (c === '\r' && text[i + 1] === '\n') i++; row.push(cell); rows.push(row); row = []; cell = ''; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/** The CSV the page offers behind the button with test id `button`, as header and rows of cells. */
export async function csvOf(page, button = 'csv') {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(button).click()]);
  const text = await readFile(await download.path(), 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows = parseCsv(text);
  return { name: download.suggestedFilename(), header: rows[0], rows: rows.slice(1) };
}

// A published catalog as the app reads it: a country's is cut into one part per province (docs/SHARDS.md),
// whose organisations and datasets join the top file's.
export function readCatalog(url) {
  const catalog = JSON.parse(readFileSync(url, 'utf8'));
  for (const part of catalog.parts ?? []) {
    const { organisations = [], datasets = [] } = JSON.parse(readFileSync(new URL(part.url, url), 'utf8'));
    catalog.organisations = [...(catalog.organisations ?? []), ...organisations];
    catalog.datasets = [...(catalog.datasets ?? []), ...datasets];
  }
  return catalog;
}

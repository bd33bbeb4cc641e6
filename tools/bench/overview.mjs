// The overview tab over published data, cold, in Debian's Chromium: navigation to the provinces' table, with the
// bytes and files fetched and the longest main-thread task; the provinces' map (choropleth) after the table's data,
// and a change of its measure; then one province's table (a click), and a sort.
//   node tools/bench/overview.mjs DATA_DIR [year]
// DATA_DIR is what `locallens publish` wrote; dist/ must be built (make dist). Prints one JSON object.
import { serve, instrumentedPage } from './page.mjs';

const [dataDir, year] = process.argv.slice(2);
const { url, browser, stop } = await serve(dataDir, 'overview', 8094);

try {
  const { page, fetched, longTasks } = await instrumentedPage(browser);
  const rows = page.getByTestId('overview-table').locator('tbody tr');
  const t0 = Date.now();
  await page.goto(`${url}index.html?tab=overview&lang=en${year ? `&byear=${year}` : ''}`);
  await rows.first().waitFor({ timeout: 600_000 });
  const result = {
    national_table_ms: Date.now() - t0,
    provinces: await rows.count(),
    total_processes: await page.getByTestId('overview-total-row').locator('[data-col="processes"]').textContent(),
    data_files: fetched.files,
    data_bytes: fetched.bytes,
  };
  // The choropleth: every province drawn and coloured, after the data the table shows has loaded.
  const places = page.getByTestId('map-svg').locator('path.place');
  await places.nth(76).waitFor({ timeout: 60_000 });
  result.map_after_table_ms = Date.now() - t0 - result.national_table_ms;
  result.map_places = await places.count();
  result.map_coloured = await places.evaluateAll((els) => els.filter((e) => e.getAttribute('fill') !== '#e4e4e4').length);
  const tm = Date.now();
  await page.getByTestId('map').locator('[data-measure="value-per-capita"]').click();
  await page.waitForURL(/map=value-per-capita/);
  await page.getByTestId('map').locator('li.selected [data-measure="value-per-capita"]').waitFor();
  result.map_measure_change_ms = Date.now() - tm;
  result.map_coloured_by_value_per_capita = await places.evaluateAll((els) => els.filter((e) => e.getAttribute('fill') !== '#e4e4e4').length);
  const t1 = Date.now();
  await rows.first().getByRole('link').first().click();
  await page.waitForURL(/province=/);
  await rows.first().waitFor();
  result.province_table_ms = Date.now() - t1;
  result.province_organisations = await rows.count();
  const t2 = Date.now();
  await page.getByTestId('overview-table').locator('th[data-sort="per-capita"] a').click();
  await page.waitForURL(/osort=-per-capita/);
  await page.getByTestId('overview-table').locator('th[data-sort="per-capita"][aria-sort="descending"]').waitFor();
  result.sort_ms = Date.now() - t2;
  const { longest, over } = await longTasks();
  Object.assign(result, { longest_task_ms: longest, tasks_over_200ms: over });
  console.log(JSON.stringify(result));
} finally {
  await stop();
}

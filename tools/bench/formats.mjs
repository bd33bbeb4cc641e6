// Weighs shard formats on the same rows: bytes raw and brotli for our locallens-rows, the CSV and OCDS JSON Lines
// `locallens publish` writes, and Arrow IPC (apache-arrow, from the CSV's columns, text dictionary-encoded).
// Parquet is not written here: DuckDB-WASM's COPY … (FORMAT parquet) never returns in Node with extension
// auto-loading off (its parquet writer is an extension). Usage: node tools/bench/formats.mjs DATA_DIR PROVINCE YEAR > target/bench/formats.json
import { readFileSync, readdirSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import * as arrow from 'apache-arrow';
import { readCatalog } from './catalog.mjs';

const [dir, province, year] = process.argv.slice(2);
const { catalog } = readCatalog(dir);
const brotli = (b) =>
  brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length;

const orgs = new Set(catalog.organisations.filter((o) => o.provinceCode === province).map((o) => o.code));
const ocds = Buffer.concat(
  catalog.datasets
    .filter((d) => d.kind === 'procurement' && orgs.has(d.organisation) && String(d.fiscalYear) === year)
    .map((d) => readFileSync(`${dir}/${d.url}`)),
);
const rows = readFileSync(`${dir}/rows/province-${province}-${year}.llrows`);
const csvBytes = readFileSync(`${dir}/csv/province-${province}-${year}.csv`);

// RFC 4180, as `locallens publish` writes it.
function parseCsv(text) {
  const out = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell.replace(/\r$/, '')); out.push(row); row = []; cell = ''; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); out.push(row); }
  return out;
}
const [header, ...records] = parseCsv(csvBytes.toString('utf8').replace(/^\uFEFF/, ''));
const money = new Set(['budget', 'reference_price', 'contract_value']);
const columns = {};
header.forEach((h, i) => {
  const values = records.map((r) => r[i] ?? '');
  columns[h] = money.has(h)
    ? Float64Array.from(values, (v) => (v === '' ? NaN : Number(v)))
    : arrow.vectorFromArray(values, new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32()));
});
const ipc = arrow.tableToIPC(arrow.tableFromArrays(columns), 'file');

const report = { province, year: Number(year), rows: records.length, formats: {} };
for (const [name, bytes] of [['locallens-rows', rows], ['csv', csvBytes], ['ocds-jsonl', ocds], ['arrow-ipc', Buffer.from(ipc)]]) {
  report.formats[name] = { bytes: bytes.length, brotli: brotli(bytes), bytesPerRow: +(bytes.length / records.length).toFixed(1) };
}
console.log(JSON.stringify(report, null, 2));

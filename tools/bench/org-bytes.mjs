// What a citizen's organisation page transfers, brotli quality 11: per organisation, its fiscal year's rows shard
// + flags file (`data`), and with the catalog it reads first (`page`: catalog.json and, when the catalog is cut per
// province, its province's part; docs/SHARDS.md). Usage: node tools/bench/org-bytes.mjs DATA_DIR [YEAR]
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { readCatalog } from './catalog.mjs';

const dir = process.argv[2];
const { catalog: cat, files } = readCatalog(dir);
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const catalogBr = Object.fromEntries(Object.entries(files).map(([url, b]) => [url, br(b)]));
const partOf = new Map((cat.parts ?? []).map((p) => [p.provinceCode, p.url]));
const provinceOf = new Map(cat.organisations.map((o) => [o.code, o.provinceCode]));
const per = new Map();
for (const d of cat.datasets) {
  if (!d.organisation || d.fiscalYear !== Number(process.argv[3] ?? 2568) || !['rows', 'flags'].includes(d.kind)) continue;
  const b = readFileSync(`${dir}/${d.url}`);
  const part = partOf.get(provinceOf.get(d.organisation));
  const p = per.get(d.organisation) ?? { raw: 0, br: 0, catalog: catalogBr['catalog.json'] + (part ? catalogBr[part] : 0) };
  p.raw += b.length; p.br += br(b);
  per.set(d.organisation, p);
}
const stats = (v) => {
  v.sort((a, b) => a - b);
  const q = (f) => v[Math.min(v.length - 1, Math.floor(f * v.length))];
  return { min: v[0], median: q(0.5), p95: q(0.95), max: v[v.length - 1] };
};
const data = stats([...per.values()].map((p) => p.br));
const page = stats([...per.values()].map((p) => p.br + p.catalog));
console.log(JSON.stringify({
  orgs: per.size, minBr: data.min, medianBr: data.median, p95Br: data.p95, maxBr: data.max,
  catalogParts: (cat.parts ?? []).length, pageMedianBr: page.median, pageP95Br: page.p95, pageMaxBr: page.max,
}));

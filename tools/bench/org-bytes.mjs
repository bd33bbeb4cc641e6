// What a citizen's organisation page transfers: per organisation, its fiscal year's rows shard + flags file, brotli
// quality 11. Usage: node tools/bench/org-bytes.mjs DATA_DIR [YEAR]
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
const dir = process.argv[2];
const cat = JSON.parse(readFileSync(`${dir}/catalog.json`, 'utf8'));
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const per = new Map();
for (const d of cat.datasets) {
  if (!d.organisation || d.fiscalYear !== Number(process.argv[3] ?? 2568) || !['rows', 'flags'].includes(d.kind)) continue;
  const b = readFileSync(`${dir}/${d.url}`);
  const p = per.get(d.organisation) ?? { raw: 0, br: 0 };
  p.raw += b.length; p.br += br(b);
  per.set(d.organisation, p);
}
const v = [...per.values()].map((p) => p.br).sort((a, b) => a - b);
const q = (f) => v[Math.min(v.length - 1, Math.floor(f * v.length))];
console.log(JSON.stringify({ orgs: v.length, minBr: v[0], medianBr: q(0.5), p95Br: q(0.95), maxBr: v[v.length - 1] }));

// Gathers what `make bench` measured into target/bench/report.json and target/bench/report.md, and prints the
// markdown. Fields: docs/BENCH.md.
//   node tools/bench/report.mjs [target/bench]
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'target/bench';
const read = (name) => {
  const file = join(dir, name);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return { unreadable: String(e) };
  }
};

const BASELINES = ['js_typed_arrays', 'js_objects', 'duckdb'];
const ENGINES = ['ours', 'ours_explorer', ...BASELINES];
const engines = [read('engines.json') ?? []].flat();

// One row per size, query and engine, and ours over each baseline (medians of the same page run).
const operations = [];
for (const run of engines) {
  for (const q of run.queries ?? []) {
    for (const engine of ENGINES) {
      if (!q[engine]) continue;
      const ratios = {};
      if (engine === 'ours') {
        for (const b of BASELINES) if (q[b]?.median > 0) ratios[b] = +(q.ours.median / q[b].median).toFixed(2);
      }
      operations.push({ processes: run.processes, operation: q.query, groups: q.groups, engine, ...q[engine], ours_over: ratios });
    }
  }
}

const report = {
  date: new Date().toISOString(),
  cpus: cpus().length,
  load_average_now: loadavg(),
  engines: engines.map(({ queries, ...rest }) => rest),
  operations,
  organisation_page_bytes: read('org-bytes.json'),
  national: {
    first_view: read('national-first-view.json'),
    overview: read('national-overview.json'),
    organisation_page_bytes: read('national-org-bytes.json'),
  },
};
writeFileSync(join(dir, 'report.json'), JSON.stringify(report, null, 1));

const ms = (s) => (s ? `${s.median} (${s.min}–${s.p95})` : '—');
const lines = [];
lines.push(`# make bench, ${report.date}`, '');
lines.push(`${report.cpus} CPUs. Times in ms: median (min–p95) of each engine's runs, interleaved in one page.`, '');
for (const run of engines) {
  const la = run.load_average;
  lines.push(`## ${run.processes.toLocaleString('en')} processes (${run.source})`, '');
  lines.push(
    `load average ${la ? `${la.before.map((x) => x.toFixed(2)).join(' ')} → ${la.after.map((x) => x.toFixed(2)).join(' ')}` : 'not recorded'}; ` +
      `shards read into the store in ${run.decode_ms} ms (${(run.shard_bytes / 1e6).toFixed(1)} MB); ` +
      `heap per process: columns ${run.heap_per_process?.columns} B, search keys ${run.heap_per_process?.search} B, ` +
      `texts ${run.heap_per_process?.texts} B, indexes ${run.heap_per_process?.indexes} B`,
    '',
  );
  if (run.duckdb) lines.push(`DuckDB-WASM: start ${run.duckdb.start_ms} ms, Arrow built in JS ${run.duckdb.arrow_ms} ms, load from Arrow ${run.duckdb.load_ms} ms`, '');
  lines.push('| query | groups | ours | ours, explorer path | JS typed arrays | JS objects | DuckDB-WASM | ours ÷ typed | ours ÷ DuckDB |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const q of run.queries ?? []) {
    const r = (b) => (q.ours && q[b]?.median > 0 ? (q.ours.median / q[b].median).toFixed(2) : '—');
    lines.push(`| ${q.query} | ${q.groups.toLocaleString('en')} | ${ENGINES.map((e) => ms(q[e])).join(' | ')} | ${r('js_typed_arrays')} | ${r('duckdb')} |`);
  }
  if (run.problems?.length) lines.push('', `Not counted: ${run.problems.join('; ')}`);
  lines.push('');
}
const md = lines.join('\n');
writeFileSync(join(dir, 'report.md'), md);
console.log(md);

// The JavaScript baselines of bench.html?mode=engines, on the columns the wasm store holds, copied once: the
// same queries as ours on typed-array columns and on one plain object per process, and DuckDB-WASM (loaded on
// demand from duckdb/, built by `make bench`) on Arrow tables of the same columns. Each call times its own
// run, excluding the copy. Every answer is a flat list of [group code, count, Σ contract value in satang],
// ascending by code, with only the groups that have a process; the page checks it against ours.
//
// The queries (FROM..TO are fiscal years; WORD a folded search word):
//   method    processes of FROM..TO, per procurement method   (about 6 groups)
//   org       processes of FROM..TO, per buyer                (about 8 k groups at a country's size)
//   supplier  processes of FROM..TO, per awarded supplier; a process with several counts for each
//   search    processes whose search key holds WORD, as one group 0
let cols = null;
let objects = null;
let duck = null;

export function load(c) {
  cols = c;
  objects = Array.from(c.method, (m, i) => ({
    method: m,
    year: c.year[i],
    value: Number.isNaN(c.value[i]) ? null : c.value[i],
    org: c.org[i],
    suppliers: Array.from(c.supCodes.subarray(c.supStart[i], c.supStart[i + 1])),
    key: c.keys[i],
  }));
}

function flat(count, sum) {
  const out = [];
  for (let g = 0; g < count.length; g++) if (count[g] > 0) out.push(g, count[g], sum[g]);
  return out;
}

function timed(run) {
  const t = performance.now();
  const result = run();
  return { ms: performance.now() - t, result };
}

export function typed(query, from, to, word, groups) {
  const { method, year, value, org, supStart, supCodes, keys } = cols;
  return timed(() => {
    const count = new Uint32Array(query === 'search' ? 1 : groups);
    const sum = new Float64Array(count.length);
    const n = year.length;
    if (query === 'search') {
      for (let i = 0; i < n; i++) {
        if (!keys[i].includes(word)) continue;
        count[0]++;
        const v = value[i];
        if (v === v) sum[0] += v;
      }
    } else if (query === 'supplier') {
      for (let i = 0; i < n; i++) {
        const y = year[i];
        if (y < from || y > to) continue;
        const v = value[i];
        for (let j = supStart[i]; j < supStart[i + 1]; j++) {
          const s = supCodes[j];
          count[s]++;
          if (v === v) sum[s] += v;
        }
      }
    } else {
      const key = query === 'org' ? org : method;
      for (let i = 0; i < n; i++) {
        const y = year[i];
        if (y < from || y > to) continue;
        const g = key[i];
        count[g]++;
        const v = value[i];
        if (v === v) sum[g] += v;
      }
    }
    return flat(count, sum);
  });
}

export function plain(query, from, to, word, groups) {
  return timed(() => {
    const count = new Array(query === 'search' ? 1 : groups).fill(0);
    const sum = new Array(count.length).fill(0);
    for (const p of objects) {
      if (query === 'search') {
        if (!p.key.includes(word)) continue;
        count[0]++;
        if (p.value !== null) sum[0] += p.value;
        continue;
      }
      if (p.year < from || p.year > to) continue;
      const groupsOf = query === 'supplier' ? p.suppliers : [query === 'org' ? p.org : p.method];
      for (const g of groupsOf) {
        count[g]++;
        if (p.value !== null) sum[g] += p.value;
      }
    }
    return flat(count, sum);
  });
}

// DuckDB-WASM: started from the self-hosted bundle, then loaded from Arrow IPC streams of the same columns
// (a missing contract value as 0, which changes no count or sum). Times: start, building the Arrow streams
// in JS, and DuckDB's load of them.
export async function duckStart() {
  const t = performance.now();
  const mod = await import(new URL('duckdb/duck.js', document.baseURI).href);
  duck = await mod.start(new URL('duckdb/', document.baseURI).href);
  return performance.now() - t;
}

export async function duckLoad() {
  return duck.load(cols);
}

export async function duckRun(query, from, to, word) {
  return duck.run(query, from, to, word);
}

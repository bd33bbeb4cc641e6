// The JavaScript baselines of bench.html?mode=engines, on the columns the wasm store holds, copied once:
// the same query (processes of fiscal years FROM..TO, count and Σ contract value per procurement method) on
// typed-array columns and on one plain object per process. Each call times its own run, excluding the copy.
let cols = null;
let objects = null;

export function load(method, year, value) {
  cols = { method, year, value };
  objects = Array.from(method, (m, i) => ({ method: m, year: year[i], value: Number.isNaN(value[i]) ? null : value[i] }));
}

// [method code, count, Σ value] per method with any process, in method-code order.
function flat(count, sum) {
  const out = [];
  for (let m = 0; m < count.length; m++) if (count[m] > 0) out.push(m, count[m], sum[m]);
  return out;
}

export function typed(from, to, methods) {
  const t = performance.now();
  const { method, year, value } = cols;
  const count = new Uint32Array(methods);
  const sum = new Float64Array(methods);
  for (let i = 0; i < method.length; i++) {
    const y = year[i];
    if (y < from || y > to) continue;
    const m = method[i];
    count[m]++;
    const v = value[i];
    if (v === v) sum[m] += v;
  }
  const ms = performance.now() - t;
  return { ms, result: flat(count, sum) };
}

export function plain(from, to, methods) {
  const t = performance.now();
  const count = new Array(methods).fill(0);
  const sum = new Array(methods).fill(0);
  for (const p of objects) {
    if (p.year < from || p.year > to) continue;
    count[p.method]++;
    if (p.value !== null) sum[p.method] += p.value;
  }
  const ms = performance.now() - t;
  return { ms, result: flat(count, sum) };
}
